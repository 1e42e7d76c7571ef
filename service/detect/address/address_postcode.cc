#include "detect/address/address_postcode.h"

namespace privacy::detect {
namespace {

using Kind = AddressToken::Kind;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// True when `s` matches `shape`: '9' a digit, 'A' an upper-case ASCII
// letter, '?' either, any other character itself.
bool Shaped(std::string_view s, std::string_view shape) {
  if (s.size() != shape.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (shape[i]) {
      case '9':
        if (!IsDigit(c)) return false;
        break;
      case 'A':
        if (!IsUpper(c)) return false;
        break;
      case '?':
        if (!IsDigit(c) && !IsUpper(c)) return false;
        break;
      default:
        if (c != shape[i]) return false;
    }
  }
  return true;
}

bool AnyShape(std::string_view s, std::initializer_list<std::string_view> shapes) {
  for (std::string_view shape : shapes) {
    if (Shaped(s, shape)) return true;
  }
  return false;
}

// Two tokens on one line, the second right after one space.
bool Adjacent(std::string_view text, const AddressToken& a, const AddressToken& b) {
  return b.start == a.end + 1 && text[a.end] == ' ' && !a.dot;
}

}  // namespace

bool LooksLikeYear(std::string_view t) {
  return Shaped(t, "9999") && (t.starts_with("18") || t.starts_with("19") || t.starts_with("20"));
}

size_t PostcodeLength(std::string_view text, std::span<const AddressToken> tokens, size_t i) {
  const AddressToken& t = tokens[i];
  const std::string_view s = t.In(text);
  const bool has_next = i + 1 < tokens.size() && Adjacent(text, t, tokens[i + 1]);
  const std::string_view next = has_next ? tokens[i + 1].In(text) : std::string_view();
  if (t.kind == Kind::kNumber) {
    if (Shaped(s, "9999") && has_next && tokens[i + 1].kind == Kind::kWord && Shaped(next, "AA") &&
        next != "AM" && next != "PM") {
      return 2;  // NL
    }
    if (has_next &&
        ((Shaped(s, "999") && Shaped(next, "99")) || (Shaped(s, "999") && Shaped(next, "999")))) {
      return 2;  // SE, IN
    }
    if (AnyShape(s, {"9999", "99999", "999999", "99999-9999", "99-999", "9999-999", "99999-999"})) {
      return 1;
    }
    return 0;
  }
  if (t.kind != Kind::kWord) return 0;
  if (AnyShape(s, {"A-9999", "A-99999", "AA-9999", "AA-99999"})) return 1;
  if (has_next && tokens[i + 1].kind == Kind::kNumber) {
    if (AnyShape(s, {"A9", "A99", "AA9", "AA99", "A9A", "AA9A"}) && Shaped(next, "9AA")) {
      return 2;  // UK
    }
    if (Shaped(s, "A9A") && Shaped(next, "9A9")) return 2;  // CA
  }
  return 0;
}

}  // namespace privacy::detect
