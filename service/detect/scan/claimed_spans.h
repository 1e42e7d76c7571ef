// Which parts of a text earlier recognizers have already claimed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <span>
#include <utility>
#include <vector>

#include "detect/recognizer.h"

namespace privacy::detect {

// Spans already claimed by the structured recognizers (e-mail addresses,
// URLs, ...), sorted by start, for "is this offset inside one" queries.
class ClaimedSpans {
 public:
  explicit ClaimedSpans(std::span<const Candidate> earlier) {
    spans_.reserve(earlier.size());
    for (const Candidate& c : earlier) spans_.emplace_back(c.start, c.end);
    std::sort(spans_.begin(), spans_.end());
    for (size_t i = 1; i < spans_.size(); ++i) {
      spans_[i].second = std::max(spans_[i].second, spans_[i - 1].second);
    }
  }

  // True when [start, end) overlaps a claimed span.
  bool Overlaps(uint32_t start, uint32_t end) const {
    auto it = std::lower_bound(spans_.begin(), spans_.end(), std::make_pair(end, uint32_t{0}));
    return it != spans_.begin() && std::prev(it)->second > start;
  }

 private:
  std::vector<std::pair<uint32_t, uint32_t>> spans_;  // second: running max of ends
};

}  // namespace privacy::detect
