// Percentiles of latency samples, for load measurements.
#pragma once

#include <cstdint>
#include <vector>

namespace privacy {

// Count, nearest-rank percentiles and maximum of a set of latencies, in
// nanoseconds; every field is 0 for an empty set.
struct LatencySummary {
  uint64_t count = 0;
  int64_t p50_ns = 0;
  int64_t p90_ns = 0;
  int64_t p99_ns = 0;
  int64_t max_ns = 0;
};

// The nearest-rank `percent` percentile (0 < percent <= 100) of `sorted`,
// which is in ascending order: the smallest sample that at least `percent`
// per cent of the samples do not exceed. 0 when `sorted` is empty.
int64_t NearestRankPercentile(const std::vector<int64_t>& sorted, double percent);

// Sorts `samples_ns` and summarises it.
LatencySummary SummarizeLatencies(std::vector<int64_t>* samples_ns);

}  // namespace privacy
