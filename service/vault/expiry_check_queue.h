// The order in which a worker checks whether sessions have expired: the
// expiry-check queue kept by the session index. Each check comes a random
// moment after the session's expiry, so that workers sharing a bucket spread
// their checks of one session instead of all making them at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "vault/packed_storage_key.h"

namespace privacy::vault {

// A session whose expiry is due to be checked.
struct ExpiryCheck {
  std::string key;  // storage key: "<account key>.<session id>"
  uint64_t revision = 0;
  int64_t expires_at_ms = 0;
};

// Check times of sessions, earliest first. The index keeps each session's
// pending check time; a queued time it no longer holds (the check moved,
// was handed out or was cancelled) is stale and skipped, as `IsCurrent`
// tells. Not synchronized: its owner's lock guards it.
class ExpiryCheckQueue {
 public:
  // Whether `key`'s pending check is still at `check_at_ms`.
  using IsCurrent = std::function<bool(const PackedStorageKey& key, int64_t check_at_ms)>;
  // One queued check time.
  struct QueuedCheck {
    int64_t check_at_ms = 0;
    PackedStorageKey key;
  };

  // Checks come 0 to `spread_ms` (uniformly random) after the expiry.
  ExpiryCheckQueue(int64_t spread_ms, uint32_t seed, IsCurrent is_current);

  // When to check a session expiring at `expires_at_ms`.
  int64_t CheckTimeAfter(int64_t expires_at_ms);
  // Queues a check of `key` at `check_at_ms`; true when it is now the
  // earliest.
  bool Push(const PackedStorageKey& key, int64_t check_at_ms);
  // The earliest current check, if any.
  std::optional<QueuedCheck> Earliest();
  // Removes the earliest check, which Earliest() just returned.
  void PopEarliest();
  // Whether stale checks outnumber the `current` ones so far that the queue
  // should be rebuilt, by a visit of `entries` index entries.
  bool NeedsRebuild(size_t current, size_t entries) const;
  // Replaces the queue with `current`, every pending check.
  void Rebuild(std::vector<QueuedCheck> current);

 private:
  // Pops stale checks off the top of the queue.
  void DropStale();

  const int64_t spread_ms_;
  std::minstd_rand rng_;
  const IsCurrent is_current_;
  std::vector<QueuedCheck> heap_;  // a min-heap by check time (std::push_heap with LaterCheck)
};

}  // namespace privacy::vault
