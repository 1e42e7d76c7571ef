#include "detect/national_id_validators.h"

#include <string>

#include "detect/checksums.h"

namespace privacy::detect {
namespace {

// All non-digit characters are the same single separator (or there are none).
bool ConsistentSeparators(std::string_view value) {
  char separator = 0;
  for (char c : value) {
    if (c >= '0' && c <= '9') continue;
    if (separator != 0 && c != separator) return false;
    separator = c;
  }
  return true;
}

bool AllSame(const std::string& digits) {
  return !digits.empty() && digits.find_first_not_of(digits[0]) == std::string::npos;
}

char Mod23Letter(long number) {
  static const char kLetters[] = "TRWAGMYFPDXBNJZSQVHLCKE";
  return kLetters[number % 23];
}

char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

bool IsValidUsSsn(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 9 || !ConsistentSeparators(value) || AllSame(d)) return false;
  const int area = std::stoi(d.substr(0, 3));
  const int group = std::stoi(d.substr(3, 2));
  const int serial = std::stoi(d.substr(5, 4));
  if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) return false;
  return d != "123456789" && d != "078051120" && d != "219099999";
}

bool IsValidUsItin(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 9 || d[0] != '9' || !ConsistentSeparators(value)) return false;
  const int group = std::stoi(d.substr(3, 2));
  return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) ||
         (group >= 90 && group <= 92) || (group >= 94 && group <= 99);
}

bool IsValidUkNhs(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 10 || !ConsistentSeparators(value) || AllSame(d)) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (d[i] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  return check != 10 && check == d[9] - '0';
}

bool IsValidCaSin(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 9 || !ConsistentSeparators(value) || AllSame(d)) return false;
  return d[0] != '0' && d[0] != '8' && LuhnValid(d);
}

bool IsValidEsNif(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 8 || value.empty()) return false;
  return Upper(value.back()) == Mod23Letter(std::stol(d));
}

bool IsValidEsNie(std::string_view value) {
  if (value.size() < 9) return false;
  const char prefix = Upper(value.front());
  if (prefix != 'X' && prefix != 'Y' && prefix != 'Z') return false;
  const std::string d = DigitsOf(value);
  if (d.size() != 7) return false;
  const long number = std::stol(std::string(1, static_cast<char>('0' + (prefix - 'X'))) + d);
  return Upper(value.back()) == Mod23Letter(number);
}

bool IsValidInAadhaar(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 12 || !ConsistentSeparators(value) || AllSame(d)) return false;
  return d[0] >= '2' && VerhoeffValid(d);
}

}  // namespace privacy::detect
