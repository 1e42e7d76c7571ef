#include "detect/scan/literal_pattern.h"

namespace privacy::detect {

std::string LiteralExpression(std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string expression;
  for (char c : value) {
    const auto b = static_cast<unsigned char>(c);
    if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
      expression += c;
    } else {
      expression += "\\x";
      expression += kHex[b >> 4];
      expression += kHex[b & 0xF];
    }
  }
  return expression;
}

std::string AsciiLower(std::string_view value) {
  std::string lower(value);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

}  // namespace privacy::detect
