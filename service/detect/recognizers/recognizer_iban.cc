// IBAN: compact or four-grouped account numbers with mod-97 and country length.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeIbanRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "IBAN";
  // The pattern starts at the second letter of the country code, the first
  // is taken by widening the hit: Hyperscan scans prose slowly for two
  // capitals in a row, and digit-heavy text (logs) slowly for the check
  // digits alone.
  spec.rules = {
      {R"([A-Z]\d{2}(?: ?[A-Z0-9]){11,30})", 0.95, "iban", false, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}};
  spec.context_words = {"iban", "account", "bank", "transfer", "konto", "cuenta", "compte"};
  spec.context_boost = 0.05;
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
