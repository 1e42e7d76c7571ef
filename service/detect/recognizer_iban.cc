// IBAN: compact or four-grouped account numbers with mod-97 and country length.
#include "detect/pattern_recognizer.h"
#include "detect/recognizer_registry.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeIbanRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "IBAN";
  // The pattern starts at the check digits and the country code is taken by
  // widening the hit: a leading letter class would make Hyperscan slow on
  // prose.
  spec.rules = {{R"(\d{2}(?: ?[A-Z0-9]){11,30})", 0.95, "iban", false, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}};
  spec.context_words = {"iban", "account", "bank", "transfer", "konto", "cuenta", "compte"};
  spec.context_boost = 0.05;
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
