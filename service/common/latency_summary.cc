#include "common/latency_summary.h"

#include <algorithm>
#include <cmath>

namespace privacy {

int64_t NearestRankPercentile(const std::vector<int64_t>& sorted, double percent) {
  if (sorted.empty()) return 0;
  const double rank = std::ceil(percent * static_cast<double>(sorted.size()) / 100.0);
  const size_t index = static_cast<size_t>(std::clamp(rank, 1.0, static_cast<double>(sorted.size())));
  return sorted[index - 1];
}

LatencySummary SummarizeLatencies(std::vector<int64_t>* samples_ns) {
  std::sort(samples_ns->begin(), samples_ns->end());
  LatencySummary summary;
  summary.count = samples_ns->size();
  summary.p50_ns = NearestRankPercentile(*samples_ns, 50);
  summary.p90_ns = NearestRankPercentile(*samples_ns, 90);
  summary.p99_ns = NearestRankPercentile(*samples_ns, 99);
  summary.max_ns = samples_ns->empty() ? 0 : samples_ns->back();
  return summary;
}

}  // namespace privacy
