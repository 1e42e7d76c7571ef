#include "detect/pattern_scanner.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace privacy::detect {
namespace {

struct ScanState {
  const std::vector<bool>* wanted;
  const std::vector<bool>* has_start;
  std::vector<ScanHit>* hits;
};

int OnMatch(unsigned int id, unsigned long long from, unsigned long long to,
            unsigned int, void* ctx) {
  auto* state = static_cast<ScanState*>(ctx);
  if ((*state->wanted)[id]) {
    const uint32_t start = (*state->has_start)[id] ? static_cast<uint32_t>(from)
                                                   : static_cast<uint32_t>(to);
    state->hits->push_back({id, start, static_cast<uint32_t>(to)});
  }
  return 0;
}

// Keeps, per pattern, the longest hit at each start and drops hits that
// begin inside an already kept one. Hits without a start are all kept.
std::vector<ScanHit> LeftmostLongest(std::vector<ScanHit> hits,
                                     const std::vector<bool>& has_start) {
  std::sort(hits.begin(), hits.end(), [](const ScanHit& a, const ScanHit& b) {
    if (a.id != b.id) return a.id < b.id;
    if (a.start != b.start) return a.start < b.start;
    return a.end > b.end;
  });
  std::vector<ScanHit> kept;
  for (const ScanHit& h : hits) {
    if (has_start[h.id] && !kept.empty() && kept.back().id == h.id &&
        h.start < kept.back().end) {
      continue;
    }
    kept.push_back(h);
  }
  return kept;
}

}  // namespace

PatternScanner::PatternScanner(const std::vector<ScanPattern>& patterns)
    : pattern_count_(patterns.size()) {
  if (patterns.empty()) return;
  std::vector<const char*> expressions;
  std::vector<unsigned int> flags;
  std::vector<unsigned int> ids;
  for (size_t i = 0; i < patterns.size(); ++i) {
    expressions.push_back(patterns[i].expression.c_str());
    flags.push_back((patterns[i].leftmost_start ? HS_FLAG_SOM_LEFTMOST : 0) |
                    (patterns[i].caseless ? HS_FLAG_CASELESS : 0));
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

PatternScanner::~PatternScanner() {
  scratch_.reset();
  if (db_ != nullptr) hs_free_database(db_);
}

std::vector<ScanHit> PatternScanner::Scan(std::string_view text,
                                          const std::vector<bool>& wanted) const {
  std::vector<ScanHit> hits;
  if (db_ == nullptr || text.empty()) return hits;
  ScanState state{&wanted, &has_start_, &hits};
  ScratchPool::Lease scratch = scratch_->Acquire();
  if (hs_scan(db_, text.data(), static_cast<unsigned int>(text.size()), 0, scratch.get(),
              OnMatch, &state) != HS_SUCCESS) {
    throw std::runtime_error("hyperscan: scan failed");
  }
  return LeftmostLongest(std::move(hits), has_start_);
}

}  // namespace privacy::detect
