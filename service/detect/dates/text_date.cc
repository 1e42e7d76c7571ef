#include "detect/dates/text_date.h"

#include "detect/dates/calendar.h"
#include "detect/dates/month_names.h"
#include "detect/scan/text_boundary.h"

namespace privacy::detect {
namespace {

// Suffixes of ordinal days: English, French "1er", Iberian "1º"/"1ª".
constexpr std::string_view kOrdinalSuffixes[] = {"st", "nd",       "rd",      "th",
                                                 "er", "\xC2\xBA", "\xC2\xAA"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

char At(std::string_view text, size_t pos) { return pos < text.size() ? text[pos] : '\0'; }

// The end of the run of letters starting at `pos`.
size_t LettersEnd(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    if (IsAsciiLetter(text[pos])) {
      ++pos;
      continue;
    }
    size_t length = 1;
    if (static_cast<unsigned char>(text[pos]) < 0x80 ||
        !IsLetterCodePoint(CodePointAt(text, pos, &length))) {
      break;
    }
    pos += length;
  }
  return pos;
}

// The start of the run of letters ending at `end`.
size_t LettersStart(std::string_view text, size_t end) {
  while (end > 0) {
    if (IsAsciiLetter(text[end - 1])) {
      --end;
      continue;
    }
    size_t lead = end - 1;
    while (lead > 0 && IsContinuationByte(text[lead]) && end - lead < 4) --lead;
    if (static_cast<unsigned char>(text[lead]) < 0xC0 ||
        !IsLetterCodePoint(CodePointAt(text, lead))) {
      break;
    }
    end = lead;
  }
  return end;
}

// A run of digits: where it ends, its value and its length.
struct Number {
  size_t end = 0;
  int value = 0;
  size_t digits = 0;
};

Number ReadNumber(std::string_view text, size_t pos) {
  Number n{pos, 0, 0};
  while (n.end < text.size() && IsDigit(text[n.end]) && n.digits < 5) {
    n.value = n.value * 10 + (text[n.end] - '0');
    ++n.end;
    ++n.digits;
  }
  return n;
}

// The end of a four-digit plausible year starting at `pos`, else 0.
size_t YearEnd(std::string_view text, size_t pos, int* year) {
  if (pos >= text.size() || !IsDigit(text[pos])) return 0;
  const Number n = ReadNumber(text, pos);
  if (n.digits != 4 || IsDigit(At(text, n.end)) || !PlausibleYear(n.value)) return 0;
  *year = n.value;
  return n.end;
}

// The end of the ordinal suffix of a day ending at `pos`, or `pos` when
// there is none.
size_t AfterOrdinal(std::string_view text, size_t pos) {
  for (std::string_view suffix : kOrdinalSuffixes) {
    if (text.substr(pos, suffix.size()) == suffix &&
        !IsAsciiLetter(At(text, pos + suffix.size()))) {
      return pos + suffix.size();
    }
  }
  return pos;
}

// The end of the second day of a range ("3-5", "3–5th") whose dash is at
// `pos`, the first day being `first_day`; `pos` when there is none. Sets
// `last_day`.
size_t RangeEnd(std::string_view text, size_t pos, int first_day, int* last_day) {
  size_t digit = pos;
  if (At(text, pos) == '-') {
    digit = pos + 1;
  } else if (text.substr(pos, 3) == "\xE2\x80\x93") {  // en dash
    digit = pos + 3;
  } else {
    return pos;
  }
  if (!IsDigit(At(text, digit))) return pos;
  const Number number = ReadNumber(text, digit);
  if (number.digits > 2 || number.value <= first_day || number.value > 31) return pos;
  *last_day = number.value;
  return AfterOrdinal(text, number.end);
}

// True when `word` followed by a space starts at `pos`.
bool WordThenSpace(std::string_view text, size_t pos, std::string_view word) {
  return text.substr(pos, word.size()) == word && At(text, pos + word.size()) == ' ';
}

// True when a day in the shape DayFirst reads ("29 ", "1er ", "3. ",
// "3 de ") ends just before `month_start`.
bool DayBefore(std::string_view text, size_t month_start) {
  size_t pos = month_start;
  if (pos == 0 || (text[pos - 1] != ' ' && text[pos - 1] != '-')) return false;
  --pos;
  for (std::string_view connector : {" of", " de", " del"}) {
    if (pos >= connector.size() &&
        text.substr(pos - connector.size(), connector.size()) == connector) {
      pos -= connector.size();
      break;
    }
  }
  if (pos > 0 && text[pos - 1] == '.') --pos;
  for (std::string_view suffix : kOrdinalSuffixes) {
    if (pos > suffix.size() && text.substr(pos - suffix.size(), suffix.size()) == suffix &&
        IsDigit(text[pos - suffix.size() - 1])) {
      pos -= suffix.size();
      break;
    }
  }
  return pos > 0 && IsDigit(text[pos - 1]);
}

// A month word found in the text.
struct MonthWord {
  MonthName name;
  size_t end = 0;  // after the abbreviation dot, if any
  bool capitalised = false;
  bool lower_case = false;
};

MonthWord MonthWordAt(std::string_view text, size_t start, size_t end) {
  MonthWord w;
  w.name = LookUpMonth(text.substr(start, end - start));
  w.end = end;
  w.capitalised = text[start] >= 'A' && text[start] <= 'Z';
  w.lower_case = true;
  for (size_t i = start; i < end; ++i) {
    w.lower_case = w.lower_case && !(text[i] >= 'A' && text[i] <= 'Z');
  }
  return w;
}

// Applies the month's own rules and the calendar to a day (0: none) and a
// year (0: none).
bool Acceptable(const MonthWord& month, int day, int year) {
  if (month.name.month == 0) return false;
  if (month.name.lower_case_is_word && month.lower_case) return false;
  if (month.name.also_a_name && (day == 0 || (month.capitalised && year == 0))) return false;
  return day == 0 || DayExists(day, month.name.month, year);
}

// "March 3", "Feb. 3rd, 2025", "March 2025", "March, 2025", "febrero de
// 2025": the month before the number starting at `digit`, which a space
// precedes.
std::optional<TextDate> MonthFirst(std::string_view text, size_t digit) {
  if (digit == 0 || text[digit - 1] != ' ') return std::nullopt;
  size_t word_end = digit - 1;
  const bool de = word_end >= 3 && text.substr(word_end - 3, 3) == " de";
  if (de) word_end -= 3;
  const bool comma = !de && word_end > 0 && text[word_end - 1] == ',';
  if (comma) --word_end;
  const bool dot = word_end > 0 && text[word_end - 1] == '.';
  if (dot) --word_end;
  const size_t word_start = LettersStart(text, word_end);
  if (word_start == word_end) return std::nullopt;
  const MonthWord month = MonthWordAt(text, word_start, word_end);
  if (dot && !month.name.abbreviation) return std::nullopt;

  const Number number = ReadNumber(text, digit);
  int day = 0, last_day = 0, year = 0;
  size_t end = 0;
  if (number.digits == 4) {
    // "29 Feb 2023": a day before the month makes the date day-first, and
    // DayFirst found it impossible.
    if (DayBefore(text, word_start)) return std::nullopt;
    end = YearEnd(text, digit, &year);
  } else if (number.digits <= 2 && !de && !comma) {
    day = number.value;
    end = RangeEnd(text, AfterOrdinal(text, number.end), day, &last_day);
    size_t pos = end;
    if (At(text, pos) == ',') ++pos;
    if (At(text, pos) == ' ') {
      const size_t year_end = YearEnd(text, pos + 1, &year);
      if (year_end != 0) end = year_end;
    }
  }
  if (end == 0 || !Acceptable(month, day, year) ||
      (last_day != 0 && !DayExists(last_day, month.name.month, year))) {
    return std::nullopt;
  }
  return TextDate{word_start, end, day != 0, year != 0};
}

// "3 March 2025", "3. Februar", "21st of March", "3 de febrero de 2025",
// "3-Feb-2025": the month after the day starting at `digit`.
std::optional<TextDate> DayFirst(std::string_view text, size_t digit) {
  const Number number = ReadNumber(text, digit);
  if (number.digits > 2) return std::nullopt;
  int last_day = 0;
  size_t pos = RangeEnd(text, AfterOrdinal(text, number.end), number.value, &last_day);
  if (At(text, pos) == '.' && At(text, pos + 1) == ' ') ++pos;
  const char separator = At(text, pos);
  if (last_day != 0 && separator != ' ') return std::nullopt;
  if (separator != ' ' && separator != '-') return std::nullopt;
  ++pos;
  if (separator == ' ') {
    for (std::string_view connector : {"of", "de", "del"}) {
      if (WordThenSpace(text, pos, connector)) {
        pos += connector.size() + 1;
        break;
      }
    }
  }
  const size_t word_end = LettersEnd(text, pos);
  if (word_end == pos) return std::nullopt;
  MonthWord month = MonthWordAt(text, pos, word_end);
  if (month.name.abbreviation && At(text, word_end) == '.') month.end = word_end + 1;

  int year = 0;
  size_t end = month.end;
  if (separator == '-') {
    if (At(text, end) == '-') {
      const size_t year_end = YearEnd(text, end + 1, &year);
      if (year_end != 0) end = year_end;
    }
  } else {
    size_t year_start = end;
    if (At(text, year_start) == ',') ++year_start;
    if (At(text, year_start) == ' ') {
      ++year_start;
      for (std::string_view connector : {"de", "del"}) {
        if (WordThenSpace(text, year_start, connector)) {
          year_start += connector.size() + 1;
          break;
        }
      }
      const size_t year_end = YearEnd(text, year_start, &year);
      if (year_end != 0) end = year_end;
    }
  }
  if (!Acceptable(month, number.value, year) ||
      (last_day != 0 && !DayExists(last_day, month.name.month, year))) {
    return std::nullopt;
  }
  return TextDate{digit, end, true, year != 0};
}

}  // namespace

std::optional<TextDate> ParseTextDate(std::string_view text, size_t digit) {
  if (digit >= text.size() || !IsDigit(text[digit])) return std::nullopt;
  if (std::optional<TextDate> date = MonthFirst(text, digit)) return date;
  return DayFirst(text, digit);
}

bool IsValidTextDate(std::string_view value) {
  size_t digit = 0;
  while (digit < value.size() && !IsDigit(value[digit])) ++digit;
  const std::optional<TextDate> date = ParseTextDate(value, digit);
  return date && date->start == 0 && date->end == value.size();
}

}  // namespace privacy::detect
