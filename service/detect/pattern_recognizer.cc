#include "detect/pattern_recognizer.h"

#include <algorithm>
#include <stdexcept>

#include "detect/context_words.h"
#include "detect/text_boundary.h"

namespace privacy::detect {
namespace {

std::bitset<128> AsciiSet(std::string_view chars) {
  std::bitset<128> set;
  for (char c : chars) {
    if (static_cast<unsigned char>(c) < 0x80) set.set(static_cast<unsigned char>(c));
  }
  return set;
}

bool Extends(const std::bitset<128>& set, char byte) {
  const unsigned char c = static_cast<unsigned char>(byte);
  return c >= 0x80 || set.test(c);
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Widens [start, ...) to the left over `set`, never splitting a character.
size_t ExtendLeft(std::string_view text, size_t start, const std::bitset<128>& set) {
  if (set.none()) return start;
  const size_t limit =
      start > PatternRule::kMaxExtendLeft ? start - PatternRule::kMaxExtendLeft : 0;
  while (start > limit && Extends(set, text[start - 1])) --start;
  while (start < text.size() && IsContinuationByte(text[start])) ++start;
  return start;
}

// Widens [..., end) to the right over `set`, never splitting a character.
size_t ExtendRight(std::string_view text, size_t end, const std::bitset<128>& set) {
  const size_t limit = std::min(text.size(), end + PatternRule::kMaxExtendRight);
  while (end < limit && Extends(set, text[end])) ++end;
  while (end > 0 && end < text.size() && IsContinuationByte(text[end])) --end;
  return end;
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
    extensions_.push_back({AsciiSet(rule.extend_left), AsciiSet(rule.extend_right)});
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
  // Hits of one rule come by start; those inside one run of extend_right
  // characters share its end, which is then found once.
  uint32_t run_pattern = 0;
  size_t run_end = 0;
  for (const PatternMatch& m : input.matches) {
    const PatternRule& rule = spec_.rules[m.pattern];
    const Validator validate = validators_[m.pattern];
    const Extension& extension = extensions_[m.pattern];
    const size_t from = ExtendLeft(text, m.start, extension.left);
    size_t to = m.end;
    if (extension.right.any()) {
      if (m.pattern == run_pattern && m.end < run_end) {
        to = run_end;
      } else {
        to = ExtendRight(text, m.end, extension.right);
        const bool whole_run = to == text.size() || !Extends(extension.right, text[to]);
        run_pattern = m.pattern;
        run_end = whole_run ? to : 0;
      }
    }
    const std::string_view value = text.substr(from, to - from);
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
