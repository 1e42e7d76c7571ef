// Public API of the detection library: finds personal data in UTF-8 text.
// The library has no NATS dependency; it is unit-tested, fuzzed and
// benchmarked on its own.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace privacy::detect {

// One piece of personal data found in a text: its type name (e.g. "EMAIL"),
// its UTF-8 byte span [start, end) in the scanned text, and a score in [0, 1].
struct Finding {
  std::string type;
  uint32_t start = 0;
  uint32_t end = 0;
  double score = 0.0;

  bool operator==(const Finding&) const = default;
};

// What an external recognizer (a model) found in the text of one call, and
// the types it was asked for.
struct ExternalFindings {
  std::vector<std::string> types;
  std::vector<Finding> findings;
};

// A value that is always reported, wherever it occurs as a whole word, with
// type `type` and score 1.0.
struct DenyValue {
  std::string value;
  std::string type;
  bool ignore_case = false;  // ASCII case
};

// Deployment-wide settings of a Detector.
struct DetectorConfig {
  // Regions (ISO 3166 alpha-2) tried for phone numbers written without a
  // country code, in order: by default those of the countries whose
  // addresses the ADDRESS recognizer reads.
  std::vector<std::string> phone_regions = {"US", "GB", "DE", "FR", "ES", "IN", "IT", "NL",
                                            "BE", "AT", "CH", "PT", "BR", "PL", "SE", "NO",
                                            "DK", "FI", "AU", "CA", "IE"};

  // Findings scoring below their type's minimum are dropped. A type's
  // minimum is its entry in `min_scores`, else `default_min_score` when
  // set, else what its recognizer recommends (the entity tagger: 0.2 for
  // its calibrated persons, 0.15 for places, 0.1 for organizations, recall
  // first), else 0.5.
  std::optional<double> default_min_score;
  std::map<std::string, double> min_scores;

  // Values never reported: a finding whose text equals one of them is
  // dropped (unless it is also a deny value). Exact byte comparison; when
  // `allow_values_ignore_case` is set, ASCII case is ignored as well.
  std::vector<std::string> allow_values;
  bool allow_values_ignore_case = false;

  // Values always reported; compiled into the detector's scan.
  std::vector<DenyValue> deny_values;

  // Path of the gazetteer of the PERSON, LOCATION and ORGANIZATION
  // recognizers (service/detect/data/names.gaz); empty for the default:
  // names.gaz next to the executable, else
  // ../share/privacy-filter/names.gaz relative to it.
  std::string gazetteer_file;

  // How PERSON, LOCATION and ORGANIZATION are found: by the entity tagger
  // (a trained sequence model, the default) or by the older rules.
  enum class NameDetector { kTagger, kRules };
  NameDetector name_detector = NameDetector::kTagger;

  // Path of the entity tagger's model (service/detect/data/names.tagger);
  // empty for the default: names.tagger next to the executable, else
  // ../share/privacy-filter/names.tagger relative to it.
  std::string tagger_model_file;

  // Path of the word clusters the tagger's model was trained with
  // (service/detect/data/word_clusters.bin); empty for the default:
  // word_clusters.bin next to the executable, else
  // ../share/privacy-filter/word_clusters.bin relative to it.
  std::string word_clusters_file;

  // Path of the word vectors the tagger's model was trained with
  // (service/detect/data/word_vectors.bin); empty for the default:
  // word_vectors.bin next to the executable, else
  // ../share/privacy-filter/word_vectors.bin relative to it.
  std::string word_vectors_file;

  // Path of a file of custom recognizers (format in
  // custom_recognizer_file.h); empty for none. Its types become known types.
  std::string custom_recognizers_file;
};

// Per-call settings.
struct DetectOptions {
  // Types to report; empty means every known type.
  std::vector<std::string> only_types;

  // Values not reported in this call, in addition to the deployment's
  // allow list (exact comparison).
  std::vector<std::string> allow_values;

  // (value, type) pairs reported in this call with score 1.0 wherever the
  // value occurs as a whole word (exact comparison). Found by a plain
  // substring search, so keep them few. Deny values win over allow values.
  std::vector<std::pair<std::string, std::string>> deny_values;

  // Findings of an external recognizer for this text (see external_merge.h
  // for how they join the built-in ones); none when unset.
  std::optional<ExternalFindings> external;
};

// A Detector runs every registered recognizer over a text and resolves
// overlapping findings so that each span is reported once with its best type.
// A Detector is immutable after creation and safe for concurrent use from
// many threads without external synchronization.
class Detector {
 public:
  virtual ~Detector() = default;

  // Returns the findings in `text`, sorted by start offset, non-overlapping.
  // `text` must be valid UTF-8 (the service checks this at its edge).
  virtual std::vector<Finding> Detect(std::string_view text,
                                      const DetectOptions& options) const = 0;

  // True when `type` is a type name this detector can report.
  virtual bool IsKnownType(std::string_view type) const = 0;

  // Every type name this detector can report.
  virtual std::vector<std::string> KnownTypes() const = 0;
};

// Builds a detector with the built-in recognizers, the configured deny
// values and the custom recognizers file. Throws std::runtime_error with a
// readable message (for the custom recognizers file: its path and line) if
// the configuration cannot be loaded or compiled.
std::unique_ptr<Detector> CreateDetector(const DetectorConfig& config);

}  // namespace privacy::detect
