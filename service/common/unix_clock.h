// The wall clock as the service stores it: milliseconds since the Unix
// epoch (session expiries, audit timestamps).
#pragma once

#include <chrono>
#include <cstdint>

namespace privacy {

inline int64_t UnixNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace privacy
