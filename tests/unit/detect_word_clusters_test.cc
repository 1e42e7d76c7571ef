// The word clusters the entity tagger reads: the shipped file, cluster
// paths and their prefixes, and a model paired with other clusters.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "detect/detector.h"
#include "detect/names/gazetteer.h"
#include "detect/names/name_key.h"
#include "detect/tagger/tagger_model.h"
#include "detect/tagger/token_features.h"
#include "detect/tagger/word_clusters.h"

using namespace privacy::detect;

namespace {

const WordClusters& SharedClusters() {
  static const WordClusters clusters = WordClusters::Load(DefaultWordClustersPath());
  return clusters;
}

uint32_t PathOf(std::string_view word) {
  NameKey key;
  key.AddWord(word);
  return SharedClusters().PathOf(key);
}

// The number of leading path bits two words share.
int SharedDepth(std::string_view a, std::string_view b) {
  const uint32_t pa = PathOf(a), pb = PathOf(b);
  int depth = 0;
  while (depth < 24 && WordClusters::Prefix(pa, depth + 1) == WordClusters::Prefix(pb, depth + 1)) {
    ++depth;
  }
  return depth;
}

// The message of CreateDetector's error for `config`; "" when it succeeds.
std::string CreateError(const DetectorConfig& config) {
  try {
    CreateDetector(config);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect word clusters: prefixes of a path keep its leading marker") {
  CHECK(WordClusters::Prefix(0b1'0110, 2) == 0b1'01);
  CHECK(WordClusters::Prefix(0b1'0110, 4) == 0b1'0110);
  CHECK(WordClusters::Prefix(0b1'0110, 9) == 0b1'0110);
  CHECK(WordClusters::Prefix(0b1'0110, 0) == 0b1);
  CHECK(WordClusters::Prefix(0, 4) == 0);  // unknown stays unknown
  CHECK(WordClusters::Prefix(0b1'01, 2) != WordClusters::Prefix(0b1'0100, 3));
}

TEST_CASE("detect word clusters: the shipped file places words used alike together") {
  CHECK(SharedClusters().size() > 100000);
  CHECK(PathOf("Berlin") != 0);
  CHECK(PathOf("berlin") == PathOf("BERLIN"));
  CHECK(PathOf("Xqzvbnmwk") == 0);
  // Cities are nearer to cities than to verbs, names to names, months to months.
  CHECK(SharedDepth("berlin", "munich") > SharedDepth("berlin", "walked"));
  CHECK(SharedDepth("maria", "olga") > SharedDepth("maria", "walked"));
  CHECK(SharedDepth("smith", "jones") > SharedDepth("smith", "walked"));
  CHECK(SharedDepth("april", "june") > SharedDepth("april", "walked"));
}

TEST_CASE("detect word clusters: file errors and a model trained with other clusters are refused") {
  CHECK_THROWS_WITH_AS(WordClusters::Load("/nonexistent/word_clusters.bin"),
                       "word clusters /nonexistent/word_clusters.bin: cannot open (set its path "
                       "with --word-clusters)",
                       std::runtime_error);
  DetectorConfig config;
  config.word_clusters_file = "/nonexistent/word_clusters.bin";
  CHECK(CreateError(config).find("/nonexistent/word_clusters.bin") != std::string::npos);

  // The gazetteer has the same layout but another magic: not taken for clusters.
  config.word_clusters_file = DefaultGazetteerPath();
  CHECK(CreateError(config).find("bad magic") != std::string::npos);

  // A model whose recorded clusters differ from the file given is refused.
  const std::filesystem::path model = std::filesystem::temp_directory_path() /
                                      ("privacy_word_clusters_test_" + std::to_string(::getpid()) + ".tagger");
  TaggerWeights weights;
  weights.feature_set_version = FeatureExtractor::kFeatureSetVersion;
  weights.word_clusters_checksum = SharedClusters().checksum() ^ 1;
  SaveTaggerWeights(weights, model.string());
  config = {};
  config.tagger_model_file = model.string();
  const std::string message = CreateError(config);
  std::filesystem::remove(model);
  CHECK(message.find("other word clusters") != std::string::npos);
  CHECK(message.find(model.string()) != std::string::npos);
}

TEST_SUITE_END();
