// When this worker should check whether a session has expired: one deadline
// per session (its latest known revision), earliest first. Each check comes a
// random moment after the session's expiry, so that workers sharing a bucket
// spread their checks of one session instead of all making them at once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "vault/packed_storage_key.h"

namespace privacy::vault {

// A session whose expiry is due to be checked.
struct ExpiryCheck {
  std::string key;  // storage key: "<account key>.<session id>"
  uint64_t revision = 0;
  int64_t expires_at_ms = 0;
};

// ExpiryDeadlines is safe for concurrent use. It only moves forward: a
// revision older than the one it tracks for a key is ignored. A due check is
// handed out once; whoever takes it puts it back (RetryAt) if it could not
// be completed. Keys that are not "<account key>.<session id>" name no
// session and are ignored. A tracked session costs about 100 bytes.
class ExpiryDeadlines {
 public:
  // Each check comes 0 to `spread_ms` (uniformly random) after the expiry.
  // `now_ms` gives Unix milliseconds (replaceable in tests).
  explicit ExpiryDeadlines(int64_t spread_ms, std::function<int64_t()> now_ms = {},
                           uint32_t seed = std::random_device{}());

  // Revision `revision` of `key` expires at `expires_at_ms`.
  void Track(std::string_view key, uint64_t revision, int64_t expires_at_ms);
  // `key` was deleted or purged at `revision`: no check for it any more.
  void Forget(std::string_view key, uint64_t revision);
  // Checks `check` again at `at_ms`, unless a newer revision is tracked.
  void RetryAt(const ExpiryCheck& check, int64_t at_ms);

  // Removes and returns up to `max` checks that are due now, earliest first.
  std::vector<ExpiryCheck> TakeDue(size_t max);
  // As TakeDue, after waiting until a check is due, `max_wait` has passed or
  // Stop() was called.
  std::vector<ExpiryCheck> WaitForDue(std::chrono::milliseconds max_wait, size_t max);
  // Wakes every waiter; later waits return at once.
  void Stop();

  // Sessions with a pending check.
  size_t size() const;

 private:
  struct Deadline {
    uint64_t revision = 0;
    int64_t expires_at_ms = 0;
    int64_t check_at_ms = 0;
  };
  // An entry of the check queue; stale once its key's deadline moved or
  // went away.
  struct QueuedCheck {
    int64_t check_at_ms = 0;
    PackedStorageKey key;
  };

  // Schedules `key` at `deadline` (replacing its previous deadline).
  void ScheduleLocked(const PackedStorageKey& key, const Deadline& deadline);
  // Pops stale checks off the top of the queue.
  void DropStaleLocked();
  // Rebuilds the queue from by_key_ once stale checks outnumber live ones.
  void CompactLocked();
  std::vector<ExpiryCheck> TakeDueLocked(size_t max);

  const int64_t spread_ms_;
  std::function<int64_t()> now_ms_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool stopped_ = false;
  std::minstd_rand rng_;
  AccountKeyTable account_keys_;
  std::unordered_map<PackedStorageKey, Deadline, PackedStorageKeyHash> by_key_;
  // A min-heap of checks by time (std::push_heap with LaterCheck).
  std::vector<QueuedCheck> queue_;
};

}  // namespace privacy::vault
