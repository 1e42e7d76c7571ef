#include "detect/dates/numeric_date.h"

#include <string>
#include <vector>

#include "detect/dates/calendar.h"

namespace privacy::detect {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

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

}  // namespace privacy::detect
