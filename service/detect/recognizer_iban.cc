// IBAN: compact or four-grouped account numbers with mod-97 and country length.
#include "detect/pattern_recognizer.h"
#include "detect/recognizer_registry.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeIbanRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "IBAN";
  spec.rules = {{R"([A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30})", 0.95, "iban"}};
  spec.context_words = {"iban", "account", "bank", "transfer", "konto", "cuenta", "compte"};
  spec.context_boost = 0.05;
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
