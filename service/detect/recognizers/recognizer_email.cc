// EMAIL: addresses with a Unicode-tolerant local part and a DNS domain.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeEmailRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "EMAIL";
  spec.rules = {
      {R"(@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)", 0.95, "email", false,
       "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+'-"}};
  spec.context_words = {"email", "e-mail", "mail", "contact", "courriel", "correo"};
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
