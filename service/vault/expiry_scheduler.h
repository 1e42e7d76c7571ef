// Where a session's expiry check is put when the session is created, or
// put again when a check finds the session extended: the shared queue of
// expiry checks that the workers take due checks from.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "common/status.h"

namespace privacy::vault {

// Puts a session's expiry check in the queue the workers share, when the
// session is created or a check finds it extended. Implementations must be
// safe for concurrent use.
class ExpiryScheduler {
 public:
  virtual ~ExpiryScheduler() = default;

  // Queues a check of session `key` (a storage key) due at `due_ms` (Unix
  // ms). Does not wait: `done` runs once, possibly on another thread, when
  // the queue holds the check (a check it holds already counts) or could
  // not take it.
  virtual void ScheduleAsync(const std::string& key, int64_t due_ms,
                             std::function<void(Status)> done) = 0;
};

}  // namespace privacy::vault
