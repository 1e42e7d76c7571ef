// PERSON, LOCATION, ORGANIZATION: the entity tagger by default, the rules
// when configured. One recognizer for the three kinds, because they
// compete for the same words ("Jordan", "Paris", "Cleveland Clinic").
#include <stdexcept>
#include <string>
#include <utility>

#include "detect/names/gazetteer.h"
#include "detect/names/name_rule_recognizer.h"
#include "detect/recognizer_registry.h"
#include "detect/scan/claimed_spans.h"
#include "detect/tagger/entity_tagger.h"
#include "detect/tagger/word_clusters.h"
#include "detect/tagger/word_vectors.h"

namespace privacy::detect {
namespace {

// Proposes the tagger's entities, scored by their calibrated probability,
// outside the spans structured recognizers already claim.
class TaggerRecognizer : public Recognizer {
 public:
  // The cuts of RecommendedMinScore.
  static constexpr double kPersonMinScore = 0.2;
  static constexpr double kLocationMinScore = 0.15;
  static constexpr double kOrganizationMinScore = 0.1;

  TaggerRecognizer(std::shared_ptr<const Gazetteer> gazetteer,
                   std::shared_ptr<const WordClusters> clusters,
                   std::shared_ptr<const WordVectors> vectors, TaggerModel model)
      : tagger_(std::move(gazetteer), std::move(clusters), std::move(vectors), std::move(model)) {}

  std::vector<std::string> Types() const override {
    return {std::string(kTaggedTypes[0]), std::string(kTaggedTypes[1]),
            std::string(kTaggedTypes[2])};
  }

  std::vector<ScanPattern> Patterns() const override { return {}; }

  // Scores are calibrated probabilities. Recall first: each type's cut is
  // the lowest at which its F1 on our dev parts (real text, hand-written
  // and synthetic messages, each weighing the same) stays within 0.01 of
  // its best: a person's name the tagger is 20 % sure of is masked, a
  // place it is 15 % sure of, an organization it is 10 % sure of. (Below
  // 20 %, persons are mostly wrong: on real text, nine in ten of those
  // between 15 and 20 %.)
  std::optional<double> RecommendedMinScore(std::string_view type) const override {
    if (type == "PERSON") return kPersonMinScore;
    return type == "LOCATION" ? kLocationMinScore : kOrganizationMinScore;
  }

  void Recognize(const RecognizeInput& input, std::vector<Candidate>* out) const override {
    std::vector<TaggedEntity> entities;
    if (input.words != nullptr) {
      tagger_.TagWords(input.text, *input.words, input.earlier, &entities);
    } else {
      tagger_.Tag(input.text, input.earlier, &entities);
    }
    if (entities.empty()) return;
    const ClaimedSpans claimed(input.earlier);
    for (const TaggedEntity& e : entities) {
      if (claimed.Overlaps(e.start, e.end)) continue;
      out->push_back({kTaggedTypes[e.type], e.start, e.end, e.probability});
    }
  }

 private:
  EntityTagger tagger_;
};

}  // namespace

std::unique_ptr<Recognizer> MakeNameRecognizer(const DetectorConfig& config) {
  auto gazetteer = std::make_shared<const Gazetteer>(Gazetteer::Load(
      config.gazetteer_file.empty() ? DefaultGazetteerPath() : config.gazetteer_file));
  if (config.name_detector == DetectorConfig::NameDetector::kRules) {
    return MakeNameRuleRecognizer(std::move(gazetteer));
  }
  const std::string model_path =
      config.tagger_model_file.empty() ? DefaultTaggerModelPath() : config.tagger_model_file;
  TaggerModel model = TaggerModel::Load(model_path, FeatureExtractor::kFeatureSetVersion);
  const std::string clusters_path =
      config.word_clusters_file.empty() ? DefaultWordClustersPath() : config.word_clusters_file;
  auto clusters = std::make_shared<const WordClusters>(WordClusters::Load(clusters_path));
  const std::string vectors_path =
      config.word_vectors_file.empty() ? DefaultWordVectorsPath() : config.word_vectors_file;
  auto vectors = std::make_shared<const WordVectors>(WordVectors::Load(vectors_path));
  try {
    return std::make_unique<TaggerRecognizer>(std::move(gazetteer), std::move(clusters),
                                              std::move(vectors), std::move(model));
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error("tagger model " + model_path + " with word clusters " +
                             clusters_path + " and word vectors " + vectors_path + ": " +
                             e.what());
  }
}

}  // namespace privacy::detect
