// LatencyHistogram: bucket bounds, percentiles against exact ones, the
// recent window.
#include "common/latency_histogram.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using privacy::LatencyHistogram;
using namespace std::chrono_literals;

namespace {

// The exact nearest-rank percentile of `values` (sorted in place).
int64_t ExactPercentile(std::vector<int64_t>& values, double p) {
  std::sort(values.begin(), values.end());
  size_t rank = static_cast<size_t>(std::ceil(p * static_cast<double>(values.size())));
  return values[std::max<size_t>(rank, 1) - 1];
}

}  // namespace

TEST_SUITE("latency_histogram") {
  TEST_CASE("every value falls in a bucket whose bounds enclose it within 12.5%") {
    std::mt19937_64 rng(7);
    for (int i = 0; i < 100000; ++i) {
      int64_t v = static_cast<int64_t>(rng() >> (rng() % 40 + 24));
      size_t b = LatencyHistogram::BucketOf(v);
      int64_t upper = LatencyHistogram::BucketUpperBound(b);
      int64_t lower = b == 0 ? 0 : LatencyHistogram::BucketUpperBound(b - 1) + 1;
      REQUIRE(lower <= v);
      REQUIRE(v <= upper);
      CHECK(static_cast<double>(upper - lower) <= 0.125 * static_cast<double>(lower) + 1);
    }
    // Buckets are contiguous and increasing.
    for (size_t b = 1; b < 300; ++b) {
      CHECK(LatencyHistogram::BucketOf(LatencyHistogram::BucketUpperBound(b - 1) + 1) == b);
    }
    // Negative and huge values are clamped, not out of range.
    CHECK(LatencyHistogram::BucketOf(-5) == 0);
    CHECK(LatencyHistogram::BucketOf(INT64_MAX) == LatencyHistogram::BucketOf(int64_t{1} << 45));
  }

  TEST_CASE("percentiles are within one bucket above the exact ones; max is exact") {
    LatencyHistogram h;
    auto now = LatencyHistogram::Clock::now();
    std::mt19937_64 rng(11);
    std::lognormal_distribution<double> latency(std::log(200'000.0), 1.0);
    std::vector<int64_t> values;
    for (int i = 0; i < 5000; ++i) {
      int64_t v = static_cast<int64_t>(latency(rng));
      values.push_back(v);
      h.Record(std::chrono::nanoseconds(v), now);
    }
    auto s = h.Summary(now);
    CHECK(s.count == 5000);
    CHECK(s.max_ns == *std::max_element(values.begin(), values.end()));
    for (auto [p, got] : {std::pair{0.5, s.p50_ns}, {0.9, s.p90_ns}, {0.99, s.p99_ns}}) {
      int64_t exact = ExactPercentile(values, p);
      CAPTURE(p);
      CHECK(got >= exact);
      CHECK(static_cast<double>(got) <= 1.125 * static_cast<double>(exact) + 1);
    }
    CHECK(s.p50_ns <= s.p90_ns);
    CHECK(s.p90_ns <= s.p99_ns);
    CHECK(s.p99_ns <= s.max_ns);
  }

  TEST_CASE("an empty histogram summarizes to zeros") {
    auto s = LatencyHistogram().Summary();
    CHECK(s.count == 0);
    CHECK(s.p99_ns == 0);
    CHECK(s.max_ns == 0);
  }

  TEST_CASE("old latencies leave the window") {
    LatencyHistogram h(10s);
    auto t0 = LatencyHistogram::Clock::now();
    h.Record(9ms, t0);
    h.Record(9ms, t0);
    h.Record(1ms, t0 + 5s);
    // Within one window, all three count.
    auto within = h.Summary(t0 + 5s);
    CHECK(within.count == 3);
    CHECK(within.max_ns == 9'000'000);
    // After a whole window without the first two, only the recent one remains.
    auto later = h.Summary(t0 + 11s);
    CHECK(later.count <= 1);
    auto much_later = h.Summary(t0 + 30s);
    CHECK(much_later.count == 0);
    CHECK(much_later.max_ns == 0);
    // Recording again reuses the slots.
    h.Record(2ms, t0 + 30s);
    auto again = h.Summary(t0 + 30s);
    CHECK(again.count == 1);
    CHECK(again.p50_ns >= 2'000'000);
    CHECK(again.max_ns == 2'000'000);
  }
}
