// NL_BSN: Dutch citizen service numbers (11-test); reported only near a context
// word.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeNlBsnRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "NL_BSN";
  spec.rules = {{R"(\d{4}\.\d{2}\.\d{3})", 0.3, "nl_bsn"},
                {R"(\d{3}[ .-]?\d{3}[ .-]?\d{3})", 0.3, "nl_bsn"}};
  spec.context_words = {
      "bsn",           "burgerservicenummer", "burgerservice",          "sofinummer",
      "sofi-nummer",   "sofi nummer",         "citizen service number", "dutch social security",
      "persoonsnummer"};
  spec.context_boost = 0.45;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
