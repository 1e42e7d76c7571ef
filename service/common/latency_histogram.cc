#include "common/latency_histogram.h"

#include <algorithm>
#include <bit>

namespace privacy {

LatencyHistogram::LatencyHistogram(std::chrono::seconds window)
    : window_(window), slot_length_(std::chrono::nanoseconds(window) / 2) {}

size_t LatencyHistogram::BucketOf(int64_t ns) {
  constexpr uint64_t kLargest = (uint64_t{1} << (kMaxExponent + 1)) - 1;
  uint64_t v = std::min(static_cast<uint64_t>(std::max<int64_t>(ns, 0)), kLargest);
  if (v < kSubBuckets) return static_cast<size_t>(v);
  int shift = std::bit_width(v) - 1 - kSubBucketBits;
  uint64_t sub = (v >> shift) & (kSubBuckets - 1);
  return static_cast<size_t>((shift + 1) * kSubBuckets + sub);
}

int64_t LatencyHistogram::BucketUpperBound(size_t bucket) {
  if (bucket < kSubBuckets) return static_cast<int64_t>(bucket);
  int shift = static_cast<int>(bucket / kSubBuckets) - 1;
  uint64_t lower = (kSubBuckets + bucket % kSubBuckets) << shift;
  return static_cast<int64_t>(lower + (uint64_t{1} << shift) - 1);
}

int64_t LatencyHistogram::PeriodOf(Clock::time_point now) const {
  return now.time_since_epoch() / slot_length_;
}

void LatencyHistogram::Record(std::chrono::nanoseconds latency, Clock::time_point now) {
  int64_t period = PeriodOf(now);
  Slot& slot = slots_[static_cast<size_t>(period % 2)];
  if (slot.period != period) slot = Slot{period};
  int64_t ns = latency.count();
  slot.count++;
  slot.max_ns = std::max(slot.max_ns, ns);
  slot.buckets[BucketOf(ns)]++;
}

LatencySummary LatencyHistogram::Summary(Clock::time_point now) const {
  int64_t period = PeriodOf(now);
  std::array<uint64_t, kBuckets> merged{};
  LatencySummary out;
  for (const Slot& slot : slots_) {
    if (slot.period != period && slot.period != period - 1) continue;
    out.count += slot.count;
    out.max_ns = std::max(out.max_ns, slot.max_ns);
    for (size_t b = 0; b < kBuckets; ++b) merged[b] += slot.buckets[b];
  }
  if (out.count == 0) return out;
  // The bound of the first bucket holding the given share (per thousand)
  // of the latencies, never above the exact maximum.
  auto percentile = [&](uint64_t per_thousand) {
    uint64_t rank = std::max<uint64_t>(1, (out.count * per_thousand + 999) / 1000);
    uint64_t seen = 0;
    for (size_t b = 0; b < kBuckets; ++b) {
      seen += merged[b];
      if (seen >= rank) return std::min(BucketUpperBound(b), out.max_ns);
    }
    return out.max_ns;
  };
  out.p50_ns = percentile(500);
  out.p90_ns = percentile(900);
  out.p99_ns = percentile(990);
  return out;
}

}  // namespace privacy
