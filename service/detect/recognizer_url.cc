// URL: http(s)/ftp links and www. hosts, trailing punctuation trimmed.
#include "detect/pattern_recognizer.h"
#include "detect/recognizer_registry.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeUrlRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "URL";
  spec.rules = {
      {R"((?:https?|ftp)://[^\s<>"'\x60]+)", 0.85, "url", true},
      {R"(www\.[A-Za-z0-9-]+\.[^\s<>"'\x60]+)", 0.75, "url", true}};
  spec.context_words = {"url", "link", "website", "site", "page", "profile"};
  spec.context_boost = 0.1;
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
