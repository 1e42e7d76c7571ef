// UK_NHS: NHS numbers (mod-11); reported only near a context word.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeUkNhsRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "UK_NHS";
  spec.rules = {{R"(\d{3}[ -]?\d{3}[ -]?\d{4})", 0.4, "uk_nhs"}};
  spec.context_words = {"nhs", "health service", "patient number"};
  spec.context_boost = 0.45;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
