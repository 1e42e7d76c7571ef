// Helpers shared by the detection unit tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detect/detector.h"
#include "detect/tagger/entity_tagger.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect::testing {

// One detector for all tests (construction compiles the Hyperscan database).
inline const Detector& SharedDetector() {
  static const std::unique_ptr<Detector> detector = CreateDetector(DetectorConfig{});
  return *detector;
}

using Strings = std::vector<std::string>;

// "TYPE:value" for each of `findings` of `text`, in order.
inline Strings Describe(std::string_view text, const std::vector<Finding>& findings) {
  Strings out;
  for (const Finding& f : findings) {
    out.push_back(f.type + ":" + std::string(text.substr(f.start, f.end - f.start)));
  }
  return out;
}

// "TYPE:value" for each finding of the shared detector, in order.
inline Strings Found(std::string_view text, std::vector<std::string> only_types = {}) {
  DetectOptions options;
  options.only_types = std::move(only_types);
  return Describe(text, SharedDetector().Detect(text, options));
}

// The tokens of `text` (TokenizeWords).
inline std::vector<WordToken> TokensOf(std::string_view text) {
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  return tokens;
}

// The first occurrence of `value` at or after byte `from` of `text`, as a
// finding of `type`.
inline Finding FindingAt(std::string_view text, std::string_view value, std::string type,
                         double score = 0.8, size_t from = 0) {
  const auto start = static_cast<uint32_t>(text.find(value, from));
  return {std::move(type), start, start + static_cast<uint32_t>(value.size()), score};
}

// An entity of tagged type index `type` over the first occurrence of
// `value` in `text`, `probability` sure.
inline TaggedEntity EntityOver(std::string_view text, std::string_view value, int type,
                               double probability = 0.6) {
  const auto start = static_cast<uint32_t>(text.find(value));
  TaggedEntity entity;
  entity.type = type;
  entity.start = start;
  entity.end = start + static_cast<uint32_t>(value.size());
  entity.probability = probability;
  return entity;
}

}  // namespace privacy::detect::testing
