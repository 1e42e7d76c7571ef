#include "detect/validators/national_id_validators.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "detect/dates/calendar.h"
#include "detect/validators/checksums.h"

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

int Digit(char c) { return c - '0'; }

int TwoDigits(std::string_view d, size_t at) { return Digit(d[at]) * 10 + Digit(d[at + 1]); }

// Only digits and single spaces between them.
bool DigitsAndSpaces(std::string_view value) {
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c >= '0' && c <= '9') continue;
    if (c != ' ' || i == 0 || value[i - 1] == ' ') return false;
  }
  return true;
}

// Brazilian mod-11 check digit over `digits` with `weights` (CPF, CNPJ).
int BrazilCheckDigit(std::string_view digits, std::span<const int> weights) {
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) sum += Digit(digits[i]) * weights[i];
  const int rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

// The digit an Italian fiscal code character stands for: itself, or the
// letter replacing it in homonym variants (L=0 ... V=9); -1 otherwise.
int FiscalCodeDigit(char c) {
  static constexpr std::string_view kOmocodia = "LMNPQRSTUV";
  if (c >= '0' && c <= '9') return c - '0';
  const size_t at = kOmocodia.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

bool IsUpperLetter(char c) { return c >= 'A' && c <= 'Z'; }

// The Italian fiscal code check letter of the first fifteen characters.
char FiscalCodeCheck(std::string_view code) {
  // Values of 0-9 and A-Z at odd (1st, 3rd, ...) positions.
  static constexpr std::array<int, 26> kOdd = {1,  0,  5, 7, 9, 13, 15, 17, 19, 21, 2,  4,  18,
                                               20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
  int sum = 0;
  for (size_t i = 0; i < 15; ++i) {
    const char c = code[i];
    const int index = c >= '0' && c <= '9' ? c - '0' : c - 'A';
    sum += i % 2 == 0 ? kOdd[index] : index;
  }
  return static_cast<char>('A' + sum % 26);
}

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

bool IsValidNlBsn(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 9 || !ConsistentSeparators(value) || AllSame(d)) return false;
  int sum = -Digit(d[8]);
  for (int i = 0; i < 8; ++i) sum += Digit(d[i]) * (9 - i);
  return sum % 11 == 0;
}

bool IsValidDeTaxId(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 11 || d[0] == '0' || !DigitsAndSpaces(value)) return false;
  std::array<int, 10> count{};
  for (int i = 0; i < 10; ++i) ++count[Digit(d[i])];
  int repeated = -1;
  for (int digit = 0; digit < 10; ++digit) {
    if (count[digit] < 2) continue;
    if (repeated >= 0 || count[digit] > 3) return false;
    repeated = digit;
  }
  if (repeated < 0) return false;
  for (int i = 0; i + 2 < 10; ++i) {
    if (d[i] == d[i + 1] && d[i + 1] == d[i + 2]) return false;
  }
  int product = 10;
  for (int i = 0; i < 10; ++i) {
    int sum = (Digit(d[i]) + product) % 10;
    if (sum == 0) sum = 10;
    product = sum * 2 % 11;
  }
  const int check = (11 - product) % 10;
  return check == Digit(d[10]);
}

bool IsValidFrNir(std::string_view value) {
  if (value.size() < 15) return false;
  std::string n;
  for (char c : value) {
    if (c != ' ') n.push_back(Upper(c));
  }
  if (n.size() != 15) return false;
  // Corsica: 2A counts as 19 and 2B as 18 in the key.
  const bool corsica = n[5] == '2' && (n[6] == 'A' || n[6] == 'B');
  const uint64_t corsica_offset = corsica ? (n[6] == 'A' ? 1000000 : 2000000) : 0;
  if (corsica) n[6] = '0';
  if (n.find_first_not_of("0123456789") != std::string::npos) return false;
  const char sex = n[0];
  if (sex != '1' && sex != '2' && sex != '3' && sex != '4' && sex != '7' && sex != '8') {
    return false;
  }
  const int month = TwoDigits(n, 3);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) {
    return false;
  }
  if (!corsica && TwoDigits(n, 5) == 0) return false;
  if (n.compare(10, 3, "000") == 0) return false;
  const uint64_t number = std::stoull(n.substr(0, 13)) - corsica_offset;
  const int key = TwoDigits(n, 13);
  return key == static_cast<int>(97 - number % 97);
}

bool IsValidItFiscalCode(std::string_view value) {
  if (value.size() != 16) return false;
  std::string code(value);
  for (char& c : code) c = Upper(c);
  for (size_t i : {0, 1, 2, 3, 4, 5, 8, 11, 15}) {
    if (!IsUpperLetter(code[i])) return false;
  }
  for (size_t i : {6, 7, 9, 10, 12, 13, 14}) {
    if (FiscalCodeDigit(code[i]) < 0) return false;
  }
  static constexpr std::string_view kMonths = "ABCDEHLMPRST";
  if (kMonths.find(code[8]) == std::string_view::npos) return false;
  const int day = FiscalCodeDigit(code[9]) * 10 + FiscalCodeDigit(code[10]);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return FiscalCodeCheck(code) == code[15];
}

bool IsValidBrCpf(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 11 || AllSame(d)) return false;
  static constexpr int kWeights[] = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2};
  const std::span<const int> weights(kWeights);
  return BrazilCheckDigit(std::string_view(d).substr(0, 9), weights.subspan(1)) == Digit(d[9]) &&
         BrazilCheckDigit(std::string_view(d).substr(0, 10), weights) == Digit(d[10]);
}

bool IsValidBrCnpj(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 14 || AllSame(d)) return false;
  static constexpr int kWeights[] = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
  const std::span<const int> weights(kWeights);
  return BrazilCheckDigit(std::string_view(d).substr(0, 12), weights.subspan(1)) == Digit(d[12]) &&
         BrazilCheckDigit(std::string_view(d).substr(0, 13), weights) == Digit(d[13]);
}

bool IsValidPlPesel(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 11 || d.size() != value.size() || AllSame(d)) return false;
  // The month carries the century: +80 for the 1800s, +20 for the 2000s, ...
  static constexpr int kCenturies[] = {1900, 2000, 2100, 2200, 1800};
  const int coded_month = TwoDigits(d, 2);
  const int year = kCenturies[coded_month / 20] + TwoDigits(d, 0);
  if (!DayExists(TwoDigits(d, 4), coded_month % 20, year)) return false;
  static constexpr int kWeights[] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += Digit(d[i]) * kWeights[i];
  return (10 - sum % 10) % 10 == Digit(d[10]);
}

bool IsValidSePersonnummer(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 10 && d.size() != 12) return false;
  const size_t separators = value.size() - d.size();
  if (separators > 1) return false;
  const size_t date_length = d.size() - 4;
  if (separators == 1) {
    const char separator = value[date_length];
    if (separator != '-' && separator != ' ' && !(separator == '+' && d.size() == 10)) {
      return false;
    }
  }
  const std::string_view last10 = std::string_view(d).substr(d.size() - 10);
  int year = 0;  // unknown for the ten-digit form
  if (d.size() == 12) {
    year = std::stoi(d.substr(0, 4));
    if (year < 1800 || year > 2099) return false;
  }
  int day = TwoDigits(last10, 4);
  if (day > 60) day -= 60;  // samordningsnummer
  if (!DayExists(day, TwoDigits(last10, 2), year)) return false;
  return LuhnValid(last10);
}

bool IsValidUsAbaRouting(std::string_view value) {
  const std::string d = DigitsOf(value);
  if (d.size() != 9 || d.size() != value.size() || AllSame(d)) return false;
  const int prefix = TwoDigits(d, 0);
  if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) ||
        prefix == 80)) {
    return false;
  }
  int sum = 0;
  for (int i = 0; i < 9; i += 3) {
    sum += 3 * Digit(d[i]) + 7 * Digit(d[i + 1]) + Digit(d[i + 2]);
  }
  return sum % 10 == 0;
}

}  // namespace privacy::detect
