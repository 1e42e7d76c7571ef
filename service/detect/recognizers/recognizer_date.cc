// DATE: numeric dates ("2025-02-03", "03.02.2025") by pattern, and dates
// with a month name in seven languages ("Feb 3rd", "3. Februar 2025",
// "3 de febrero de 2025") read around the numbers of the text.
#include <algorithm>

#include "detect/dates/text_date.h"
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"
#include "detect/scan/context_words.h"
#include "detect/scan/text_boundary.h"

namespace privacy::detect {
namespace {

constexpr std::string_view kType = "DATE";
constexpr double kContextBoost = 0.1;
// Scores of dates with a month name, by the parts they have.
constexpr double kDayMonthYearScore = 0.85;
constexpr double kDayMonthScore = 0.7;
constexpr double kMonthYearScore = 0.6;

std::vector<std::string> ContextWords() {
  return {"born",      "birth",    "dob",        "date",        "birthday", "expires",
          "expiry",    "deadline", "due",        "anniversary", "né",       "née",
          "naissance", "geboren",  "geburtstag", "datum",       "nacido",   "nacida",
          "fecha",     "nato",     "nata",       "nascita",     "nascido",  "nascida"};
}

PatternSpec NumericDates() {
  PatternSpec spec;
  spec.type = std::string(kType);
  spec.rules = {
      {R"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)",
       0.85, "numeric_date"},
      {R"(\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2}))", 0.65, "numeric_date"}};
  spec.context_words = ContextWords();
  spec.context_boost = kContextBoost;
  spec.number_separators = "./-";
  return spec;
}

// Finds numeric dates with a PatternRecognizer, and dates with a month name
// by reading the text around each number that could be their day or year.
// Immutable and safe for concurrent use.
class DateRecognizer : public Recognizer {
 public:
  DateRecognizer()
      : numeric_(NumericDates()),
        numeric_patterns_(static_cast<uint32_t>(numeric_.Patterns().size())),
        context_words_(ContextWords()) {}

  std::vector<std::string> Types() const override { return {std::string(kType)}; }

  std::vector<ScanPattern> Patterns() const override {
    std::vector<ScanPattern> patterns = numeric_.Patterns();
    // The first digit of a number after a space, after an opening bracket,
    // quote or line break, or at the start of the text: the hit ends just
    // after it. Three patterns, because Hyperscan scans prose much faster
    // for " \d" on its own than for a class holding the space.
    for (const char* trigger :
         {R"( \d)", R"((?:[\n\t(\["']|\xE2\x80[\x98\x9C]|\xC2\xAB)\d)", R"(^\d)"}) {
      patterns.push_back({trigger, false, false});
    }
    return patterns;
  }

  void Recognize(const RecognizeInput& input, std::vector<Candidate>* out) const override {
    const auto first_trigger =
        std::find_if(input.matches.begin(), input.matches.end(),
                     [&](const PatternMatch& m) { return m.pattern >= numeric_patterns_; });
    const size_t numeric_hits = static_cast<size_t>(first_trigger - input.matches.begin());
    numeric_.Recognize({input.text, input.matches.first(numeric_hits), input.earlier}, out);
    RecognizeTextDates(input.text, input.matches.subspan(numeric_hits), out);
  }

 private:
  void RecognizeTextDates(std::string_view text, std::span<const PatternMatch> triggers,
                          std::vector<Candidate>* out) const {
    // The first digits of numbers, in order: each trigger pattern's hits
    // come sorted, so merging its run with the ones before suffices.
    std::vector<uint32_t> digits;
    digits.reserve(triggers.size());
    size_t run_start = 0;
    for (size_t i = 0; i <= triggers.size(); ++i) {
      if (i == triggers.size() || (i > 0 && triggers[i].pattern != triggers[i - 1].pattern)) {
        std::inplace_merge(digits.begin(), digits.begin() + static_cast<ptrdiff_t>(run_start),
                           digits.end());
        run_start = i;
      }
      if (i < triggers.size()) digits.push_back(triggers[i].end - 1);
    }
    size_t covered = 0;  // end of the last date found: its numbers are read
    for (uint32_t digit : digits) {
      if (digit < covered) continue;
      const std::optional<TextDate> date = ParseTextDate(text, digit);
      if (!date || WordCharBefore(text, date->start) || WordCharAfter(text, date->end) ||
          ContinuesNumber(text, date->start, date->end, ".,:-/")) {
        continue;
      }
      covered = date->end;
      double score =
          date->has_day ? (date->has_year ? kDayMonthYearScore : kDayMonthScore) : kMonthYearScore;
      if (HasContextWord(text, date->start, date->end, context_words_)) score += kContextBoost;
      out->push_back({kType, static_cast<uint32_t>(date->start), static_cast<uint32_t>(date->end),
                      std::min(score, 1.0)});
    }
  }

  PatternRecognizer numeric_;
  uint32_t numeric_patterns_;  // patterns of numeric_ come first
  ContextWordSet context_words_;
};

}  // namespace

std::unique_ptr<Recognizer> MakeDateRecognizer(const DetectorConfig&) {
  return std::make_unique<DateRecognizer>();
}

}  // namespace privacy::detect
