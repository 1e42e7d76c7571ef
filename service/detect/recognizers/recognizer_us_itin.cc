// US_ITIN: Individual Taxpayer Identification Numbers (9xx, reserved group ranges).
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeUsItinRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "US_ITIN";
  spec.rules = {{R"(9\d{2}-\d{2}-\d{4})", 0.6, "us_itin"},
                {R"(9\d{2} \d{2} \d{4})", 0.35, "us_itin"},
                {R"(9\d{8})", 0.25, "us_itin"}};
  spec.context_words = {"itin", "taxpayer", "tax id", "tin"};
  spec.context_boost = 0.4;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
