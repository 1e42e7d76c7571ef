// CREDIT_CARD: grouped or unbroken card numbers with issuer prefix and Luhn checks.
#include "detect/pattern_recognizer.h"
#include "detect/recognizer_registry.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeCreditCardRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "CREDIT_CARD";
  spec.rules = {{R"(\d{4}(?:[ -]?\d{3,6}){2,4})", 0.9, "credit_card"}};
  spec.context_words = {"card", "credit", "debit", "visa", "mastercard", "amex", "payment",
                        "cc", "karte", "tarjeta", "carte"};
  spec.context_boost = 0.1;
  spec.number_separators = " -";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
