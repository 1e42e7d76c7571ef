// The word vectors the entity tagger reads: the shipped file, how a
// token's scores count its own and its neighbours' vectors, file errors,
// and a model paired with other vectors.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "detect/detector.h"
#include "detect/names/gazetteer.h"
#include "detect/names/key_table.h"
#include "detect/names/name_key.h"
#include "detect/tagger/tagger_model.h"
#include "detect/tagger/token_features.h"
#include "detect/tagger/word_vectors.h"
#include "file_bytes.h"

using namespace privacy::detect;
using privacy::testing::ReadBytes;
using privacy::testing::WriteBytes;

namespace {

const WordVectors& SharedVectors() {
  static const WordVectors vectors = WordVectors::Load(DefaultWordVectorsPath());
  return vectors;
}

const int8_t* VectorOf(std::string_view word) {
  NameKey key;
  key.AddWord(word);
  return SharedVectors().VectorOf(key);
}

// The cosine of the angle between two words' vectors.
double Similarity(std::string_view a, std::string_view b) {
  const int8_t* va = VectorOf(a);
  const int8_t* vb = VectorOf(b);
  REQUIRE(va != nullptr);
  REQUIRE(vb != nullptr);
  double dot = 0, na = 0, nb = 0;
  for (int d = 0; d < WordVectors::kDimensions; ++d) {
    dot += va[d] * vb[d];
    na += va[d] * va[d];
    nb += vb[d] * vb[d];
  }
  return dot / std::sqrt(na * nb);
}

// The message of `load`'s error; "" when it succeeds.
template <typename Load>
std::string ErrorOf(Load load) {
  try {
    load();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("privacy_word_vectors_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect word vectors: the shipped file gives words used alike near vectors") {
  CHECK(SharedVectors().size() > 100000);
  CHECK(SharedVectors().scale() > 0.0f);
  REQUIRE(VectorOf("Berlin") != nullptr);
  CHECK(VectorOf("berlin") == VectorOf("BERLIN"));  // one folded word, one row
  CHECK(VectorOf("Xqzvbnmwk") == nullptr);
  CHECK(VectorOf("") == nullptr);
  CHECK(Similarity("berlin", "munich") > Similarity("berlin", "walked"));
  CHECK(Similarity("maria", "olga") > Similarity("maria", "walked"));
  CHECK(Similarity("smith", "jones") > Similarity("smith", "walked"));
  CHECK(Similarity("april", "june") > Similarity("april", "walked"));
}

TEST_CASE("detect word vectors: a token's scores count its own and its neighbours' vectors") {
  std::vector<float> weights(kVectorWeightCount, 0.0f);
  weights[VectorWeightIndex(kVectorReach - 1, 0, 2)] = 1.0f;  // the token before, tag 2
  weights[VectorWeightIndex(kVectorReach, 1, 3)] = 2.0f;      // the token itself, tag 3
  weights[VectorWeightIndex(kVectorReach + 1, 2, 4)] = -1.0f;  // the token after, tag 4
  std::array<int8_t, WordVectors::kDimensions> a{}, b{};
  a[0] = 8;
  a[1] = 4;
  a[2] = 2;
  b[0] = -16;
  b[1] = 32;
  b[2] = 64;
  // Tokens: a, b, no vector, a; the third token is Outside.
  const std::vector<const int8_t*> vectors = {a.data(), b.data(), nullptr, a.data()};
  const uint8_t outside[] = {0, 0, 1, 0};
  std::vector<float> emissions(vectors.size() * kTagCount, 0.0f);
  AddVectorScores(weights, vectors, outside, 0.5f, emissions.data());
  const auto score = [&](size_t token, int tag) { return emissions[token * kTagCount + tag]; };
  // Token 0: no token before; itself a (2 * 4 * 0.5); after it b (-1 * 64 * 0.5).
  CHECK(score(0, 2) == 0.0f);
  CHECK(score(0, 3) == 4.0f);
  CHECK(score(0, 4) == -32.0f);
  // Token 1: before it a (1 * 8 * 0.5), itself b (2 * 32 * 0.5), after it nothing.
  CHECK(score(1, 2) == 4.0f);
  CHECK(score(1, 3) == 32.0f);
  CHECK(score(1, 4) == 0.0f);
  // Token 2 is Outside: no scores.
  for (int y = 0; y < kTagCount; ++y) CHECK(score(2, y) == 0.0f);
  // Token 3: the token before it has no vector; itself a; nothing after it.
  CHECK(score(3, 2) == 0.0f);
  CHECK(score(3, 3) == 4.0f);
  CHECK(score(3, 4) == 0.0f);
  for (size_t token : {size_t{0}, size_t{1}, size_t{3}}) {
    for (int y : {0, 1, 5, 12}) CHECK(score(token, y) == 0.0f);
  }
}

TEST_CASE("detect word vectors: a model's vector weights score as they were saved") {
  TaggerWeights w;
  w.feature_set_version = FeatureExtractor::kFeatureSetVersion;
  for (size_t k = 0; k < w.vector_weights.size(); ++k) {
    w.vector_weights[k] = std::sin(static_cast<float>(k)) * 0.25f;
  }
  const std::string path = TempPath("model.tagger");
  SaveTaggerWeights(w, path);
  const TaggerModel model = TaggerModel::Load(path, FeatureExtractor::kFeatureSetVersion);
  std::filesystem::remove(path);
  std::array<int8_t, WordVectors::kDimensions> a{};
  for (int d = 0; d < WordVectors::kDimensions; ++d) a[d] = static_cast<int8_t>(d * 7 - 100);
  const std::vector<const int8_t*> vectors = {a.data(), nullptr, a.data()};
  const uint8_t outside[] = {0, 0, 0};
  std::vector<float> expected(vectors.size() * kTagCount, 0.0f);
  std::vector<float> loaded(vectors.size() * kTagCount, 0.0f);
  AddVectorScores(w.vector_weights, vectors, outside, 1.0f / 32, expected.data());
  AddVectorScores(model.vector_weights(), vectors, outside, 1.0f / 32, loaded.data());
  CHECK(loaded == expected);
  CHECK(std::any_of(loaded.begin(), loaded.end(), [](float v) { return v != 0.0f; }));
}

TEST_CASE("detect word vectors: file errors and a model trained with other vectors are refused") {
  CHECK(ErrorOf([] { WordVectors::Load("/nonexistent/word_vectors.bin"); }) ==
        "word vectors /nonexistent/word_vectors.bin: cannot open (set its path with "
        "--word-vectors)");
  CHECK(ErrorOf([] { WordVectors::Load(DefaultGazetteerPath()); }).find("bad magic") !=
        std::string::npos);

  const std::string bytes = ReadBytes(DefaultWordVectorsPath());
  REQUIRE(bytes.size() > 1000);
  const std::string truncated = TempPath("truncated.bin");
  WriteBytes(truncated, bytes.substr(0, bytes.size() - 1));
  CHECK(ErrorOf([&] { WordVectors::Load(truncated); }).find("truncated") != std::string::npos);
  std::string flipped = bytes;
  flipped[bytes.size() - 5] ^= 1;
  WriteBytes(truncated, flipped);
  CHECK(ErrorOf([&] { WordVectors::Load(truncated); }).find("checksum mismatch") !=
        std::string::npos);
  std::filesystem::remove(truncated);

  DetectorConfig config;
  config.word_vectors_file = "/nonexistent/word_vectors.bin";
  CHECK(ErrorOf([&] { CreateDetector(config); }).find("--word-vectors") != std::string::npos);

  // A model whose recorded vectors differ from the file given is refused.
  const std::string model = TempPath("other.tagger");
  TaggerWeights weights;
  weights.feature_set_version = FeatureExtractor::kFeatureSetVersion;
  weights.word_clusters_checksum = WordClusters::Load(DefaultWordClustersPath()).checksum();
  weights.word_vectors_checksum = SharedVectors().checksum() ^ 1;
  SaveTaggerWeights(weights, model);
  config = {};
  config.tagger_model_file = model;
  const std::string message = ErrorOf([&] { CreateDetector(config); });
  std::filesystem::remove(model);
  CHECK(message.find("other word vectors") != std::string::npos);
  CHECK(message.find(model) != std::string::npos);
}

TEST_CASE("detect key tables: entries out of order are refused") {
  CHECK_THROWS_AS(KeyTable::FromEntries({uint64_t{5} << 24, uint64_t{3} << 24}, 0),
                  std::invalid_argument);
  CHECK_THROWS_AS(KeyTable::FromEntries({uint64_t{5} << 24 | 1, uint64_t{5} << 24 | 2}, 0),
                  std::invalid_argument);
  const KeyTable table = KeyTable::FromEntries({uint64_t{3} << 24 | 7, uint64_t{9} << 24 | 1}, 42);
  CHECK(table.Find(3) == 7);
  CHECK(table.Find(9) == 1);
  CHECK(table.Find(4) == 0);
  CHECK(table.checksum() == 42);
}

TEST_SUITE_END();
