#include "endpoints/circuit_breaker.h"

#include <algorithm>

namespace privacy::endpoints {

bool CircuitBreaker::Allow(Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (!open_) return true;
  if (probing_ || now < retry_at_) return false;
  probing_ = true;
  return true;
}

bool CircuitBreaker::Completed() {
  std::lock_guard lock(mutex_);
  consecutive_timeouts_ = 0;
  probing_ = false;
  bool closed_now = open_;
  open_ = false;
  backoff_ = std::chrono::milliseconds(0);
  return closed_now;
}

bool CircuitBreaker::TimedOut(Clock::time_point now, std::chrono::milliseconds* backoff) {
  std::lock_guard lock(mutex_);
  bool failed_probe = probing_;
  probing_ = false;
  if (!failed_probe && (open_ || ++consecutive_timeouts_ < options_.timeouts_to_open)) {
    return false;
  }
  backoff_ = failed_probe ? std::min(backoff_ * 2, options_.max_backoff) : options_.min_backoff;
  open_ = true;
  retry_at_ = now + backoff_;
  *backoff = backoff_;
  return true;
}

}  // namespace privacy::endpoints
