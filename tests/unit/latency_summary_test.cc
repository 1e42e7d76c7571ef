#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "common/latency_summary.h"

using namespace privacy;

TEST_CASE("nearest-rank percentiles of 1..100 are the ranks themselves") {
  std::vector<int64_t> samples(100);
  std::iota(samples.begin(), samples.end(), 1);
  std::shuffle(samples.begin(), samples.end(), std::mt19937(7));
  LatencySummary summary = SummarizeLatencies(&samples);
  CHECK(summary.count == 100);
  CHECK(summary.p50_ns == 50);
  CHECK(summary.p90_ns == 90);
  CHECK(summary.p99_ns == 99);
  CHECK(summary.max_ns == 100);
  CHECK(std::is_sorted(samples.begin(), samples.end()));
}

TEST_CASE("a percentile is the smallest sample covering that share, never interpolated") {
  const std::vector<int64_t> sorted = {10, 20, 30, 40};
  CHECK(NearestRankPercentile(sorted, 25) == 10);
  CHECK(NearestRankPercentile(sorted, 26) == 20);
  CHECK(NearestRankPercentile(sorted, 50) == 20);
  CHECK(NearestRankPercentile(sorted, 51) == 30);
  CHECK(NearestRankPercentile(sorted, 99) == 40);
  CHECK(NearestRankPercentile(sorted, 100) == 40);
  CHECK(NearestRankPercentile(sorted, 0.001) == 10);
}

TEST_CASE("one slow request shows in p99 and max only once it is over 1% of the samples") {
  std::vector<int64_t> samples(1000, 100);
  samples[500] = 5000;
  LatencySummary summary = SummarizeLatencies(&samples);
  CHECK(summary.p50_ns == 100);
  CHECK(summary.p99_ns == 100);
  CHECK(summary.max_ns == 5000);

  std::vector<int64_t> heavy_tail(1000, 100);
  std::fill(heavy_tail.begin(), heavy_tail.begin() + 11, 5000);
  summary = SummarizeLatencies(&heavy_tail);
  CHECK(summary.p90_ns == 100);
  CHECK(summary.p99_ns == 5000);
}

TEST_CASE("a single sample is every percentile; no samples summarise to zeros") {
  std::vector<int64_t> one = {42};
  LatencySummary summary = SummarizeLatencies(&one);
  CHECK(summary.count == 1);
  CHECK(summary.p50_ns == 42);
  CHECK(summary.p99_ns == 42);
  CHECK(summary.max_ns == 42);

  std::vector<int64_t> none;
  summary = SummarizeLatencies(&none);
  CHECK(summary.count == 0);
  CHECK(summary.p50_ns == 0);
  CHECK(summary.p99_ns == 0);
  CHECK(summary.max_ns == 0);
}
