// A clock of Unix milliseconds that tests set by hand.
#pragma once

#include <cstdint>
#include <functional>

namespace privacy::testing {

// Reads `now`, which the test moves; fn() is what a class under test takes
// as its `now_ms`.
struct ManualClock {
  int64_t now = 1'700'000'000'000;
  std::function<int64_t()> fn() {
    return [this] { return now; };
  }
};

}  // namespace privacy::testing
