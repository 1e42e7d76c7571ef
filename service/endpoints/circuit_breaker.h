// A circuit breaker for a dependency that may become slow: it stops calling
// the dependency for a while after repeated timeouts, so callers fall back at
// once instead of waiting the full timeout every time.
#pragma once

#include <chrono>
#include <mutex>

namespace privacy::endpoints {

// Closed, the breaker lets every call through. After `timeouts_to_open`
// consecutive timeouts it opens for a backoff (from `min_backoff`, doubling
// up to `max_backoff` while it keeps failing); once the backoff has passed it
// lets one call through as a probe, and rejects the others until the probe
// ends. A call that completes in time (whatever its answer) closes it again.
// Safe for concurrent use.
class CircuitBreaker {
 public:
  using Clock = std::chrono::steady_clock;

  struct Options {
    int timeouts_to_open = 3;
    std::chrono::milliseconds min_backoff{1000};
    std::chrono::milliseconds max_backoff{30000};
  };

  explicit CircuitBreaker(Options options) : options_(options) {}

  // True when a call may go ahead at `now`; the caller then reports its end
  // with exactly one of Completed() or TimedOut().
  bool Allow(Clock::time_point now);

  // The call completed before its deadline. True when this closed an open
  // breaker.
  bool Completed();

  // The call timed out at `now`. True when this opened the breaker, with its
  // backoff in `*backoff`.
  bool TimedOut(Clock::time_point now, std::chrono::milliseconds* backoff);

 private:
  Options options_;
  std::mutex mutex_;
  int consecutive_timeouts_ = 0;
  bool open_ = false;
  bool probing_ = false;
  std::chrono::milliseconds backoff_{0};
  Clock::time_point retry_at_;
};

}  // namespace privacy::endpoints
