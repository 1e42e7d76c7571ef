#include "app/name_detection_options.h"

#include <map>
#include <string>

namespace privacy::app {

void AddNameDetectionOptions(CLI::App* command, detect::DetectorConfig* config) {
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

}  // namespace privacy::app
