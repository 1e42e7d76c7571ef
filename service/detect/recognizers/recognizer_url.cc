// URL: links with a scheme, www. hosts, and domains with a path written
// without a scheme ("example.com/users/42"); trailing punctuation trimmed.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {
namespace {

// Printable ASCII except the characters that end a URL in running text.
std::string UrlCharacters() {
  std::string chars;
  for (char c = '!'; c <= '~'; ++c) {
    if (std::string_view("<>\"'`").find(c) == std::string_view::npos) chars += c;
  }
  return chars;
}

}  // namespace

std::unique_ptr<Recognizer> MakeUrlRecognizer(const DetectorConfig&) {
  // Each pattern is a short literal; the rest of the URL is taken by
  // widening the hit, which Hyperscan does not have to track.
  const std::string url_chars = UrlCharacters();
  const std::string host_chars =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-/";
  PatternSpec spec;
  spec.type = "URL";
  spec.rules = {{R"((?:https?|ftp)://)", 0.85, "url", true, "", url_chars},
                {R"(www\.)", 0.75, "schemeless_url", true, "", url_chars},
                // The end of a host and the slash of its path: "example.com/".
                {R"([A-Za-z]/)", 0.65, "schemeless_url", false, host_chars, url_chars}};
  spec.context_words = {"url", "link", "website", "site", "page", "profile"};
  spec.context_boost = 0.1;
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
