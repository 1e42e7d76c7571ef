#include "detect/validators/financial_validators.h"

#include <string>

#include "detect/validators/checksums.h"

namespace privacy::detect {
namespace {

int PrefixValue(const std::string& digits, size_t n) {
  return std::stoi(digits.substr(0, n));
}

// True when the issuer prefix (IIN) is assigned for numbers of this length.
bool KnownIssuer(const std::string& d) {
  const size_t n = d.size();
  const int p1 = PrefixValue(d, 1), p2 = PrefixValue(d, 2), p3 = PrefixValue(d, 3),
            p4 = PrefixValue(d, 4);
  if (p1 == 4) return n == 13 || n == 16 || n == 19;                    // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n == 16;  // Mastercard
  if (p2 == 34 || p2 == 37) return n == 15;                             // Amex
  if (p4 >= 2200 && p4 <= 2204) return n >= 16;                         // Mir
  if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) return n >= 16;  // Discover
  if (p2 == 62) return n >= 16;                                         // UnionPay
  if (p4 >= 3528 && p4 <= 3589) return n >= 16;                         // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) return n >= 14;  // Diners
  if (p2 == 50 || (p2 >= 56 && p2 <= 69)) return n >= 13;               // Maestro
  return false;
}

// Groups separated by one consistent separator, each of 3-6 digits, or a
// single unbroken block.
bool WellGrouped(std::string_view value) {
  char separator = 0;
  size_t group = 0;
  size_t groups = 1;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      ++group;
      continue;
    }
    if (separator != 0 && c != separator) return false;
    separator = c;
    if (group < 3 || group > 6) return false;
    group = 0;
    ++groups;
  }
  return groups == 1 || (group >= 3 && group <= 6);
}

bool AllSame(const std::string& digits) {
  return digits.find_first_not_of(digits[0]) == std::string::npos;
}

// Total IBAN length per country (SWIFT IBAN registry).
size_t IbanLength(std::string_view country) {
  struct Entry {
    const char* code;
    size_t length;
  };
  static const Entry kLengths[] = {
      {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
      {"BG", 22}, {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22},
      {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20},
      {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22},
      {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28},
      {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30},
      {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21},
      {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
      {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
      {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33},
      {"SA", 24}, {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
      {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29},
      {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30}};
  for (const Entry& e : kLengths) {
    if (country == e.code) return e.length;
  }
  return 0;
}

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

bool IsValidCardNumber(std::string_view value) {
  const std::string digits = DigitsOf(value);
  if (digits.size() < 13 || digits.size() > 19) return false;
  if (!WellGrouped(value) || AllSame(digits)) return false;
  return KnownIssuer(digits) && LuhnValid(digits);
}

std::string_view CardNumberAfterCue(std::string_view value) {
  const size_t first = value.find_first_of("0123456789");
  if (first == std::string_view::npos) return {};
  std::string_view number = value.substr(first);
  // Shorten by whole groups until the rest is a valid card number.
  while (!number.empty()) {
    const std::string digits = DigitsOf(number);
    if (digits.size() >= 12 && digits.size() <= 19 && WellGrouped(number) && !AllSame(digits) &&
        LuhnValid(digits)) {
      return number;
    }
    const size_t cut = number.find_last_of(" -");
    if (cut == std::string_view::npos) break;
    number = number.substr(0, cut);
    while (!number.empty() && (number.back() == ' ' || number.back() == '-')) number.remove_suffix(1);
  }
  return {};
}

size_t ValidIbanPrefix(std::string_view value) {
  if (value.size() < 4) return 0;
  const size_t length = IbanLength(value.substr(0, 2));
  if (length == 0) return 0;
  std::string compact;
  size_t pos = 0;
  bool spaced = false;
  while (pos < value.size() && compact.size() < length) {
    char c = value[pos];
    if (c == ' ') {
      // Spaces may only separate groups of four.
      if (compact.size() % 4 != 0 || (!spaced && compact.size() != 4)) return 0;
      spaced = true;
    } else if (IsAlnum(c)) {
      if (spaced && compact.size() % 4 == 0 && value[pos - 1] != ' ') return 0;
      compact.push_back(c);
    } else {
      return 0;
    }
    ++pos;
  }
  if (compact.size() != length) return 0;
  const std::string rearranged = compact.substr(4) + compact.substr(0, 4);
  return Mod97(rearranged) == 1 ? pos : 0;
}

std::string_view FirstIban(std::string_view value) {
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t pos = 0; pos + 4 <= value.size(); ++pos) {
    if (!upper(value[pos]) || !upper(value[pos + 1]) || !digit(value[pos + 2]) ||
        !digit(value[pos + 3])) {
      continue;
    }
    const size_t length = ValidIbanPrefix(value.substr(pos));
    if (length > 0) return value.substr(pos, length);
  }
  return {};
}

}  // namespace privacy::detect
