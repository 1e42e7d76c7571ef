// ES_NIF: Spanish DNI/NIF numbers with their mod-23 control letter.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeEsNifRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "ES_NIF";
  spec.rules = {{R"(\d{8}-?[A-Za-z])", 0.6, "es_nif"}};
  spec.context_words = {"dni", "nif", "documento", "identidad"};
  spec.context_boost = 0.35;
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
