#include "detect/address/address_tokens.h"

#include "detect/scan/text_boundary.h"

namespace privacy::detect {
namespace {

using Kind = AddressToken::Kind;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// The letter (or "º", "°" of "nº") starting at `pos`: its length in bytes,
// 0 when there is none, and whether it is upper case.
size_t LetterAt(std::string_view text, size_t pos, bool* upper) {
  const char c = text[pos];
  if (IsAsciiLetter(c)) {
    *upper = IsAsciiUpper(c);
    return 1;
  }
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  size_t length = 0;
  const uint32_t cp = CodePointAt(text, pos, &length);
  *upper = IsUpperCodePoint(cp);
  return IsLetterCodePoint(cp) || cp == 0xBA || cp == 0xB0 ? length : 0;
}

}  // namespace

std::vector<AddressToken> TokenizeAddressText(std::string_view text, size_t from, size_t to) {
  std::vector<AddressToken> tokens;
  size_t pos = from;
  auto alnum_at = [&](size_t p) {
    bool upper = false;
    return p < to && (IsAsciiDigit(text[p]) || LetterAt(text, p, &upper) > 0);
  };
  while (pos < to) {
    const char c = text[pos];
    AddressToken t;
    t.start = static_cast<uint32_t>(pos);
    bool upper = false;
    const size_t letter = LetterAt(text, pos, &upper);
    if (c == ' ' || c == '\t' || c == '\r') {
      ++pos;
      continue;
    }
    if (c == '\n') {
      size_t breaks = 0;
      while (pos < to &&
             (text[pos] == '\n' || text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r')) {
        breaks += text[pos] == '\n' ? 1 : 0;
        ++pos;
      }
      t.kind = breaks > 1 ? Kind::kBlank : Kind::kNewline;
      t.end = static_cast<uint32_t>(pos);
      tokens.push_back(t);
      continue;
    }
    if (IsAsciiDigit(c) || letter > 0) {
      t.kind = letter > 0 ? Kind::kWord : Kind::kNumber;
      t.capital = letter > 0 && upper;
      bool all_caps = letter > 0;
      // Letters and digits, joined by '-', '/' or an apostrophe when an
      // alphanumeric follows ("Saint-Denis", "12-14", "c/o", "D'Annunzio").
      while (pos < to) {
        bool u = false;
        const size_t l = LetterAt(text, pos, &u);
        if (l > 0) {
          all_caps = all_caps && u;
          pos += l;
        } else if (IsAsciiDigit(text[pos])) {
          ++pos;
        } else if ((text[pos] == '-' || text[pos] == '/' || text[pos] == '\'') &&
                   alnum_at(pos + 1)) {
          ++pos;
        } else {
          break;
        }
      }
      t.all_caps = all_caps;
      t.end = static_cast<uint32_t>(pos);
      if (pos < to && text[pos] == '.') {
        t.dot = true;
        ++pos;
      }
      tokens.push_back(t);
      continue;
    }
    // A whole multi-byte character is one token; a dash between spaces
    // separates parts of an address like a comma ("1000 - Bela Vista").
    size_t length = 1;
    uint32_t cp = static_cast<unsigned char>(c);
    if (cp >= 0x80) cp = CodePointAt(text, pos, &length);
    const bool dash = cp == '-' || cp == 0x2013 || cp == 0x2014;
    t.kind = c == ',' || dash ? Kind::kComma : c == '#' ? Kind::kHash : Kind::kStop;
    pos += length;
    t.end = static_cast<uint32_t>(pos);
    tokens.push_back(t);
  }
  return tokens;
}

}  // namespace privacy::detect
