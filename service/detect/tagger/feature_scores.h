// The scores a model gives each token of a text for its features and its
// neighbours' word vectors, worked out once per distinct word and place.
#pragma once

#include <cstdint>
#include <vector>

#include "detect/tagger/tagger_model.h"
#include "detect/tagger/token_features.h"

namespace privacy::detect {

// What AddFeatureScores keeps from one text to the next.
struct FeatureScoreScratch {
  std::vector<int32_t> word_sums;   // per word and place
  std::vector<int32_t> token_sums;  // per token, its own features
  std::vector<float> vector_sums;   // per word and vector offset, once worked out
  std::vector<uint8_t> vector_done;
};

// Adds to emissions[i * kTagCount, (i + 1) * kTagCount) the scores `model`
// gives the features of token i (TokenFeatures::AppendAllHashes), then
// those of its own and its neighbours' word vectors (AddVectorScores, with
// `inverse_vector_scale` the value of one stored unit), for the tokens
// that are not outside. What a word adds from a place is worked out once
// however often the word stands there; every token's integer sums are
// added up before they are scaled, and the vectors' scores are added in
// AddVectorScores' order, so the scores are exactly those of the features
// and vectors taken one by one.
void AddFeatureScores(const TaggerModel& model, const TokenFeatures& features,
                      float inverse_vector_scale, FeatureScoreScratch* scratch,
                      float* emissions);

}  // namespace privacy::detect
