// CREDIT_CARD: grouped or unbroken card numbers with issuer prefix and Luhn
// checks; after a card cue ("card number:", "Visa"), any Luhn-valid 12-19
// digit number, whatever its issuer prefix.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeCreditCardRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "CREDIT_CARD";
  spec.rules = {
      {R"(\d{4}(?:[ -]?\d{3,6}){2,4})", 0.9, "credit_card"},
      {R"(\b(?:card|cc|visa|mastercard|master card|amex|american express|maestro|discover|jcb|)"
       R"(diners|diners club|unionpay|carte|karte|kreditkarte|tarjeta|cartão|carta))"
       R"((?:[ \t]+(?:number|no\.?|num|nr\.?|nummer|numéro|número|#|is)){0,2}[ \t]*[:#=]?)"
       R"([ \t]*\d[\d -]{10,26}\d)",
       0.9, "card_after_cue", true},
  };
  spec.context_words = {"card",    "credit", "debit", "visa",    "mastercard", "amex",
                        "payment", "cc",     "karte", "tarjeta", "carte"};
  spec.context_boost = 0.1;
  spec.number_separators = " -";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
