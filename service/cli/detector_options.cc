#include "cli/detector_options.h"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace privacy::cli {
namespace {

// Applies "SCORE" (every type) or "TYPE=SCORE" (one type) to `config`.
// Throws std::invalid_argument for anything else or a score outside [0, 1].
void ApplyMinScore(const std::string& value, detect::DetectorConfig* config) {
  const size_t equals = value.find('=');
  const std::string score_text = equals == std::string::npos ? value : value.substr(equals + 1);
  size_t used = 0;
  double score = -1.0;
  try {
    score = std::stod(score_text, &used);
  } catch (const std::exception&) {
  }
  if (used != score_text.size() || score_text.empty() || !(score >= 0.0 && score <= 1.0)) {
    throw std::invalid_argument("--min-score wants SCORE or TYPE=SCORE with a score in [0, 1]: " +
                                value);
  }
  if (equals == std::string::npos) {
    config->default_min_score = score;
  } else if (equals == 0) {
    throw std::invalid_argument("--min-score TYPE=SCORE needs a type: " + value);
  } else {
    config->min_scores[value.substr(0, equals)] = score;
  }
}

}  // namespace

void AddDetectorOptions(CLI::App* command, detect::DetectorConfig* config) {
  command
      ->add_option("--phone-regions", config->phone_regions,
                   "regions tried for phone numbers without a country code")
      ->envname("PHONE_REGIONS")
      ->delimiter(',');
  command
      ->add_option_function<std::vector<std::string>>(
          "--min-score",
          [config](const std::vector<std::string>& values) {
            for (const std::string& value : values) ApplyMinScore(value, config);
          },
          "lowest score reported: SCORE for every type, or TYPE=SCORE for one "
          "(repeatable; default 0.2 for the tagger's PERSON, 0.15 for its LOCATION, 0.1 for "
          "its ORGANIZATION, else 0.5)")
      ->envname("MIN_SCORE")
      ->delimiter(',')
      ->check([](const std::string& value) {
        detect::DetectorConfig scratch;
        try {
          ApplyMinScore(value, &scratch);
        } catch (const std::exception& e) {
          return std::string(e.what());
        }
        return std::string();
      });
  command
      ->add_option("--gazetteer", config->gazetteer_file,
                   "names gazetteer of PERSON/LOCATION/ORGANIZATION (default: names.gaz next "
                   "to the executable or in ../share/privacy-filter)")
      ->envname("GAZETTEER_FILE")
      ->check(CLI::ExistingFile);
  command
      ->add_option("--tagger-model", config->tagger_model_file,
                   "model of the entity tagger (default: names.tagger next to the executable "
                   "or in ../share/privacy-filter)")
      ->envname("TAGGER_MODEL_FILE")
      ->check(CLI::ExistingFile);
  command
      ->add_option("--word-clusters", config->word_clusters_file,
                   "word clusters the tagger's model was trained with (default: "
                   "word_clusters.bin next to the executable or in ../share/privacy-filter)")
      ->envname("WORD_CLUSTERS_FILE")
      ->check(CLI::ExistingFile);
  command
      ->add_option("--word-vectors", config->word_vectors_file,
                   "word vectors the tagger's model was trained with (default: "
                   "word_vectors.bin next to the executable or in ../share/privacy-filter)")
      ->envname("WORD_VECTORS_FILE")
      ->check(CLI::ExistingFile);
  const std::map<std::string, detect::DetectorConfig::NameDetector> kinds = {
      {"tagger", detect::DetectorConfig::NameDetector::kTagger},
      {"rules", detect::DetectorConfig::NameDetector::kRules},
  };
  command
      ->add_option("--name-detector", config->name_detector,
                   "how PERSON/LOCATION/ORGANIZATION are found: tagger (a trained model) or "
                   "rules (gazetteer and context cues)")
      ->envname("NAME_DETECTOR")
      ->transform(CLI::CheckedTransformer(kinds, CLI::ignore_case))
      ->default_str("tagger");
}

}  // namespace privacy::cli
