#include "tools/tagger_train/perceptron_trainer.h"

#include <algorithm>
#include <cmath>

#include "detect/tagger/sequence_decoder.h"

namespace privacy::tools {

using detect::kTagCount;

PerceptronTrainer::PerceptronTrainer(uint32_t slot_bits, float inverse_vector_scale,
                                     float vector_rate)
    : slot_bits_(slot_bits),
      weights_((size_t{1} << slot_bits) * kTagCount, 0.0f),
      totals_((size_t{1} << slot_bits) * kTagCount, 0.0),
      inverse_vector_scale_(inverse_vector_scale),
      vector_rate_(vector_rate),
      vector_weights_(detect::kVectorWeightCount, 0.0f),
      vector_totals_(detect::kVectorWeightCount, 0.0) {}

void PerceptronTrainer::Emissions(const TrainingSequence& sequence, std::vector<float>* out) const {
  const size_t n = sequence.size();
  out->assign(n * kTagCount, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    float* row = &(*out)[i * kTagCount];
    if (sequence.outside[i]) continue;
    for (uint32_t k = sequence.offsets[i]; k < sequence.offsets[i + 1]; ++k) {
      const float* w = &weights_[size_t{sequence.slots[k]} * kTagCount];
      for (int y = 0; y < kTagCount; ++y) row[y] += w[y];
    }
  }
  detect::AddVectorScores(vector_weights_, sequence.vectors, sequence.outside.data(),
                          inverse_vector_scale_, out->data());
}

void PerceptronTrainer::Update(uint32_t slot, int tag, float delta) {
  const size_t index = size_t{slot} * kTagCount + tag;
  weights_[index] += delta;
  totals_[index] += step_ * delta;
}

void PerceptronTrainer::UpdateVectors(const TrainingSequence& sequence, size_t i, int tag,
                                      float sign) {
  const float rate = sign * vector_rate_ * inverse_vector_scale_;
  for (int offset = 0; offset < detect::kVectorWindow; ++offset) {
    const size_t j = i + offset;  // the neighbour's index plus kVectorReach
    if (j < detect::kVectorReach || j - detect::kVectorReach >= sequence.size()) continue;
    const int8_t* vector = sequence.vectors[j - detect::kVectorReach];
    if (vector == nullptr) continue;
    for (int d = 0; d < detect::WordVectors::kDimensions; ++d) {
      const size_t index = detect::VectorWeightIndex(offset, d, tag);
      const float delta = rate * vector[d];
      vector_weights_[index] += delta;
      vector_totals_[index] += step_ * delta;
    }
  }
}

void PerceptronTrainer::UpdateTransition(float* weight, double* total, float delta) {
  *weight += delta;
  *total += step_ * delta;
}

size_t PerceptronTrainer::Epoch(const std::vector<TrainingSequence>& sequences,
                                const std::vector<size_t>& order) {
  std::vector<float> emissions;
  std::vector<uint8_t> predicted, gold;
  detect::DecoderScratch scratch;
  size_t errors = 0;
  for (size_t index : order) {
    const TrainingSequence& s = sequences[index];
    const size_t n = s.size();
    if (n == 0) continue;
    Emissions(s, &emissions);
    detect::DecodeBest(emissions.data(), n, transitions_, s.open_tags.data(), &scratch, &predicted);
    const float gold_score =
        detect::DecodeBest(emissions.data(), n, transitions_, s.allowed.data(), &scratch, &gold);
    step_ += 1.0;
    if (gold_score == -INFINITY || predicted == gold) continue;
    for (size_t i = 0; i < n; ++i) {
      const bool previous_same = i == 0 || predicted[i - 1] == gold[i - 1];
      if (predicted[i] != gold[i]) {
        ++errors;
        for (uint32_t k = s.offsets[i]; k < s.offsets[i + 1]; ++k) {
          Update(s.slots[k], gold[i], 1.0f);
          Update(s.slots[k], predicted[i], -1.0f);
        }
        UpdateVectors(s, i, gold[i], 1.0f);
        UpdateVectors(s, i, predicted[i], -1.0f);
      }
      if (predicted[i] == gold[i] && previous_same) continue;
      if (i == 0) {
        UpdateTransition(&transitions_.first[gold[0]], FirstTotal(gold[0]), 1.0f);
        UpdateTransition(&transitions_.first[predicted[0]],
                         FirstTotal(predicted[0]), -1.0f);
      } else {
        UpdateTransition(&transitions_.between[gold[i - 1]][gold[i]],
                         BetweenTotal(gold[i - 1], gold[i]), 1.0f);
        UpdateTransition(&transitions_.between[predicted[i - 1]][predicted[i]],
                         BetweenTotal(predicted[i - 1], predicted[i]), -1.0f);
      }
    }
    if (predicted[n - 1] != gold[n - 1]) {
      UpdateTransition(&transitions_.last[gold[n - 1]], LastTotal(gold[n - 1]), 1.0f);
      UpdateTransition(&transitions_.last[predicted[n - 1]],
                       LastTotal(predicted[n - 1]), -1.0f);
    }
  }
  return errors;
}

detect::TaggerWeights PerceptronTrainer::Averaged(float min_weight) const {
  // Averaged weight = current - totals / steps (the standard lazy form).
  const auto average = [this](float weight, double total) {
    return static_cast<float>(weight - total / step_);
  };
  detect::TaggerWeights out;
  out.slot_bits = slot_bits_;
  for (int p = 0; p < kTagCount; ++p) {
    for (int y = 0; y < kTagCount; ++y) {
      out.transitions.between[p][y] =
          average(transitions_.between[p][y], *BetweenTotal(p, y));
    }
    out.transitions.first[p] = average(transitions_.first[p], *FirstTotal(p));
    out.transitions.last[p] = average(transitions_.last[p], *LastTotal(p));
  }
  for (size_t k = 0; k < detect::kVectorWeightCount; ++k) {
    out.vector_weights[k] = average(vector_weights_[k], vector_totals_[k]);
  }
  const size_t rows = size_t{1} << slot_bits_;
  for (size_t slot = 0; slot < rows; ++slot) {
    std::array<float, kTagCount> row;
    float largest = 0.0f;
    for (int y = 0; y < kTagCount; ++y) {
      row[y] = average(weights_[slot * kTagCount + y], totals_[slot * kTagCount + y]);
      largest = std::max(largest, std::fabs(row[y]));
    }
    if (largest < min_weight) continue;
    out.slots.push_back(static_cast<uint32_t>(slot));
    out.weights.push_back(row);
  }
  return out;
}

detect::TaggerWeights MeanWeights(const std::vector<detect::TaggerWeights>& runs, float min_weight) {
  detect::TaggerWeights out;
  if (runs.empty()) return out;
  out.slot_bits = runs.front().slot_bits;
  const float share = 1.0f / static_cast<float>(runs.size());
  for (const detect::TaggerWeights& run : runs) {
    for (int p = 0; p < kTagCount; ++p) {
      for (int y = 0; y < kTagCount; ++y) {
        out.transitions.between[p][y] += share * run.transitions.between[p][y];
      }
      out.transitions.first[p] += share * run.transitions.first[p];
      out.transitions.last[p] += share * run.transitions.last[p];
    }
    for (size_t k = 0; k < detect::kVectorWeightCount; ++k) {
      out.vector_weights[k] += share * run.vector_weights[k];
    }
  }
  // A merge of the runs' rows, which are sorted by slot.
  std::vector<size_t> next(runs.size(), 0);
  while (true) {
    uint32_t slot = UINT32_MAX;
    bool any = false;
    for (size_t r = 0; r < runs.size(); ++r) {
      if (next[r] < runs[r].slots.size()) {
        slot = std::min(slot, runs[r].slots[next[r]]);
        any = true;
      }
    }
    if (!any) break;
    std::array<float, kTagCount> row = {};
    for (size_t r = 0; r < runs.size(); ++r) {
      if (next[r] >= runs[r].slots.size() || runs[r].slots[next[r]] != slot) continue;
      for (int y = 0; y < kTagCount; ++y) row[y] += share * runs[r].weights[next[r]][y];
      ++next[r];
    }
    float largest = 0.0f;
    for (float w : row) largest = std::max(largest, std::fabs(w));
    if (largest < min_weight) continue;
    out.slots.push_back(slot);
    out.weights.push_back(row);
  }
  return out;
}

detect::MarginCalibration FitCalibration(std::vector<CalibrationSample> samples) {
  if (samples.empty()) return detect::LogisticCalibration(0.0f, 0.0f);
  for (CalibrationSample& sample : samples) {
    sample.margin = std::clamp(sample.margin, -detect::kMarginCap, detect::kMarginCap);
  }
  std::stable_sort(samples.begin(), samples.end(),
                   [](const CalibrationSample& a, const CalibrationSample& b) {
                     return a.margin < b.margin;
                   });
  // Pool adjacent violators: blocks of samples in margin order, each with
  // the weighted share of its samples that are right, merged while a block
  // is right no more often than the one before it. Samples of one margin
  // cannot be told apart: they share a block.
  struct Block {
    double weight = 0.0;
    double right = 0.0;  // the weight of its right samples
    size_t last = 0;     // the index of its last sample
    double Share() const { return right / weight; }
  };
  std::vector<Block> blocks;
  for (size_t i = 0; i < samples.size(); ++i) {
    Block block{samples[i].weight, samples[i].right ? samples[i].weight : 0.0, i};
    const auto absorb_last = [&] {
      block.weight += blocks.back().weight;
      block.right += blocks.back().right;
      blocks.pop_back();
    };
    if (!blocks.empty() && samples[blocks.back().last].margin == samples[i].margin) absorb_last();
    while (!blocks.empty() && blocks.back().Share() >= block.Share()) absorb_last();
    blocks.push_back(block);
  }
  // Knots at even steps of the samples' weight: each the margin of the
  // sample there and the share of its block.
  double total = 0.0;
  for (const CalibrationSample& sample : samples) total += sample.weight;
  detect::MarginCalibration calibration;
  size_t sample = 0;
  size_t block = 0;
  double before = 0.0;  // the weight of the samples before `sample`
  for (int k = 0; k < detect::kCalibrationKnots; ++k) {
    const double target = total * k / (detect::kCalibrationKnots - 1);
    while (sample + 1 < samples.size() && before + samples[sample].weight < target) {
      before += samples[sample].weight;
      ++sample;
    }
    while (blocks[block].last < sample) ++block;
    calibration.margins[k] = samples[sample].margin;
    calibration.probabilities[k] = static_cast<float>(blocks[block].Share());
  }
  return calibration;
}

}  // namespace privacy::tools
