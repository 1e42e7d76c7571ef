#include "detect/tagger/feature_scores.h"

#include <array>
#include <cstddef>
#include <utility>

namespace privacy::detect {
namespace {

constexpr int kWidth = TaggerModel::kSumWidth;

// A token's five places and how far from it each lies.
constexpr std::array<std::pair<int, WordPlace>, kWordPlaces> kPlaces = {
    std::pair{0, kHere}, std::pair{-1, kBefore}, std::pair{1, kAfter},
    std::pair{-2, kTwoBefore}, std::pair{2, kTwoAfter}};

// Adds the scores of the tokens' word vectors as AddVectorScores does,
// working out what a word's vector adds from each offset once. Each
// token's scores take its neighbours' vectors in AddVectorScores' order
// (the one before, its own, the one after), so the sums are the same.
void AddVectorScoresOnce(const TaggerModel& model, const TokenFeatures& features,
                         float inverse_scale, FeatureScoreScratch* scratch, float* emissions) {
  const size_t word_count = features.word_offsets.size() / kWordPlaces;
  scratch->vector_sums.resize(word_count * kVectorWindow * kVectorRowWidth);
  scratch->vector_done.assign(word_count * kVectorWindow, 0);
  const auto n = static_cast<std::ptrdiff_t>(features.size());
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    if (features.outside[i]) continue;
    for (int offset = 0; offset < kVectorWindow; ++offset) {
      const std::ptrdiff_t j = i - kVectorReach + offset;  // the neighbour at offset
      if (j < 0 || j >= n || features.vectors[j] == nullptr) continue;
      const size_t memo = size_t{features.words[j]} * kVectorWindow + offset;
      float* sums = &scratch->vector_sums[memo * kVectorRowWidth];
      if (!scratch->vector_done[memo]) {
        VectorRowSums(model.vector_weights(), offset, features.vectors[j], inverse_scale, sums);
        scratch->vector_done[memo] = 1;
      }
      for (int y = 0; y < kTagCount; ++y) emissions[i * kTagCount + y] += sums[y];
    }
  }
}

}  // namespace

void AddFeatureScores(const TaggerModel& model, const TokenFeatures& features,
                      float inverse_vector_scale, FeatureScoreScratch* scratch,
                      float* emissions) {
  const size_t n = features.size();
  if (n == 0) return;
  std::vector<int32_t>& word_sums = scratch->word_sums;
  word_sums.resize((features.word_offsets.size() - 1) * kWidth);
  model.SumRows(features.word_hashes, features.word_offsets, word_sums.data());
  std::vector<int32_t>& token_sums = scratch->token_sums;
  token_sums.resize(n * kWidth);
  model.SumRows(features.hashes, features.offsets, token_sums.data());
  for (size_t i = 0; i < n; ++i) {
    if (features.outside[i]) continue;
    int32_t* sums = &token_sums[i * kWidth];
    for (const auto& [offset, place] : kPlaces) {
      const uint32_t word = features.WordAt(static_cast<std::ptrdiff_t>(i) + offset);
      const int32_t* word_run = &word_sums[(size_t{word} * kWordPlaces + place) * kWidth];
      for (int y = 0; y < kWidth; ++y) sums[y] += word_run[y];
    }
    model.AddScaledSums(sums, emissions + i * kTagCount);
  }
  AddVectorScoresOnce(model, features, inverse_vector_scale, scratch, emissions);
}

}  // namespace privacy::detect
