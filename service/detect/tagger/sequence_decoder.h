// Finding the best BILOU tag sequence for a text from per-token tag scores,
// and how much better it is than its alternatives at each token.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "detect/tagger/entity_tags.h"
#include "detect/tagger/tag_transitions.h"

namespace privacy::detect {

// Transition scores as the decoder uses them: BILOU violations made
// impossible, and for each tag the tags that may precede and follow it (7
// or 2 of the 13), so the decoder's loops skip the pairs BILOU rules out.
// Converts implicitly from TagTransitions; build it once to decode many
// sequences with the same scores.
struct ConstrainedTransitions {
  ConstrainedTransitions(const TagTransitions& transitions);  // NOLINT: implicit by design

  float between[kTagCount][kTagCount];
  float first[kTagCount];
  float last[kTagCount];
  uint8_t predecessors[kTagCount][kTagCount];
  uint8_t predecessor_count[kTagCount] = {};
  uint8_t successors[kTagCount][kTagCount];
  uint8_t successor_count[kTagCount] = {};
};

// The transitions a stretch between Outside-only tokens sees (see
// StretchEntityMargins), for each of its edges: the text's own first and
// last scores, or those from and to the Outside token beside it. Built
// once per model.
class StretchTransitions {
 public:
  explicit StretchTransitions(const TagTransitions& transitions);

  const ConstrainedTransitions& At(bool after_outside, bool before_outside) const {
    return edges_[(after_outside ? 2 : 0) + (before_outside ? 1 : 0)];
  }

 private:
  std::vector<ConstrainedTransitions> edges_;  // [after_outside * 2 + before_outside]
};

// Reusable buffers of a decoder; one per thread.
struct DecoderScratch {
  std::vector<float> forward;
  std::vector<float> backward;
  std::vector<uint8_t> back_pointers;
  // StretchEntityMargins' results for one stretch.
  std::vector<uint8_t> stretch_best;
  std::vector<float> stretch_margins;
  std::vector<uint8_t> stretch_tags;
};

// Viterbi over `n` tokens whose tag scores are `emissions` (n rows of
// kTagCount). Only well-formed BILOU sequences are considered; when
// `allowed` is given, token i may only take tags in allowed[i] (training
// uses this to find the best sequence consistent with gold labels).
// Writes the best tags to `tags` and returns its score relative to the
// scores the decoder keeps (-infinity when no sequence is allowed). Linear
// in n.
float DecodeBest(const float* emissions, size_t n, const ConstrainedTransitions& transitions,
                 const TagMask* allowed, DecoderScratch* scratch, std::vector<uint8_t>* tags);

// After DecodeBest on the same input (and the same `allowed`): for each token,
// how the best sequence that gives it an entity tag compares with the best
// that gives it Outside (positive: an entity wins, by that much), and the
// entity tag of the former. Writes n values to each.
void EntityMargins(const float* emissions, size_t n, const ConstrainedTransitions& transitions,
                   const TagMask* allowed, DecoderScratch* scratch, std::vector<float>* margins,
                   std::vector<uint8_t>* entity_tags);

// EntityMargins for a text whose tokens with outside[i] set can only be
// Outside: those split the text into independent stretches (a best path
// crosses them on Outside whatever else it does), each decoded on its own
// with Outside at its edges, so the work is proportional to the tokens
// that can be part of a name. Gives the same margins and tags as
// DecodeBest and EntityMargins over the whole text with those tokens
// restricted to Outside; for outside tokens, writes -kMarginCap and 0.
void StretchEntityMargins(const float* emissions, size_t n, const StretchTransitions& transitions,
                          const uint8_t* outside, DecoderScratch* scratch,
                          std::vector<float>* margins, std::vector<uint8_t>* entity_tags);

}  // namespace privacy::detect
