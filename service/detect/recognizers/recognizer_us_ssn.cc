// US_SSN: Social Security Numbers; undelimited forms need a context word.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeUsSsnRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "US_SSN";
  spec.rules = {{R"(\d{3}-\d{2}-\d{4})", 0.6, "us_ssn"},
                {R"(\d{3} \d{2} \d{4})", 0.35, "us_ssn"},
                {R"(\d{9})", 0.25, "us_ssn"}};
  spec.context_words = {"ssn", "social security", "ss#", "ssn#", "social sec"};
  spec.context_boost = 0.4;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
