// Finding the best BILOU tag sequence for a text from per-token tag scores,
// and how much better it is than its alternatives at each token.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "detect/tagger/entity_tags.h"
#include "detect/tagger/tag_transitions.h"

namespace privacy::detect {

// Reusable buffers of a decoder; one per thread.
struct DecoderScratch {
  std::vector<float> forward;
  std::vector<float> backward;
  std::vector<uint8_t> back_pointers;
};

// Viterbi over `n` tokens whose tag scores are `emissions` (n rows of
// kTagCount). Only well-formed BILOU sequences are considered; when
// `allowed` is given, token i may only take tags in allowed[i] (training
// uses this to find the best sequence consistent with gold labels).
// Writes the best tags to `tags` and returns its score relative to the
// scores the decoder keeps (-infinity when no sequence is allowed). Linear
// in n.
float DecodeBest(const float* emissions, size_t n, const TagTransitions& transitions,
                 const TagMask* allowed, DecoderScratch* scratch, std::vector<uint8_t>* tags);

// After DecodeBest on the same input (and the same `allowed`): for each token,
// how the best sequence that gives it an entity tag compares with the best
// that gives it Outside (positive: an entity wins, by that much), and the
// entity tag of the former. Writes n values to each.
void EntityMargins(const float* emissions, size_t n, const TagTransitions& transitions,
                   const TagMask* allowed, DecoderScratch* scratch, std::vector<float>* margins,
                   std::vector<uint8_t>* entity_tags);

}  // namespace privacy::detect
