// The service's two clocks, in milliseconds: the wall clock as the service
// stores it (session expiries, audit timestamps) and a monotonic one for
// timeouts and delays (retry backoffs, batching delays).
#pragma once

#include <chrono>
#include <cstdint>

namespace privacy {

// Milliseconds since the Unix epoch.
inline int64_t UnixNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Milliseconds that only go forward, from an arbitrary start.
inline int64_t MonotonicNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace privacy
