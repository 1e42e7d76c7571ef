// DE_TAX_ID: German tax identification numbers (Steuer-ID, ISO 7064 MOD 11,10
// and the digit-repetition rule); reported only near a context word.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeDeTaxIdRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "DE_TAX_ID";
  spec.rules = {{R"([1-9]\d ?\d{3} ?\d{3} ?\d{3})", 0.3, "de_tax_id"}};
  spec.context_words = {"steuer-id",
                        "steuer_id",
                        "steuerid",
                        "steuer-identifikationsnummer",
                        "steueridentifikationsnummer",
                        "steuerliche identifikationsnummer",
                        "identifikationsnummer",
                        "idnr",
                        "id-nr",
                        "steuer-idnr",
                        "tax id",
                        "tax-id",
                        "tax_id",
                        "tax identification",
                        "german tin",
                        "tin"};
  spec.context_boost = 0.45;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
