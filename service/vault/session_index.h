// A worker's one index of the session bucket: one entry per session (its
// revision, expiry, whether it was removed, its pending expiry check and,
// while the byte budget holds them, its stored bytes), fed by the bucket's
// change feed and by the session store's own writes and reads. The byte
// cache, the per-account census and the expiry-check queue are views over
// these entries.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vault/expiry_check_queue.h"
#include "vault/live_session_count.h"
#include "vault/packed_storage_key.h"
#include "vault/session_byte_cache.h"
#include "vault/session_census.h"
#include "vault/session_state.h"
#include "vault/session_store.h"

namespace privacy::vault {

// One worker's index of the session bucket: one entry per session.
// The byte cache, the census and the expiry checks are views over the
// entries. Safe for concurrent use. It only ever moves forward, and Apply
// alone decides how: a revision older than the one an entry holds is
// ignored, so a removed key stays removed for older revisions. Bytes are
// held up to a budget (least recently used dropped first); every known
// session keeps its entry, so live counts stay exact while bytes may be
// missing. Each new revision of a live session gets one expiry check, a
// random moment after its expiry; a due check is handed out once, and
// whoever takes it puts it back (RetryAt) if it could not be completed.
// Keys that are not "<account key>.<session id>" name no session: they are
// not recorded.
class SessionIndex : public SessionCensus {
 public:
  // `byte_budget`: the most session bytes held at once. Expiry checks come 0
  // to `expiry_check_spread_ms` (uniformly random) after the expiry.
  // `now_ms` gives Unix milliseconds (replaceable in tests).
  SessionIndex(size_t byte_budget, int64_t expiry_check_spread_ms,
               std::function<int64_t()> now_ms = {}, uint32_t seed = std::random_device{}());

  // Records that revision `revision` of `key` is `state`. A new revision
  // drops the bytes of older ones, so the next read of `key` goes to the
  // store.
  void Apply(std::string_view key, uint64_t revision, SessionState state);
  // As Apply, with the revision's stored `bytes` (ignored when `state` is
  // removed), held while the budget allows. The same revision again brings
  // back bytes dropped for the budget.
  void Apply(std::string_view key, uint64_t revision, SessionState state, std::string_view bytes);

  // The byte cache: the bytes of a live, unexpired `key`; nullopt when
  // unknown, removed, expired or its bytes are not held.
  std::optional<StoredBytes> CachedBytes(std::string_view key);
  size_t cached_bytes() const;

  // The census: live sessions whose key starts with `account_key` + '.', to
  // the second: a session leaves the count at the end of the second it
  // expires in. Costs no visit of the sessions.
  uint64_t LiveSessions(std::string_view account_key) const override;

  // The expiry-check queue. Removes and returns up to `max` checks that are
  // due now, earliest first.
  std::vector<ExpiryCheck> TakeDue(size_t max);
  // As TakeDue, after waiting until a check is due, `max_wait` has passed or
  // Stop() was called.
  std::vector<ExpiryCheck> WaitForDue(std::chrono::milliseconds max_wait, size_t max);
  // Checks `check` again at `at_ms`, unless a newer revision is known.
  void RetryAt(const ExpiryCheck& check, int64_t at_ms);
  // Checks `check` again a random moment after its expiry (a store read
  // found it later than the check expected), unless a newer revision is
  // known or its check is pending already.
  void RecheckAfterExpiry(const ExpiryCheck& check);
  // Wakes every waiter; later waits return at once.
  void Stop();
  // Sessions with a pending expiry check.
  size_t pending_checks() const;

 private:
  // What is known of one session: a few words, as every live session of the
  // bucket has one.
  struct Entry {
    uint64_t revision = 0;      // 0 until a revision is known
    int64_t expires_at_ms = 0;  // for a removed session: when the removal is forgotten
    int64_t check_at_ms = 0;    // when its expiry check is due, while one is pending
    SessionByteCache::Slot bytes;
    bool removed = false;
    bool check_pending = false;
  };
  using Entries = std::unordered_map<PackedStorageKey, Entry, PackedStorageKeyHash>;
  // The sessions of one account, and how many of them are live.
  struct Account {
    Entries entries;
    LiveSessionCount live;
  };
  // Where the entry of one session lives.
  struct Slot {
    PackedStorageKey key;
    Account* account;
    Entry* entry;
  };

  // The slot of `key`, its entry created empty when unknown; nullopt when
  // `key` names no session. Caller holds mutex_ (as for every method below).
  std::optional<Slot> SlotFor(std::string_view key);
  Entry* FindEntry(const PackedStorageKey& key);
  // The one place an entry changes revision: makes it stand for `revision`
  // in `state` (without bytes), recounted and with its expiry check moved,
  // when `revision` is newer than the one it holds; false otherwise.
  bool MoveForward(const Slot& slot, uint64_t revision, SessionState state);
  // Whether `entry` is in `account`'s live count.
  static bool Counted(const Account& account, const Entry& entry);
  void ScheduleCheck(const Slot& slot, int64_t check_at_ms);
  void CancelCheck(Entry* entry);
  // Rebuilds the check queue once stale checks outnumber pending ones.
  void CompactCheckQueue();
  std::vector<ExpiryCheck> TakeDueLocked(size_t max);
  // Forgets removals older than their memory, and expired sessions that
  // left the live count and have no pending check.
  void ForgetSettledEntries(int64_t now);

  const std::function<int64_t()> now_ms_;
  mutable std::mutex mutex_;
  std::condition_variable checks_changed_;
  bool stopped_ = false;
  AccountKeyTable account_keys_;
  std::deque<Account> accounts_;  // by account index; growing keeps entries in place
  SessionByteCache byte_cache_;
  ExpiryCheckQueue check_queue_;
  size_t pending_checks_ = 0;
  int64_t next_forget_sweep_ms_ = 0;
};

}  // namespace privacy::vault
