// CA_SIN: Canadian Social Insurance Numbers (Luhn); reported only near a context word.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeCaSinRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "CA_SIN";
  spec.rules = {{R"(\d{3}[ -]?\d{3}[ -]?\d{3})", 0.3, "ca_sin"}};
  spec.context_words = {"sin", "social insurance", "nas", "assurance sociale"};
  spec.context_boost = 0.5;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
