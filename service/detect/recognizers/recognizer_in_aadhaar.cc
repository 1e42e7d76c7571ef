// IN_AADHAAR: Indian Aadhaar numbers (Verhoeff); reported only near a context word.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeInAadhaarRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "IN_AADHAAR";
  spec.rules = {{R"([2-9]\d{3}[ -]?\d{4}[ -]?\d{4})", 0.4, "in_aadhaar"}};
  spec.context_words = {"aadhaar", "aadhar", "uidai", "uid"};
  spec.context_boost = 0.45;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
