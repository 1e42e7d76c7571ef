#include "detect/recognizers/pattern_recognizer.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include "detect/scan/context_words.h"
#include "detect/scan/text_boundary.h"

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

// Widens the hits of one Recognize() call by their rules' extend_left and
// extend_right characters, never splitting a character. Hits of one rule
// come by start (and so by end); a hit inside the widening of the previous
// one continues that widening instead of scanning the same run again, so
// that many hits in one long run (a path full of slashes) cost time in
// proportion to the text, not to the run's length times their number.
class Widener {
 public:
  // The widened span [first, second) of `m` under `left` and `right`.
  std::pair<size_t, size_t> Widen(std::string_view text, const PatternMatch& m,
                                  const std::bitset<128>& left, const std::bitset<128>& right) {
    const bool same_rule = m.pattern == pattern_;
    size_t from = m.start;
    if (left.any()) {
      const size_t limit =
          m.start > PatternRule::kMaxExtendLeft ? m.start - PatternRule::kMaxExtendLeft : 0;
      // The previous hit's widening covered what lies before its start.
      const bool chained = same_rule && previous_start_ > limit;
      const size_t stop = chained ? std::min<size_t>(previous_start_, m.start) : limit;
      while (from > stop && Extends(left, text[from - 1])) --from;
      if (chained && from == stop) from = std::max(previous_from_, limit);
    }
    size_t to = m.end;
    if (right.any()) {
      const size_t limit = std::min(text.size(), m.end + PatternRule::kMaxExtendRight);
      if (same_rule && previous_to_ > to) to = std::min(previous_to_, limit);
      while (to < limit && Extends(right, text[to])) ++to;
    }
    pattern_ = m.pattern;
    previous_start_ = m.start;
    previous_from_ = from;
    previous_to_ = to;
    while (from < m.start && IsContinuationByte(text[from])) ++from;
    while (to > m.end && to < text.size() && IsContinuationByte(text[to])) --to;
    return {from, to};
  }

 private:
  uint32_t pattern_ = UINT32_MAX;
  size_t previous_start_ = 0;
  size_t previous_from_ = 0;  // before stepping over a split character
  size_t previous_to_ = 0;    // likewise
};

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
  Widener widener;
  for (const PatternMatch& m : input.matches) {
    const PatternRule& rule = spec_.rules[m.pattern];
    const Validator validate = validators_[m.pattern];
    const auto [from, to] =
        widener.Widen(text, m, extensions_[m.pattern].left, extensions_[m.pattern].right);
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
