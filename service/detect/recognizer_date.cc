// DATE: numeric dates and dates with English month names, with or without year.
#include "detect/pattern_recognizer.h"
#include "detect/recognizer_registry.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeDateRecognizer(const DetectorConfig&) {
  static const std::string kMonth =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
      "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  static const std::string kDay = "\\d{1,2}(?:st|nd|rd|th)?";
  PatternSpec spec;
  spec.type = "DATE";
  spec.rules = {
      {R"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)",
       0.85, "numeric_date"},
      {R"(\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2}))", 0.65, "numeric_date"},
      {kDay + "(?: of)?[ -]" + kMonth + "(?:,? |-)\\d{4}", 0.85, "text_date", true},
      {kDay + "(?: of)?[ -]" + kMonth, 0.7, "text_date", true},
      {kMonth + " " + kDay + ",? \\d{4}", 0.85, "text_date", true},
      {kMonth + " " + kDay, 0.7, "text_date", true},
      {kMonth + ",? \\d{4}", 0.6, "text_date", true}};
  spec.context_words = {"born", "birth", "dob", "date", "birthday", "geboren", "née",
                        "expires", "expiry", "deadline", "due", "anniversary"};
  spec.context_boost = 0.1;
  spec.number_separators = "./-";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
