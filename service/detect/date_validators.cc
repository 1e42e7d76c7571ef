#include "detect/date_validators.h"

#include <cctype>
#include <string>
#include <vector>

namespace privacy::detect {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Day must exist in the month; an unknown year (0) allows 29 February.
bool DayExists(int day, int month, int year) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  if (month == 2 && year != 0 && !IsLeap(year)) return day <= 28;
  return day <= kDays[month - 1];
}

bool PlausibleYear(int year) { return year >= 1800 && year <= 2199; }

// Month number (1-12) of an English month name or abbreviation, else 0.
int MonthNumber(std::string word) {
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const kNames[] = {"january", "february", "march",     "april",
                                       "may",     "june",     "july",      "august",
                                       "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    const std::string name = kNames[m];
    if (word == name || (word.size() >= 3 && name.compare(0, word.size(), word) == 0 &&
                         word.size() <= 4)) {
      return m + 1;
    }
  }
  return 0;
}

struct Fields {
  std::vector<std::string> numbers;
  std::vector<char> separators;
};

// Splits "12/26/2001" into digit runs and the characters between them; stops
// at the first character that is neither.
Fields SplitNumeric(std::string_view value) {
  Fields f;
  std::string current;
  for (char c : value) {
    if (IsDigit(c)) {
      current.push_back(c);
      continue;
    }
    if (current.empty()) break;
    f.numbers.push_back(current);
    current.clear();
    if (f.numbers.size() == 3) break;
    f.separators.push_back(c);
  }
  if (!current.empty()) f.numbers.push_back(current);
  return f;
}

}  // namespace

bool IsValidNumericDate(std::string_view value) {
  const Fields f = SplitNumeric(value);
  if (f.numbers.size() != 3 || f.separators.size() != 2) return false;
  const char sep = f.separators[0];
  if (sep != f.separators[1] || (sep != '-' && sep != '/' && sep != '.')) return false;
  const std::string &a = f.numbers[0], &b = f.numbers[1], &c = f.numbers[2];
  const int x = std::stoi(a), y = std::stoi(b), z = std::stoi(c);
  if (a.size() == 4) {
    return PlausibleYear(x) && b.size() <= 2 && c.size() <= 2 && DayExists(z, y, x);
  }
  if (a.size() > 2 || b.size() > 2 || (c.size() != 2 && c.size() != 4)) return false;
  if (c.size() == 4 && !PlausibleYear(z)) return false;
  if (sep == '.' && c.size() == 2 && (a.size() != 2 || b.size() != 2)) return false;
  const int year = c.size() == 4 ? z : 0;
  return DayExists(x, y, year) || DayExists(y, x, year);
}

bool IsValidTextDate(std::string_view value) {
  int month = 0, day = 0, year = 0;
  size_t pos = 0;
  while (pos < value.size()) {
    const char c = value[pos];
    if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t end = pos;
      while (end < value.size() && std::isalpha(static_cast<unsigned char>(value[end]))) ++end;
      const std::string word(value.substr(pos, end - pos));
      const int m = MonthNumber(word);
      if (m != 0 && month == 0) {
        if (word == "may") return false;
        month = m;
      }
      pos = end;
    } else if (IsDigit(c)) {
      size_t end = pos;
      while (end < value.size() && IsDigit(value[end])) ++end;
      const std::string digits(value.substr(pos, end - pos));
      if (digits.size() == 4) {
        year = std::stoi(digits);
        if (!PlausibleYear(year)) return false;
      } else if (digits.size() <= 2 && day == 0) {
        day = std::stoi(digits);
      } else {
        return false;
      }
      pos = end;
    } else {
      ++pos;
    }
  }
  if (month == 0 || (day == 0 && year == 0)) return false;
  return day == 0 || DayExists(day, month, year);
}

}  // namespace privacy::detect
