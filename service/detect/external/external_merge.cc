#include "detect/external/external_merge.h"

#include <algorithm>

namespace privacy::detect {
namespace {

// The spans of the built-in candidates that are not deny values: model
// findings may not overlap them. Answers overlap queries in O(log n): spans
// sorted by start, with the running maximum of their ends.
class PrioritySpans {
 public:
  explicit PrioritySpans(const std::vector<Candidate>& candidates) {
    spans_.reserve(candidates.size());
    for (const Candidate& c : candidates) {
      if (!c.denied) spans_.push_back({c.start, c.end});
    }
    std::sort(spans_.begin(), spans_.end());
    max_end_.reserve(spans_.size());
    uint32_t max_end = 0;
    for (const auto& [start, end] : spans_) max_end_.push_back(max_end = std::max(max_end, end));
  }

  // True when [start, end) overlaps one of the spans.
  bool Overlaps(uint32_t start, uint32_t end) const {
    // Spans starting before `end`: the first `before` ones.
    auto first_after = std::lower_bound(spans_.begin(), spans_.end(), std::pair{end, 0u});
    size_t before = static_cast<size_t>(first_after - spans_.begin());
    return before > 0 && max_end_[before - 1] > start;
  }

 private:
  std::vector<std::pair<uint32_t, uint32_t>> spans_;
  std::vector<uint32_t> max_end_;
};

}  // namespace

void MergeExternalFindings(const ExternalFindings& external, std::vector<Candidate>* candidates) {
  auto covered = [&](std::string_view type) {
    return std::find(external.types.begin(), external.types.end(), type) != external.types.end();
  };
  std::erase_if(*candidates, [&](const Candidate& c) { return !c.denied && covered(c.type); });
  const PrioritySpans built_in(*candidates);
  for (const Finding& f : external.findings) {
    if (built_in.Overlaps(f.start, f.end)) continue;
    candidates->push_back({f.type, f.start, f.end, f.score});
  }
}

}  // namespace privacy::detect
