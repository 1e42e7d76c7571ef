#include "detect/tagger/sequence_decoder.h"

#include <algorithm>
#include <limits>

#include "detect/tagger/tagger_model.h"

namespace privacy::detect {
namespace {

constexpr float kImpossible = -std::numeric_limits<float>::infinity();

// Every this many tokens, the decoder brings its scores back near zero.
constexpr size_t kRenormalizeEvery = 8;

// Subtracts the row's best score from each of its scores. Comparisons
// within a row are unchanged, and long texts do not pile up scores whose
// differences a float can no longer tell.
void KeepNearZero(float* row) {
  const float top = *std::max_element(row, row + kTagCount);
  if (top == kImpossible) return;
  for (int y = 0; y < kTagCount; ++y) row[y] -= top;
}

bool Allowed(const TagMask* allowed, size_t i, int y) {
  return allowed == nullptr || (allowed[i] >> y & 1);
}

}  // namespace

ConstrainedTransitions::ConstrainedTransitions(const TagTransitions& t) {
  for (int p = 0; p < kTagCount; ++p) {
    for (int y = 0; y < kTagCount; ++y) {
      between[p][y] = MayFollow(p, y) ? t.between[p][y] : kImpossible;
      if (MayFollow(p, y)) {
        predecessors[y][predecessor_count[y]++] = static_cast<uint8_t>(p);
        successors[p][successor_count[p]++] = static_cast<uint8_t>(y);
      }
    }
    first[p] = StartsFree(p) ? t.first[p] : kImpossible;
    last[p] = EndsFree(p) ? t.last[p] : kImpossible;
  }
}

float DecodeBest(const float* emissions, size_t n, const ConstrainedTransitions& transitions,
                 const TagMask* allowed, DecoderScratch* scratch, std::vector<uint8_t>* tags) {
  tags->assign(n, 0);
  if (n == 0) return 0.0f;
  const ConstrainedTransitions& c = transitions;
  std::vector<float>& forward = scratch->forward;
  std::vector<uint8_t>& back = scratch->back_pointers;
  forward.resize(n * kTagCount);
  back.resize(n * kTagCount);
  for (int y = 0; y < kTagCount; ++y) {
    forward[y] = Allowed(allowed, 0, y) ? c.first[y] + emissions[y] : kImpossible;
  }
  for (size_t i = 1; i < n; ++i) {
    const float* previous = &forward[(i - 1) * kTagCount];
    const float* emission = &emissions[i * kTagCount];
    for (int y = 0; y < kTagCount; ++y) {
      if (!Allowed(allowed, i, y)) {
        forward[i * kTagCount + y] = kImpossible;
        back[i * kTagCount + y] = 0;
        continue;
      }
      float best = kImpossible;
      int from = 0;
      for (int k = 0; k < c.predecessor_count[y]; ++k) {
        const int p = c.predecessors[y][k];
        const float score = previous[p] + c.between[p][y];
        if (score > best) {
          best = score;
          from = p;
        }
      }
      forward[i * kTagCount + y] = best + emission[y];
      back[i * kTagCount + y] = static_cast<uint8_t>(from);
    }
    if (i % kRenormalizeEvery == 0) KeepNearZero(&forward[i * kTagCount]);
  }
  float best = kImpossible;
  int tag = 0;
  for (int y = 0; y < kTagCount; ++y) {
    const float score = forward[(n - 1) * kTagCount + y] + c.last[y];
    if (score > best) {
      best = score;
      tag = y;
    }
  }
  for (size_t i = n; i-- > 0;) {
    (*tags)[i] = static_cast<uint8_t>(tag);
    tag = back[i * kTagCount + tag];
  }
  return best;
}

void EntityMargins(const float* emissions, size_t n, const ConstrainedTransitions& transitions,
                   const TagMask* allowed, DecoderScratch* scratch, std::vector<float>* margins,
                   std::vector<uint8_t>* entity_tags) {
  margins->assign(n, 0.0f);
  entity_tags->assign(n, 0);
  if (n == 0) return;
  const ConstrainedTransitions& c = transitions;
  const std::vector<float>& forward = scratch->forward;
  std::vector<float>& backward = scratch->backward;
  backward.resize(n * kTagCount);
  for (int y = 0; y < kTagCount; ++y) {
    backward[(n - 1) * kTagCount + y] = Allowed(allowed, n - 1, y) ? c.last[y] : kImpossible;
  }
  KeepNearZero(&backward[(n - 1) * kTagCount]);
  for (size_t i = n - 1; i-- > 0;) {
    const float* next = &backward[(i + 1) * kTagCount];
    const float* emission = &emissions[(i + 1) * kTagCount];
    for (int y = 0; y < kTagCount; ++y) {
      float top = kImpossible;
      if (!Allowed(allowed, i, y)) {
        backward[i * kTagCount + y] = top;
        continue;
      }
      for (int k = 0; k < c.successor_count[y]; ++k) {
        const int x = c.successors[y][k];
        top = std::max(top, c.between[y][x] + emission[x] + next[x]);
      }
      backward[i * kTagCount + y] = top;
    }
    if (i % kRenormalizeEvery == 0) KeepNearZero(&backward[i * kTagCount]);
  }
  for (size_t i = 0; i < n; ++i) {
    const float outside = forward[i * kTagCount] + backward[i * kTagCount];
    float entity = kImpossible;
    int tag = 0;
    for (int y = 1; y < kTagCount; ++y) {
      const float score = forward[i * kTagCount + y] + backward[i * kTagCount + y];
      if (score > entity) {
        entity = score;
        tag = y;
      }
    }
    (*entity_tags)[i] = static_cast<uint8_t>(tag);
    if (entity == kImpossible) {
      (*margins)[i] = -kMarginCap;
    } else if (outside == kImpossible) {
      (*margins)[i] = kMarginCap;
    } else {
      (*margins)[i] = std::clamp(entity - outside, -kMarginCap, kMarginCap);
    }
  }
}

StretchTransitions::StretchTransitions(const TagTransitions& transitions) {
  for (int after = 0; after < 2; ++after) {
    for (int before = 0; before < 2; ++before) {
      TagTransitions t = transitions;
      for (int y = 0; y < kTagCount; ++y) {
        if (after) t.first[y] = transitions.between[0][y];
        if (before) t.last[y] = transitions.between[y][0];
      }
      edges_.emplace_back(t);
    }
  }
}

void StretchEntityMargins(const float* emissions, size_t n, const StretchTransitions& transitions,
                          const uint8_t* outside, DecoderScratch* scratch,
                          std::vector<float>* margins, std::vector<uint8_t>* entity_tags) {
  margins->assign(n, -kMarginCap);
  entity_tags->assign(n, 0);
  size_t start = 0;
  while (start < n) {
    if (outside[start]) {
      ++start;
      continue;
    }
    size_t end = start;
    while (end < n && !outside[end]) ++end;
    const ConstrainedTransitions& t = transitions.At(start > 0, end < n);
    const float* rows = emissions + start * kTagCount;
    DecodeBest(rows, end - start, t, nullptr, scratch, &scratch->stretch_best);
    EntityMargins(rows, end - start, t, nullptr, scratch, &scratch->stretch_margins,
                  &scratch->stretch_tags);
    std::copy(scratch->stretch_margins.begin(), scratch->stretch_margins.end(),
              margins->begin() + start);
    std::copy(scratch->stretch_tags.begin(), scratch->stretch_tags.end(),
              entity_tags->begin() + start);
    start = end;
  }
}

}  // namespace privacy::detect
