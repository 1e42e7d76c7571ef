#include "detect/pattern_recognizer.h"

#include <algorithm>
#include <stdexcept>

#include "detect/context_words.h"
#include "detect/text_boundary.h"

namespace privacy::detect {
namespace {

// Maximum widening by PatternRule::extend_left (an e-mail local part is at
// most 64 bytes).
constexpr size_t kMaxExtendLeft = 64;

size_t ExtendLeft(std::string_view text, size_t start, std::string_view chars) {
  if (chars.empty()) return start;
  const size_t limit = start > kMaxExtendLeft ? start - kMaxExtendLeft : 0;
  while (start > limit) {
    const unsigned char c = static_cast<unsigned char>(text[start - 1]);
    if (c < 0x80 && chars.find(static_cast<char>(c)) == std::string_view::npos) break;
    --start;
  }
  while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
  return start;
}

}  // namespace

PatternRecognizer::PatternRecognizer(PatternSpec spec)
    : spec_(std::move(spec)), context_words_(spec_.context_words) {
  for (const PatternRule& rule : spec_.rules) {
    Validator v = nullptr;
    if (!rule.validator.empty()) {
      v = FindValidator(rule.validator);
      if (v == nullptr) {
        throw std::runtime_error("recognizer " + spec_.type + ": unknown validator '" +
                                 rule.validator + "'");
      }
    }
    validators_.push_back(v);
  }
}

std::vector<ScanPattern> PatternRecognizer::Patterns() const {
  std::vector<ScanPattern> patterns;
  for (const PatternRule& rule : spec_.rules) {
    patterns.push_back({rule.expression, rule.caseless});
  }
  return patterns;
}

void PatternRecognizer::Recognize(const RecognizeInput& input,
                                  std::vector<Candidate>* out) const {
  const std::string_view text = input.text;
  for (const PatternMatch& m : input.matches) {
    const PatternRule& rule = spec_.rules[m.pattern];
    const Validator validate = validators_[m.pattern];
    const size_t from = ExtendLeft(text, m.start, rule.extend_left);
    const std::string_view value = text.substr(from, m.end - from);
    const std::string_view valid = validate != nullptr ? validate(value) : value;
    if (valid.empty()) continue;
    const size_t start = from + static_cast<size_t>(valid.data() - value.data());
    const size_t end = start + valid.size();
    if (WordCharBefore(text, start) || WordCharAfter(text, end)) continue;
    if (ContinuesNumber(text, start, end, spec_.number_separators)) continue;
    double score = rule.score;
    if (HasContextWord(text, start, end, context_words_)) score += spec_.context_boost;
    out->push_back({spec_.type, static_cast<uint32_t>(start), static_cast<uint32_t>(end),
                    std::min(score, 1.0), spec_.denied});
  }
}

}  // namespace privacy::detect
