// A clock for timeouts and delays: milliseconds that only go forward, from
// an arbitrary start (retry backoffs, batching delays).
#pragma once

#include <chrono>
#include <cstdint>

namespace privacy {

inline int64_t MonotonicNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace privacy
