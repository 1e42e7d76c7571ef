#include <doctest/doctest.h>

#include <sstream>

#include "common/progress_line.h"

using privacy::ProgressLine;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand.
struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  ProgressLine::Clock AsClock() {
    return [this] { return now; };
  }
};

// What a line `enabled` or not writes for three updates 100 ms and then
// an interval apart, and its end.
std::string ThreeUpdates(bool enabled) {
  std::ostringstream out;
  FakeClock clock;
  {
    ProgressLine line(&out, enabled, clock.AsClock());
    CHECK(line.Due() == enabled);
    line.Show("1 of 3");
    clock.now += 100ms;
    CHECK_FALSE(line.Due());
    line.Show("2 of 3");
    clock.now += ProgressLine::kInterval;
    CHECK(line.Due() == enabled);
    line.Show("3 of 3");
  }
  return out.str();
}

}  // namespace

TEST_CASE("a progress line is rewritten at most every interval and erased at the end") {
  CHECK(ThreeUpdates(true) == "\r\033[K1 of 3\r\033[K3 of 3\r\033[K");
}

TEST_CASE("a disabled progress line writes nothing, not even the erasure") {
  CHECK(ThreeUpdates(false).empty());
}

TEST_CASE("Finish erases once; a line never shown is not erased") {
  std::ostringstream out;
  ProgressLine line(&out, true);
  line.Finish();
  CHECK(out.str().empty());
  line.Show("working");
  line.Finish();
  line.Finish();
  CHECK(out.str() == "\r\033[Kworking\r\033[K");
}
