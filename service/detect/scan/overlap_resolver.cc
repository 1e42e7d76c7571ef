#include "detect/scan/overlap_resolver.h"

#include <algorithm>
#include <iterator>
#include <map>

namespace privacy::detect {
namespace {

// True when [start, end) overlaps a span in `taken` (keyed by start).
bool Overlaps(const std::map<uint32_t, uint32_t>& taken, uint32_t start, uint32_t end) {
  auto next = taken.lower_bound(start);
  if (next != taken.end() && next->first < end) return true;
  if (next != taken.begin() && std::prev(next)->second > start) return true;
  return false;
}

}  // namespace

std::vector<Finding> ResolveOverlaps(std::vector<Candidate> candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.denied != b.denied) return a.denied;
    if (a.score != b.score) return a.score > b.score;
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    if (a.start != b.start) return a.start < b.start;
    return a.type < b.type;
  });
  std::map<uint32_t, uint32_t> taken;
  std::vector<Finding> findings;
  for (const Candidate& c : candidates) {
    if (c.end <= c.start || Overlaps(taken, c.start, c.end)) continue;
    taken.emplace(c.start, c.end);
    findings.push_back({std::string(c.type), c.start, c.end, c.score});
  }
  std::sort(findings.begin(), findings.end(),
            [](const Finding& a, const Finding& b) { return a.start < b.start; });
  return findings;
}

}  // namespace privacy::detect
