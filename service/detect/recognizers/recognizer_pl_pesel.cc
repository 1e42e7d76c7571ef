// PL_PESEL: Polish PESEL numbers (birth date and 1-3-7-9 check digit);
// reported only near a context word.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakePlPeselRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "PL_PESEL";
  spec.rules = {{R"(\d{11})", 0.3, "pl_pesel"}};
  spec.context_words = {"pesel", "numer ewidencyjny", "nr ewidencyjny", "polish national id",
                        "polish id number"};
  spec.context_boost = 0.45;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
