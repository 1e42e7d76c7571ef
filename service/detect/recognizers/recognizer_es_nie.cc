// ES_NIE: Spanish foreigner identity numbers (X/Y/Z prefix, mod-23 letter).
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeEsNieRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "ES_NIE";
  spec.rules = {{R"([XYZxyz]-?\d{7}-?[A-Za-z])", 0.7, "es_nie"}};
  spec.context_words = {"nie", "extranjero", "identidad"};
  spec.context_boost = 0.3;
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
