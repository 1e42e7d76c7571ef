// A small fixed-size latency histogram over a recent time window, for the
// per-endpoint percentiles in $SRV.STATS.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>

#include "common/latency_summary.h"

namespace privacy {

// Counts latencies in log-linear buckets (8 per power of two, so a reported
// percentile is at most 12.5% above the true value; the maximum is exact).
// It keeps two slots of half a window each: a summary covers the current
// slot and the one before it, i.e. the last half to whole window. Recording
// is a few arithmetic operations and never allocates; the whole object is a
// plain value (about 2.5 KiB) that can be copied as a snapshot. Not
// thread-safe: the owner serializes access (RequestServer holds it under the
// endpoint's stats mutex).
class LatencyHistogram {
 public:
  using Clock = std::chrono::steady_clock;

  static constexpr std::chrono::seconds kDefaultWindow{60};

  explicit LatencyHistogram(std::chrono::seconds window = kDefaultWindow);

  void Record(std::chrono::nanoseconds latency) { Record(latency, Clock::now()); }
  void Record(std::chrono::nanoseconds latency, Clock::time_point now);

  LatencySummary Summary() const { return Summary(Clock::now()); }
  LatencySummary Summary(Clock::time_point now) const;

  std::chrono::seconds window() const { return window_; }

  // The bucket a latency falls in, and the largest latency that bucket
  // holds (exposed for tests).
  static size_t BucketOf(int64_t ns);
  static int64_t BucketUpperBound(size_t bucket);

 private:
  static constexpr int kSubBucketBits = 3;
  static constexpr int kSubBuckets = 1 << kSubBucketBits;
  // Latencies up to 2^41 ns (about 37 minutes); longer ones count as that.
  static constexpr int kMaxExponent = 41;
  static constexpr size_t kBuckets = (kMaxExponent - kSubBucketBits + 2) * kSubBuckets;

  struct Slot {
    int64_t period = -1;  // which half-window it counts, -1 when unused
    uint64_t count = 0;
    int64_t max_ns = 0;
    std::array<uint32_t, kBuckets> buckets{};
  };

  int64_t PeriodOf(Clock::time_point now) const;

  std::chrono::seconds window_;
  std::chrono::nanoseconds slot_length_;
  std::array<Slot, 2> slots_;
};

}  // namespace privacy
