// BR_CPF: Brazilian individual taxpayer numbers (two mod-11 check digits); the
// written form 123.456.789-09 stands alone, eleven bare digits need context.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeBrCpfRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "BR_CPF";
  spec.rules = {{R"(\d{3}\.\d{3}\.\d{3}-\d{2})", 0.55, "br_cpf"}, {R"(\d{11})", 0.3, "br_cpf"}};
  spec.context_words = {"cpf",          "cadastro de pessoa", "cadastro de pessoas",
                        "contribuinte", "taxpayer",           "brazilian tax"};
  spec.context_boost = 0.45;
  spec.number_separators = " -./";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
