// BR_CNPJ: Brazilian company registration numbers (two mod-11 check digits);
// the written form 12.345.678/0001-95 stands alone, fourteen bare digits need
// context.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeBrCnpjRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "BR_CNPJ";
  spec.rules = {{R"(\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2})", 0.6, "br_cnpj"},
                {R"(\d{14})", 0.3, "br_cnpj"}};
  spec.context_words = {"cnpj",
                        "cadastro nacional",
                        "pessoa jurídica",
                        "pessoa juridica",
                        "company registration",
                        "brazilian company"};
  // Enough for bare digits to beat a Luhn-valid 14-digit Diners number (0.9).
  spec.context_boost = 0.65;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
