#include "detect/tagger/tagger_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "detect/data_file_bytes.h"
#include "detect/data_file_path.h"

namespace privacy::detect {
namespace {

// Layout (little-endian):
//   0  "PFTAGGR1"   magic
//   8  u32          format version
//   12 u32          feature set version (FeatureExtractor::kFeatureSetVersion)
//   16 u32          slot bits
//   20 u32          tag count
//   24 u32          entry count
//   28 f32          weight scale (weight = i16 * scale)
//   32 u64          checksum of the word clusters trained with (WordClusters)
//   40 u64          checksum of the word vectors trained with (WordVectors)
//   48 f32[...]     transitions (between, first, last), calibration
//                   (kCalibrationKnots margins, then as many probabilities,
//                   per type), vector weights (kVectorWeightCount)
//   .. entries      u32 slot, i16[tag count] weights; slots strictly increasing
//   .. u64          FNV-1a 64 of every byte before it
constexpr char kMagic[8] = {'P', 'F', 'T', 'A', 'G', 'G', 'R', '1'};
constexpr uint32_t kFormatVersion = 4;
constexpr const char* kFileName = "names.tagger";
constexpr size_t kFloatCount =
    kTagCount * kTagCount + 2 * kTagCount + 2 * kCalibrationKnots * kTaggedTypeCount +
    kVectorWeightCount;
constexpr size_t kFixedBytes = 48;
constexpr size_t kHeaderBytes = kFixedBytes + 4 * kFloatCount;
constexpr size_t kEntryBytes = 4 + 2 * kTagCount;

[[noreturn]] void Fail(const std::string& path, const std::string& problem) {
  throw std::runtime_error("tagger model " + path + ": " + problem);
}

// The number of set bits, in a few instructions on any x86-64 (std::popcount
// calls a library routine where the baseline lacks the POPCNT instruction).
int PopCount(uint64_t v) {
  v = v - ((v >> 1) & 0x5555555555555555ULL);
  v = (v & 0x3333333333333333ULL) + ((v >> 2) & 0x3333333333333333ULL);
  v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((v * 0x0101010101010101ULL) >> 56);
}

}  // namespace

void SaveTaggerWeights(const TaggerWeights& weights, const std::string& path) {
  float largest = 0.0f;
  for (const auto& row : weights.weights) {
    for (float w : row) largest = std::max(largest, std::fabs(w));
  }
  const float scale = largest > 0.0f ? largest / 32767.0f : 1.0f;
  std::string bytes(kMagic, sizeof kMagic);
  AppendLittleEndian32(&bytes, kFormatVersion);
  AppendLittleEndian32(&bytes, weights.feature_set_version);
  AppendLittleEndian32(&bytes, weights.slot_bits);
  AppendLittleEndian32(&bytes, kTagCount);
  AppendLittleEndian32(&bytes, static_cast<uint32_t>(weights.slots.size()));
  AppendLittleEndianFloat(&bytes, scale);
  AppendLittleEndian64(&bytes, weights.word_clusters_checksum);
  AppendLittleEndian64(&bytes, weights.word_vectors_checksum);
  const TagTransitions& t = weights.transitions;
  for (const auto& row : t.between) {
    for (float v : row) AppendLittleEndianFloat(&bytes, v);
  }
  for (float v : t.first) AppendLittleEndianFloat(&bytes, v);
  for (float v : t.last) AppendLittleEndianFloat(&bytes, v);
  for (const MarginCalibration& c : weights.calibration) {
    for (float v : c.margins) AppendLittleEndianFloat(&bytes, v);
    for (float v : c.probabilities) AppendLittleEndianFloat(&bytes, v);
  }
  if (weights.vector_weights.size() != kVectorWeightCount) {
    throw std::invalid_argument("vector weights of the wrong size");
  }
  for (float v : weights.vector_weights) AppendLittleEndianFloat(&bytes, v);
  for (size_t i = 0; i < weights.slots.size(); ++i) {
    AppendLittleEndian32(&bytes, weights.slots[i]);
    for (float w : weights.weights[i]) {
      const auto q = static_cast<int16_t>(std::lround(w / scale));
      AppendLittleEndian16(&bytes, static_cast<uint16_t>(q));
    }
  }
  AppendLittleEndian64(&bytes, Fnv1a64(bytes.data(), bytes.size()));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write tagger model " + path);
}

TaggerModel TaggerModel::Load(const std::string& path, uint32_t expected_feature_set) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail(path, "cannot open (set its path with --tagger-model)");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < kHeaderBytes + 8 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    Fail(path, "not a tagger model (bad magic)");
  }
  const char* p = bytes.data();
  if (const uint32_t version = ReadLittleEndian32(p + 8); version != kFormatVersion) {
    Fail(path, "format version " + std::to_string(version) + ", expected " +
                   std::to_string(kFormatVersion));
  }
  if (const uint32_t features = ReadLittleEndian32(p + 12); features != expected_feature_set) {
    Fail(path, "trained on feature set " + std::to_string(features) + ", this build uses " +
                   std::to_string(expected_feature_set) + " (retrain it)");
  }
  TaggerModel model;
  model.slot_bits_ = ReadLittleEndian32(p + 16);
  const uint32_t tags = ReadLittleEndian32(p + 20);
  const size_t count = ReadLittleEndian32(p + 24);
  model.scale_ = ReadLittleEndianFloat(p + 28);
  model.word_clusters_checksum_ = ReadLittleEndian64(p + 32);
  model.word_vectors_checksum_ = ReadLittleEndian64(p + 40);
  if (tags != kTagCount || model.slot_bits_ == 0 || model.slot_bits_ > 32) {
    Fail(path, "unexpected tag count or slot bits");
  }
  if (bytes.size() != kHeaderBytes + count * kEntryBytes + 8) {
    Fail(path, "size does not match its " + std::to_string(count) + " entries (truncated?)");
  }
  if (Fnv1a64(p, bytes.size() - 8) != ReadLittleEndian64(p + bytes.size() - 8)) Fail(path, "checksum mismatch");
  const char* f = p + kFixedBytes;
  auto next_float = [&f] {
    const float v = ReadLittleEndianFloat(f);
    f += 4;
    return v;
  };
  for (auto& row : model.transitions_.between) {
    for (float& v : row) v = next_float();
  }
  for (float& v : model.transitions_.first) v = next_float();
  for (float& v : model.transitions_.last) v = next_float();
  for (MarginCalibration& c : model.calibration_) {
    for (float& v : c.margins) v = next_float();
    for (float& v : c.probabilities) v = next_float();
    const bool ordered = std::is_sorted(c.margins.begin(), c.margins.end()) &&
                         std::is_sorted(c.probabilities.begin(), c.probabilities.end()) &&
                         c.probabilities.front() >= 0.0f && c.probabilities.back() <= 1.0f;
    if (!ordered) Fail(path, "calibration not increasing");
  }
  model.vector_weights_.resize(kVectorWeightCount);
  for (float& v : model.vector_weights_) v = next_float();
  model.entry_count_ = count;
  const size_t words = ((size_t{1} << model.slot_bits_) + 63) / 64;
  model.directory_.assign(words, {});
  model.rows_.resize(count + 1);
  uint32_t previous = 0;
  for (size_t i = 0; i < count; ++i) {
    const char* e = p + kHeaderBytes + i * kEntryBytes;
    const uint32_t slot = ReadLittleEndian32(e);
    if ((i > 0 && slot <= previous) || (model.slot_bits_ < 32 && slot >> model.slot_bits_)) {
      Fail(path, "entries not sorted at entry " + std::to_string(i));
    }
    previous = slot;
    model.directory_[slot / 64].present |= uint64_t{1} << (slot % 64);
    for (int y = 0; y < kTagCount; ++y) {
      model.rows_[i].weights[y] = static_cast<int16_t>(ReadLittleEndian16(e + 4 + 2 * y));
    }
  }
  uint64_t rows = 0;
  for (RankWord& word : model.directory_) {
    word.rows_before = rows;
    rows += static_cast<uint64_t>(PopCount(word.present));
  }
  return model;
}

void TaggerModel::AddEmissions(const uint64_t* begin, const uint64_t* end, float* scores) const {
  const uint32_t offsets[2] = {0, static_cast<uint32_t>(end - begin)};
  ForEachRunSum(std::span<const uint64_t>(begin, end), offsets,
                [&](size_t, const int32_t* sums) { AddScaledSums(sums, scores); });
}

void TaggerModel::SumRows(std::span<const uint64_t> hashes, std::span<const uint32_t> offsets,
                          int32_t* sums) const {
  ForEachRunSum(hashes, offsets, [&](size_t run, const int32_t* run_sums) {
    std::copy(run_sums, run_sums + kSumWidth, sums + run * kSumWidth);
  });
}

void TaggerModel::AddScaledSums(const int32_t* sums, float* scores) const {
  for (int y = 0; y < kTagCount; ++y) scores[y] += static_cast<float>(sums[y]) * scale_;
}

template <typename OnRun>
void TaggerModel::ForEachRunSum(std::span<const uint64_t> hashes,
                                std::span<const uint32_t> offsets, OnRun on_run) const {
  if (offsets.size() < 2) return;
  // A pipeline over the features: the directory entry of feature k +
  // kDirectoryAhead is fetched, the row of feature k + kRowAhead located
  // (its directory entry has arrived) and fetched, and the row of feature k
  // (arrived too) added. Whether a feature has weights is random: it picks
  // a row, the zero row or another, and no branch depends on it.
  constexpr size_t kDirectoryAhead = 32;
  constexpr size_t kRowAhead = 16;
  const size_t count = offsets.back();
  const auto zero_row = static_cast<uint32_t>(entry_count_);
  const auto slot_of = [&](size_t k) {
    return static_cast<uint32_t>(hashes[k] >> (64 - slot_bits_));
  };
  const auto fetch_directory = [&](size_t k) { __builtin_prefetch(&directory_[slot_of(k) / 64]); };
  const auto locate_row = [&](size_t k) {
    const uint32_t slot = slot_of(k);
    const RankWord& word = directory_[slot / 64];
    const uint64_t bit = uint64_t{1} << (slot % 64);
    const auto rank = static_cast<uint32_t>(word.rows_before + PopCount(word.present & (bit - 1)));
    const uint32_t row = (word.present & bit) ? rank : zero_row;
    __builtin_prefetch(&rows_[row]);
    return row;
  };
  uint32_t rows[kRowAhead];  // feature k's row at k % kRowAhead
  for (size_t k = offsets.front(); k < std::min(count, offsets.front() + kDirectoryAhead); ++k) {
    fetch_directory(k);
  }
  for (size_t k = offsets.front(); k < std::min(count, offsets.front() + kRowAhead); ++k) {
    rows[k % kRowAhead] = locate_row(k);
  }
  size_t run = 0;
  int32_t sums[kRowWidth] = {};
  const auto close_run = [&] {
    on_run(run, static_cast<const int32_t*>(sums));
    std::fill(std::begin(sums), std::end(sums), 0);
    ++run;
  };
  for (size_t k = offsets.front(); k < count; ++k) {
    if (k + kDirectoryAhead < count) fetch_directory(k + kDirectoryAhead);
    const uint32_t row = rows[k % kRowAhead];
    if (k + kRowAhead < count) rows[k % kRowAhead] = locate_row(k + kRowAhead);
    while (k >= offsets[run + 1]) close_run();
    const int16_t* weights = rows_[row].weights;
    for (int y = 0; y < kRowWidth; ++y) sums[y] += weights[y];
  }
  while (run + 1 < offsets.size()) close_run();
}

// Built twice, for AVX2 and for any x86-64, the one the CPU runs chosen at
// load: the sums are the same either way (no fused multiply-add).
__attribute__((target_clones("avx2", "default"))) void VectorRowSums(
    std::span<const float> weights, int offset, const int8_t* vector, float inverse_scale,
    float* sums) {
  // The row is summed in two vectors of eight, which stay in registers
  // (a local array went through memory on every step).
  using Eight = float __attribute__((vector_size(32)));
  static_assert(kVectorRowWidth == 16);
  Eight low = {};
  Eight high = {};
  const float* w = &weights[VectorWeightIndex(offset, 0, 0)];
  for (int d = 0; d < WordVectors::kDimensions; ++d) {
    const float value = vector[d] * inverse_scale;
    Eight w_low;
    Eight w_high;
    std::memcpy(&w_low, w + d * kVectorRowWidth, sizeof w_low);
    std::memcpy(&w_high, w + d * kVectorRowWidth + 8, sizeof w_high);
    low += w_low * value;
    high += w_high * value;
  }
  std::memcpy(sums, &low, sizeof low);
  std::memcpy(sums + 8, &high, sizeof high);
}

void AddVectorScores(std::span<const float> weights, std::span<const int8_t* const> vectors,
                     const uint8_t* outside, float inverse_scale, float* emissions) {
  const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(vectors.size());
  for (std::ptrdiff_t j = 0; j < n; ++j) {
    const int8_t* vector = vectors[j];
    if (vector == nullptr) continue;
    for (int offset = 0; offset < kVectorWindow; ++offset) {
      const std::ptrdiff_t i = j + kVectorReach - offset;  // the token whose neighbour j is
      if (i < 0 || i >= n || outside[i]) continue;
      float sums[kVectorRowWidth];
      VectorRowSums(weights, offset, vector, inverse_scale, sums);
      for (int y = 0; y < kTagCount; ++y) emissions[i * kTagCount + y] += sums[y];
    }
  }
}

MarginCalibration LogisticCalibration(float slope, float intercept) {
  MarginCalibration calibration;
  for (int k = 0; k < kCalibrationKnots; ++k) {
    const float margin = -kMarginCap + 2.0f * kMarginCap * static_cast<float>(k) /
                                           static_cast<float>(kCalibrationKnots - 1);
    calibration.margins[k] = margin;
    calibration.probabilities[k] =
        static_cast<float>(1.0 / (1.0 + std::exp(-(slope * margin + intercept))));
  }
  return calibration;
}

double CalibratedProbability(const MarginCalibration& calibration, float margin) {
  const auto& m = calibration.margins;
  const auto& p = calibration.probabilities;
  // The first knot past the margin; the margin lies between it and the one
  // before.
  const auto after = std::upper_bound(m.begin(), m.end(), margin);
  if (after == m.begin()) return 0.0;
  if (after == m.end()) return p.back();
  const size_t k = static_cast<size_t>(after - m.begin());
  const double share = (margin - m[k - 1]) / (m[k] - m[k - 1]);
  return p[k - 1] + share * (p[k] - p[k - 1]);
}

float MarginAtProbability(const MarginCalibration& calibration, double probability) {
  const auto& m = calibration.margins;
  const auto& p = calibration.probabilities;
  if (p.front() >= probability) return m.front();
  for (size_t k = 1; k < p.size(); ++k) {
    if (p[k] < probability) continue;
    const double share = (probability - p[k - 1]) / (p[k] - p[k - 1]);
    return static_cast<float>(m[k - 1] + share * (m[k] - m[k - 1]));
  }
  return kMarginCap;
}

double TaggerModel::Probability(int type, float margin) const {
  return CalibratedProbability(calibration_[type], margin);
}

float TaggerModel::MarginFloor() const {
  constexpr double kLowestProbability = 0.02;
  float floor = kMarginCap;
  for (const MarginCalibration& c : calibration_) {
    // A flat calibration says nothing of where entities begin.
    if (c.probabilities.front() == c.probabilities.back()) continue;
    floor = std::min(floor, MarginAtProbability(c, kLowestProbability));
  }
  return floor;
}

float TaggerModel::EvenOddsMargin(int type) const {
  return MarginAtProbability(calibration_[type], 0.5);
}

std::string DefaultTaggerModelPath() { return DefaultDataFilePath(kFileName); }

}  // namespace privacy::detect
