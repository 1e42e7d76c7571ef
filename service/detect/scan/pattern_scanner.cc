#include "detect/scan/pattern_scanner.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace privacy::detect {
namespace {

struct ScanState {
  const std::vector<bool>* has_start;
  std::vector<ScanHit>* hits;
};

int OnMatch(unsigned int id, unsigned long long from, unsigned long long to,
            unsigned int, void* ctx) {
  auto* state = static_cast<ScanState*>(ctx);
  const uint32_t start = (*state->has_start)[id] ? static_cast<uint32_t>(from)
                                                 : static_cast<uint32_t>(to);
  state->hits->push_back({id, start, static_cast<uint32_t>(to)});
  return 0;
}

unsigned int FlagsOf(const ScanPattern& pattern) {
  return (pattern.leftmost_start ? HS_FLAG_SOM_LEFTMOST : 0) |
         (pattern.caseless ? HS_FLAG_CASELESS : 0);
}

bool StartThenLongest(const ScanHit& a, const ScanHit& b) {
  if (a.start != b.start) return a.start < b.start;
  return a.end > b.end;
}

bool ByStart(const ScanHit& a, const ScanHit& b) { return a.start < b.start; }

// Keeps, per pattern, the longest hit at each start and drops hits that
// begin inside an already kept one. Hits without a start are all kept.
// Hits are bucketed by pattern and compacted in place. Hyperscan reports
// them by end, so within a bucket starts usually come in order already
// (the longer hits of one start last) and no sorting is needed. `buffer`
// is the caller's, for the buckets' bounds.
std::vector<ScanHit> LeftmostLongest(const std::vector<ScanHit>& hits,
                                     const std::vector<bool>& has_start,
                                     std::vector<uint32_t>* buffer) {
  std::vector<uint32_t>& bucket_end = *buffer;
  bucket_end.assign(has_start.size() + 1, 0);
  for (const ScanHit& h : hits) ++bucket_end[h.id + 1];
  for (size_t i = 1; i < bucket_end.size(); ++i) bucket_end[i] += bucket_end[i - 1];
  std::vector<ScanHit> by_pattern(hits.size());
  // Counting sort: afterwards bucket_end[id] is where bucket id ends.
  for (const ScanHit& h : hits) by_pattern[bucket_end[h.id]++] = h;

  size_t kept = 0;
  size_t begin = 0;
  for (size_t id = 0; id < has_start.size(); ++id) {
    const auto first = by_pattern.begin() + static_cast<ptrdiff_t>(begin);
    const auto last = by_pattern.begin() + bucket_end[id];
    begin = bucket_end[id];
    if (!has_start[id]) {
      for (auto it = first; it != last; ++it) by_pattern[kept++] = *it;
      continue;
    }
    if (!std::is_sorted(first, last, ByStart)) std::sort(first, last, StartThenLongest);
    const size_t bucket_kept = kept;
    for (auto it = first; it != last;) {
      ScanHit longest = *it;
      for (++it; it != last && it->start == longest.start; ++it) {
        longest.end = std::max(longest.end, it->end);
      }
      if (kept > bucket_kept && longest.start < by_pattern[kept - 1].end) continue;
      by_pattern[kept++] = longest;
    }
  }
  by_pattern.resize(kept);
  return by_pattern;
}

}  // namespace

PatternScanner::PatternScanner(const std::vector<ScanPattern>& patterns) {
  if (patterns.empty()) return;
  std::vector<const char*> expressions;
  std::vector<unsigned int> flags;
  std::vector<unsigned int> ids;
  for (size_t i = 0; i < patterns.size(); ++i) {
    expressions.push_back(patterns[i].expression.c_str());
    flags.push_back(FlagsOf(patterns[i]));
    ids.push_back(static_cast<unsigned int>(i));
    has_start_.push_back(patterns[i].leftmost_start);
  }
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned int>(expressions.size()), HS_MODE_BLOCK,
                       nullptr, &db_, &error) != HS_SUCCESS) {
    std::string message = "hyperscan: cannot compile pattern";
    if (error != nullptr) {
      if (error->expression >= 0) {
        message += " '" + patterns[static_cast<size_t>(error->expression)].expression + "'";
      }
      message += std::string(": ") + error->message;
      hs_free_compile_error(error);
    }
    throw std::runtime_error(message);
  }
  scratch_ = std::make_unique<ScratchPool>(db_);
}

std::string PatternError(const ScanPattern& pattern) {
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile(pattern.expression.c_str(), FlagsOf(pattern), HS_MODE_BLOCK, nullptr, &db,
                 &error) == HS_SUCCESS) {
    hs_free_database(db);
    return {};
  }
  std::string message = error != nullptr ? error->message : "unknown error";
  hs_free_compile_error(error);
  return message;
}

PatternScanner::~PatternScanner() {
  scratch_.reset();
  if (db_ != nullptr) hs_free_database(db_);
}

std::vector<ScanHit> PatternScanner::Scan(std::string_view text) const {
  if (db_ == nullptr || text.empty()) return {};
  const ObjectPool<Buffers>::Lease buffers = buffers_.Acquire();
  std::vector<ScanHit>& hits = buffers->reported;
  hits.clear();
  ScanState state{&has_start_, &hits};
  {
    ScratchPool::Lease scratch = scratch_->Acquire();
    if (hs_scan(db_, text.data(), static_cast<unsigned int>(text.size()), 0, scratch.get(),
                OnMatch, &state) != HS_SUCCESS) {
      throw std::runtime_error("hyperscan: scan failed");
    }
  }
  std::vector<ScanHit> reduced = LeftmostLongest(hits, has_start_, &buffers->bucket_end);
  // A pooled buffer keeps what a usual text needs, not what a huge one did.
  constexpr size_t kKeptHits = 4096;
  if (hits.capacity() > kKeptHits) std::vector<ScanHit>().swap(hits);
  return reduced;
}

}  // namespace privacy::detect
