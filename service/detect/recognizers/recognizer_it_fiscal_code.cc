// IT_FISCAL_CODE: Italian codici fiscali with their check letter; the shape
// and check letter are strong enough without context.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeItFiscalCodeRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "IT_FISCAL_CODE";
  // The pattern starts at the year, which homonym variants leave a digit
  // unless all seven digits are replaced; the six surname and first-name
  // letters are taken by widening, as a leading letter class scans slowly.
  spec.rules = {{R"(\d[\dLMNPQRSTUV][ABCDEHLMPRST][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z])",
                 0.6, "it_fiscal_code", true,
                 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}};
  spec.context_words = {
      "codice fiscale", "cod. fisc", "cod.fisc", "c.f.",        "cf",
      "fiscal code",    "tax code",  "codice",   "partita iva", "tessera sanitaria"};
  spec.context_boost = 0.3;
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
