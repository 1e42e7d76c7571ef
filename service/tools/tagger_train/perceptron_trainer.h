// Training of the entity tagger's weights: an averaged structured
// perceptron over BILOU tag sequences, then a calibration of its margins.
#pragma once

#include <cstdint>
#include <vector>

#include "detect/tagger/entity_tags.h"
#include "detect/tagger/tagger_model.h"

namespace privacy::tools {

// One training sequence: its tokens' feature slots and, per token, the tags
// the gold labels allow (one tag, or any tag under an "ignore" label).
struct TrainingSequence {
  std::vector<uint32_t> slots;    // feature slots of every token, token after token
  std::vector<uint32_t> offsets;  // token i: slots[offsets[i], offsets[i + 1])
  std::vector<detect::TagMask> allowed;
  std::vector<uint8_t> outside;  // 1: a token the tagger leaves Outside open_tags
  std::vector<detect::TagMask> open_tags;  // the tags each token may take in prediction
  std::vector<const int8_t*> vectors;      // each token's word vector, nullptr for none

  size_t size() const { return allowed.size(); }
};

// Learns weights by averaged structured perceptron: for each sequence, the
// best tags under the current weights are compared with the best tags the
// gold labels allow, and the weights move towards the latter. Dense in
// memory (2^slot_bits rows); single-threaded and deterministic. The weights
// of the word vectors move by `vector_rate` times the vectors' coordinates
// (a stored unit is `inverse_vector_scale`).
class PerceptronTrainer {
 public:
  PerceptronTrainer(uint32_t slot_bits, float inverse_vector_scale, float vector_rate);

  // One pass over `order` (indices into `sequences`). Returns the number of
  // tokens whose predicted tag differed from the gold one.
  size_t Epoch(const std::vector<TrainingSequence>& sequences, const std::vector<size_t>& order);

  // The averaged weights; rows whose largest weight is below `min_weight`
  // in magnitude are left out.
  detect::TaggerWeights Averaged(float min_weight) const;

 private:
  void Emissions(const TrainingSequence& sequence, std::vector<float>* out) const;
  void Update(uint32_t slot, int tag, float delta);
  // Moves the vector weights of tag `tag` at token `i` by `sign` times the
  // vectors of the token and its neighbours.
  void UpdateVectors(const TrainingSequence& sequence, size_t i, int tag, float sign);
  void UpdateTransition(float* weight, double* total, float delta);
  double* BetweenTotal(int previous, int next) { return &transition_totals_[previous * detect::kTagCount + next]; }
  double* FirstTotal(int tag) { return &transition_totals_[detect::kTagCount * detect::kTagCount + tag]; }
  double* LastTotal(int tag) { return &transition_totals_[detect::kTagCount * (detect::kTagCount + 1) + tag]; }
  const double* BetweenTotal(int previous, int next) const { return &transition_totals_[previous * detect::kTagCount + next]; }
  const double* FirstTotal(int tag) const { return &transition_totals_[detect::kTagCount * detect::kTagCount + tag]; }
  const double* LastTotal(int tag) const { return &transition_totals_[detect::kTagCount * (detect::kTagCount + 1) + tag]; }

  uint32_t slot_bits_;
  std::vector<float> weights_;  // 2^slot_bits rows of kTagCount
  std::vector<double> totals_;  // sum over updates of (step * delta), for averaging
  float inverse_vector_scale_;
  float vector_rate_;
  std::vector<float> vector_weights_;  // layout of detect::VectorWeightIndex
  std::vector<double> vector_totals_;
  detect::TagTransitions transitions_;
  // Totals of the transitions: between, then first, then last.
  double transition_totals_[detect::kTagCount * (detect::kTagCount + 2)] = {};
  double step_ = 1.0;
};

// The mean of the weights of several runs (each from Averaged, with every
// row it updated): rows whose largest mean weight is below `min_weight` in
// magnitude are left out. Transitions are averaged too.
detect::TaggerWeights MeanWeights(const std::vector<detect::TaggerWeights>& runs, float min_weight);

// An entity of the calibration data: its margin, whether it was right, and
// the weight of its vote.
struct CalibrationSample {
  float margin = 0.0f;
  bool right = false;
  double weight = 1.0;
};

// Fits the calibration of one type from weighted samples: isotonic
// regression of whether an entity is right on its margin (pool adjacent
// violators), read at kCalibrationKnots margins spread evenly over the
// samples' weight. No samples give a flat even chance.
detect::MarginCalibration FitCalibration(std::vector<CalibrationSample> samples);

}  // namespace privacy::tools
