// FR_NIR: French social security numbers with their key (mod 97) and Corsican
// departments 2A/2B; the shape and key are strong enough without context.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeFrNirRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "FR_NIR";
  spec.rules = {
      {R"([1-478] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2})", 0.55, "fr_nir"}};
  spec.context_words = {
      "nir",          "sécurité sociale", "securite sociale", "sécu",  "secu",           "insee",
      "carte vitale", "assuré social",    "numéro ss",        "n° ss", "social security"};
  spec.context_boost = 0.4;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
