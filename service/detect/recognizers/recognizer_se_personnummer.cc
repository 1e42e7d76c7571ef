// SE_PERSONNUMMER: Swedish personal identity and coordination numbers (date
// and Luhn); reported only near a context word.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeSePersonnummerRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "SE_PERSONNUMMER";
  spec.rules = {{R"((?:\d{2})?\d{6}[-+ ]?\d{4})", 0.3, "se_personnummer"}};
  spec.context_words = {"personnummer",      "personnumret",
                        "personnr",          "pers.nr",
                        "pers. nr",          "pnr",
                        "samordningsnummer", "personal identity number",
                        "personal number",   "personal id number",
                        "swedish id",        "swedish personal"};
  spec.context_boost = 0.45;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
