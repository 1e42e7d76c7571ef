// The trained weights of the entity tagger and their file format.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "detect/tagger/entity_tags.h"
#include "detect/tagger/tag_transitions.h"
#include "detect/tagger/word_vectors.h"

namespace privacy::detect {

// Maps an entity's margin to the probability that it is right, fitted on
// text the model was not trained on by isotonic regression (the chance
// only grows with the margin, and takes whatever shape the data gives it:
// runs the decoder would rather not tag are wrong far more steeply than
// sure ones grow right, which no one logistic curve draws). It is
// kCalibrationKnots points, margins not decreasing and probabilities not
// decreasing; between two points the probability is interpolated linearly,
// after the last it is the last one's, and before the first it is 0 (no
// entity that unsure was seen).
inline constexpr float kMarginCap = 1000.0f;
inline constexpr int kCalibrationKnots = 32;
struct MarginCalibration {
  std::array<float, kCalibrationKnots> margins{};
  std::array<float, kCalibrationKnots> probabilities{};
};

// The calibration that samples the logistic curve 1 / (1 + exp(-(slope *
// margin + intercept))) at knots spread evenly over [-kMarginCap,
// kMarginCap].
MarginCalibration LogisticCalibration(float slope, float intercept);

// The probability `calibration` gives an entity with margin `margin`.
double CalibratedProbability(const MarginCalibration& calibration, float margin);

// The lowest margin at which `calibration` reaches `probability` (at
// least its first knot's), kMarginCap when none does.
float MarginAtProbability(const MarginCalibration& calibration, double probability);

// A token's scores count the word vectors of the tokens around it: offset
// o is the token kVectorReach - o places before it (o = kVectorReach is the
// token itself).
inline constexpr int kVectorReach = 1;
inline constexpr int kVectorWindow = 2 * kVectorReach + 1;
// The vector weights of one offset and dimension: a row of kTagCount
// weights padded to 16, so that adding one is a few vector instructions.
inline constexpr int kVectorRowWidth = 16;
static_assert(kTagCount <= kVectorRowWidth);
inline constexpr size_t kVectorWeightCount =
    size_t{kVectorWindow} * WordVectors::kDimensions * kVectorRowWidth;
inline size_t VectorWeightIndex(int offset, int dimension, int tag) {
  return (static_cast<size_t>(offset) * WordVectors::kDimensions + dimension) * kVectorRowWidth +
         tag;
}

// What the word vector `vector` of a token at offset `offset` (of
// VectorWeightIndex) adds to the scores of the token it is a neighbour of:
// sums[0..kVectorRowWidth), the first kTagCount of them scores.
void VectorRowSums(std::span<const float> weights, int offset, const int8_t* vector,
                   float inverse_scale, float* sums);

// Adds to each token's scores (emissions[i * kTagCount, (i + 1) * kTagCount))
// what the word vectors of it and its neighbours say, for the tokens not
// `outside`: `weights` in the layout of VectorWeightIndex, `vectors` the
// tokens' stored vectors (nullptr for none), `inverse_scale` the value of
// one stored unit.
void AddVectorScores(std::span<const float> weights, std::span<const int8_t* const> vectors,
                     const uint8_t* outside, float inverse_scale, float* emissions);

// Everything a model file holds, in plain form: what training produces and
// what TaggerModel is built from. Feature weights are keyed by feature slot
// (the top `slot_bits` bits of a feature hash); slots without weights are
// left out.
struct TaggerWeights {
  uint32_t feature_set_version = 0;
  uint32_t slot_bits = 22;
  uint64_t word_clusters_checksum = 0;  // WordClusters::checksum() of the clusters used
  uint64_t word_vectors_checksum = 0;   // WordVectors::checksum() of the vectors used
  std::vector<float> vector_weights = std::vector<float>(kVectorWeightCount, 0.0f);
  TagTransitions transitions;
  std::array<MarginCalibration, kTaggedTypeCount> calibration;
  std::vector<uint32_t> slots;                        // strictly increasing
  std::vector<std::array<float, kTagCount>> weights;  // one row per slot
};

// Writes `weights` to `path` (weights quantized to 16 bits). Deterministic:
// the same weights give the same bytes. Throws std::runtime_error when the
// file cannot be written.
void SaveTaggerWeights(const TaggerWeights& weights, const std::string& path);

// The loaded model: transition scores, calibration, and feature weights.
// Which slots have weights is a bitmap with a running count per 64 slots
// (a rank directory, 1.5 bits per slot: it stays in cache), so a feature
// without weights costs one probe and one with weights finds its row at
// once. Immutable after loading; safe for concurrent use.
class TaggerModel {
 public:
  // Reads and checks the file. Throws std::runtime_error naming the path and
  // the problem (missing, wrong format or feature set, truncated, corrupt).
  static TaggerModel Load(const std::string& path, uint32_t expected_feature_set);

  // Adds to scores[0..kTagCount) the weights of the features whose hashes
  // are [begin, end).
  void AddEmissions(const uint64_t* begin, const uint64_t* end, float* scores) const;

  // The weights of runs of features summed, before they are scaled into
  // scores: run r is hashes[offsets[r], offsets[r + 1]) and its sums
  // sums[r * kSumWidth, (r + 1) * kSumWidth) (the first kTagCount count).
  // Sums of several runs add up to the sums of their features together.
  // Lookups are prefetched a block at a time, so a text costs few waits on
  // memory even when the model is out of the cache (as it is between
  // requests of a busy worker).
  static constexpr int kSumWidth = 16;
  void SumRows(std::span<const uint64_t> hashes, std::span<const uint32_t> offsets,
               int32_t* sums) const;

  // Adds to scores[0..kTagCount) the scores of summed weights.
  void AddScaledSums(const int32_t* sums, float* scores) const;

  // The weights of the word vectors, in the layout of VectorWeightIndex.
  std::span<const float> vector_weights() const { return vector_weights_; }

  const TagTransitions& transitions() const { return transitions_; }

  // The calibrated probability of an entity of type index `type` whose
  // weakest token has margin `margin`.
  double Probability(int type, float margin) const;

  // The margin below which no type's probability reaches 2 %: tokens under
  // it are not offered as parts of entities.
  float MarginFloor() const;

  // The margin at which an entity of type index `type` is as likely right
  // as wrong.
  float EvenOddsMargin(int type) const;

  size_t feature_count() const { return entry_count_; }
  // The checksum of the word clusters the model was trained with: it only
  // works with those.
  uint64_t word_clusters_checksum() const { return word_clusters_checksum_; }
  // The same for the word vectors.
  uint64_t word_vectors_checksum() const { return word_vectors_checksum_; }

 private:
  TaggerModel() = default;

  // Calls on_run(r, sums) with the summed weights of each run r of
  // features, in order (SumRows' layout of hashes and offsets).
  template <typename OnRun>
  void ForEachRunSum(std::span<const uint64_t> hashes, std::span<const uint32_t> offsets,
                     OnRun on_run) const;

  uint32_t slot_bits_ = 0;
  float scale_ = 0.0f;
  uint64_t word_clusters_checksum_ = 0;
  uint64_t word_vectors_checksum_ = 0;
  TagTransitions transitions_;
  std::vector<float> vector_weights_;
  std::array<MarginCalibration, kTaggedTypeCount> calibration_;
  // Which slots have weights, 64 slots an entry, with the number of rows
  // of the slots before them: one cache line answers both questions.
  struct RankWord {
    uint64_t present = 0;  // bit s: slot 64 * index + s has weights
    uint64_t rows_before = 0;
  };
  std::vector<RankWord> directory_;
  // Quantized weights in slot order, padded to 16 so that adding a row is a
  // few vector instructions (32 bytes: one row never spans two cache lines),
  // then a row of zeros that features without weights add: no branch on
  // whether a feature has weights.
  static constexpr int kRowWidth = kSumWidth;
  struct alignas(32) Row {
    int16_t weights[kRowWidth] = {};
  };
  std::vector<Row> rows_;
  size_t entry_count_ = 0;
};

// Where the model file is looked for when no path is configured: next to
// the running executable, then in ../share/privacy-filter/ relative to it.
std::string DefaultTaggerModelPath();

}  // namespace privacy::detect
