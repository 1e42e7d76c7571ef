// A worker's local copy of the session bucket: the revision and expiry of
// every session (from the bucket's change feed) and the stored (encrypted)
// bytes of the sessions this worker wrote or read, so that most reads of a
// session need no round trip to the store.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vault/session_census.h"
#include "vault/packed_storage_key.h"
#include "vault/session_store.h"

namespace privacy::vault {

// SessionCache is safe for concurrent use. It only ever moves forward: an
// update older than what it holds (by revision) is ignored, and a removed
// key stays removed for older revisions. Bytes are held up to a budget
// (least recently used bytes are dropped first); the metadata of every
// known session is kept, so counts stay exact while bytes may be missing.
// Keys that are not "<account key>.<session id>" name no session: they are
// not recorded.
class SessionCache : public SessionCensus {
 public:
  // `byte_budget`: the most session bytes held at once. `now_ms` gives Unix
  // milliseconds (replaceable in tests).
  SessionCache(size_t byte_budget, std::function<int64_t()> now_ms = {});

  // Records revision `revision` of `key` holding `bytes`, expiring at
  // `expires_at_ms`.
  void Put(std::string_view key, std::string_view bytes, uint64_t revision, int64_t expires_at_ms);
  // Records that revision `revision` of `key` exists, expiring at
  // `expires_at_ms`, without its bytes: older bytes are dropped, so the next
  // read of `key` goes to the store.
  void Track(std::string_view key, uint64_t revision, int64_t expires_at_ms);
  // Records that `key` was deleted or purged at `revision`.
  void Remove(std::string_view key, uint64_t revision);

  // The cached bytes of a live, unexpired `key`; nullopt when unknown,
  // removed, expired or its bytes were dropped.
  std::optional<StoredBytes> Get(std::string_view key);

  // Live sessions whose key starts with `account_key` + '.', to the second:
  // a session leaves the count at the end of the second it expires in.
  // Costs no visit of the sessions.
  uint64_t LiveSessions(std::string_view account_key) const override;

  size_t cached_bytes() const;

 private:
  // A session's stored bytes, while the byte budget holds them.
  struct CachedBytes {
    std::string bytes;
    std::list<PackedStorageKey>::iterator recency;
  };
  // What is known of one session: a few words, as every live session of the
  // bucket has one.
  struct Entry {
    uint64_t revision = 0;
    int64_t expires_at_ms = 0;
    std::unique_ptr<CachedBytes> cached;  // null when its bytes are not held
    bool removed = false;
  };
  using Entries = std::unordered_map<PackedStorageKey, Entry, PackedStorageKeyHash>;
  // The sessions of one account, and how many are live: each live session
  // is counted under the second it expires in, so expired seconds leave the
  // count whole, without visiting their sessions.
  struct Account {
    Entries entries;
    uint64_t counted = 0;                           // sessions counted and not yet folded
    std::map<int64_t, uint64_t> counted_by_expiry;  // end of expiry second (ms) -> sessions
    int64_t folded_until_ms = 0;                    // expiry seconds ending by here left `counted`
  };

  // Where the entry of one session lives.
  struct Slot {
    PackedStorageKey key;
    Account* account;
    Entry* entry;
  };
  // The slot of `key`, its entry created empty when unknown; nullopt when
  // `key` names no session. Caller holds mutex_.
  std::optional<Slot> SlotFor(std::string_view key);
  void DropBytes(Entry* entry);
  // Whether `entry` is in `account`'s count.
  static bool Counted(const Account& account, const Entry& entry);
  // Takes `entry` into, or out of, `account`'s count when it belongs there.
  static void Count(Account* account, const Entry& entry);
  static void Uncount(Account* account, const Entry& entry);
  // Takes the sessions whose expiry second ended by `now` out of the count.
  static void Fold(Account* account, int64_t now);
  // Makes `entry` stand for revision `revision`, without bytes.
  void MoveTo(Account* account, Entry* entry, uint64_t revision, int64_t expires_at_ms,
              bool removed);
  void EvictToBudget();
  void ForgetOldTombstones(int64_t now);

  const size_t byte_budget_;
  std::function<int64_t()> now_ms_;
  mutable std::mutex mutex_;
  AccountKeyTable account_keys_;
  std::vector<Account> accounts_;        // by account index
  std::list<PackedStorageKey> recency_;  // keys with bytes, most recent first
  size_t cached_bytes_ = 0;
  int64_t next_tombstone_sweep_ms_ = 0;
};

}  // namespace privacy::vault
