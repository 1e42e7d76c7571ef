// A worker's index of the session bucket, within a memory budget: the
// sessions this worker wrote or read lately (revision, expiry, whether it
// was removed, and their stored bytes), fed by the bucket's change feed and
// by the session store's own writes and reads; and the per-account census
// of every live session, kept as counts by expiry second, never per session.
#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "vault/live_session_count.h"
#include "vault/session_census.h"
#include "vault/session_state.h"
#include "vault/session_store.h"

namespace privacy::vault {

// One worker's index of the session bucket. Safe for concurrent use.
//
// Held sessions: at most `budget_bytes` of them (their bytes, key and a
// fixed cost per entry), the least recently used dropped first. An entry
// only ever moves forward (a revision older than the one it holds is
// ignored, so a removed key stays removed for older revisions). Changes of
// sessions it does not hold are not recorded; a reader that will apply
// what it read (the session store) watches the key first (Watch), so that a
// change arriving while its read or write is in flight is recorded and an
// older result arriving afterwards is ignored.
//
// Census: live sessions per account from the change feed (ApplyChange) and,
// ahead of it, this worker's own writes (ApplyWrite), each counted once,
// by the second each expires in: a write adds the session
// at its expiry and takes it from its previous expiry when the writer named
// it, a removal takes it from its previous expiry when named. Memory is one
// count per account and expiry second, whatever the number of sessions.
class SessionIndex : public SessionCensus {
 public:
  // `now_ms` gives Unix milliseconds (replaceable in tests).
  explicit SessionIndex(size_t budget_bytes, std::function<int64_t()> now_ms = {});

  // Keeps an entry for `key` (created empty when unknown) until as many
  // Unwatch calls, recording every change applied meanwhile.
  void Watch(std::string_view key);
  void Unwatch(std::string_view key);

  // The session store's read: revision `revision` of `key` is `state`, with
  // its stored `bytes` (ignored when removed), held while the budget
  // allows. The same revision again brings back bytes dropped for the
  // budget.
  void Apply(std::string_view key, uint64_t revision, SessionState state, std::string_view bytes);
  // The session store's own write or erasure, acknowledged: as Apply (bytes
  // may be empty: then only a held entry changes), and counted in the
  // census at once; the change feed's copy of it is then not counted again.
  void ApplyWrite(std::string_view key, uint64_t revision, SessionState state,
                  std::string_view bytes = {});

  // A change from the bucket's change feed, in stream order (`revision` is
  // its stream sequence; one not above the latest applied is ignored):
  // counted in the census, and applied to a held entry.
  void ApplyChange(std::string_view key, uint64_t revision, SessionState state);

  // The byte cache: the bytes of a held, live, unexpired `key`; nullopt when
  // not held, removed, expired or its bytes were dropped.
  std::optional<StoredBytes> CachedBytes(std::string_view key);
  // The expiry of `revision` of `key` (0: whichever revision is held), if
  // held and live.
  std::optional<int64_t> KnownExpiry(std::string_view key, uint64_t revision = 0) const;

  // Own writes counted ahead of the feed, not yet passed by it.
  size_t writes_ahead_of_feed() const;
  // Memory the held entries take by the budget's measure, and how many.
  size_t held_bytes() const;
  size_t held_entries() const;

  // The census: live sessions whose key starts with `account_key` + '.', to
  // the second: a session leaves the count at the end of the second it
  // expires in.
  uint64_t LiveSessions(std::string_view account_key) const override;

 private:
  // What is known of one held session.
  struct Entry {
    uint64_t revision = 0;  // 0 until a revision is known
    int64_t expires_at_ms = 0;
    bool removed = false;
    bool has_bytes = false;
    int watchers = 0;
    std::string bytes;
    std::list<const std::string*>::iterator recency;  // its place in recency_
  };
  // Transparent hashing, so string_view lookups need no copy.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  using Entries = std::unordered_map<std::string, Entry, KeyHash, std::equal_to<>>;

  // The entry of `key`, created empty when missing. Caller holds mutex_ (as
  // for every method below).
  Entry& EntryFor(std::string_view key);
  Entry* Find(std::string_view key);
  // Makes `entry` stand for `revision` in `state`, without bytes, when
  // `revision` is newer than the one it holds; false otherwise.
  bool MoveForward(Entry& entry, uint64_t revision, SessionState state);
  void SetBytes(Entry& entry, std::string_view bytes);
  void Touch(Entry& entry);
  // Drops least recently used entries no one watches down to the budget.
  void EvictToBudget();
  void Erase(Entries::iterator it);
  static size_t Cost(const std::string& key, const Entry& entry);
  // Counts `state` of `key` in its account's census.
  void Count(std::string_view key, SessionState state);
  // Holds `bytes` as `revision` of `entry` when it stands for that revision.
  void HoldBytes(std::string_view key, Entry& entry, uint64_t revision, std::string_view bytes);

  const size_t budget_bytes_;
  const std::function<int64_t()> now_ms_;
  mutable std::mutex mutex_;
  Entries entries_;
  std::list<const std::string*> recency_;  // keys of entries_, most recently used first
  size_t held_bytes_ = 0;
  uint64_t last_change_ = 0;  // stream sequence of the latest change from the feed
  std::set<uint64_t> counted_ahead_;  // own writes counted, above last_change_
  mutable std::unordered_map<std::string, LiveSessionCount, KeyHash, std::equal_to<>> census_;
};

}  // namespace privacy::vault
