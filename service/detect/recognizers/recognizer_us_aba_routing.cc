// US_ABA_ROUTING: US bank routing transit numbers (3-7-1 weights mod 10);
// reported only near a context word.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeUsAbaRoutingRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "US_ABA_ROUTING";
  spec.rules = {{R"(\d{9})", 0.3, "us_aba_routing"}};
  spec.context_words = {"routing", "aba", "rtn", "abartn", "transit number", "bank transit"};
  spec.context_boost = 0.45;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
