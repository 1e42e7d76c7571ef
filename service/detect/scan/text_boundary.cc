#include "detect/scan/text_boundary.h"

#include <cstdint>

namespace privacy::detect {
namespace {

bool IsAsciiWord(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         c == '_';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool IsLetterCodePoint(uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0x2AF) return cp != 0xD7 && cp != 0xF7;  // to IPA (Azerbaijani ə)
  if (cp >= 0x1E00 && cp <= 0x1EFF) return true;  // Latin Extended Additional (Vietnamese)
  return cp >= 0x370 && cp <= 0x52F;
}

bool IsUpperCodePoint(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x137) return cp % 2 == 0;
  if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
  if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0;
  if (cp >= 0x178 && cp <= 0x17E) return cp == 0x178 || cp % 2 == 1;
  if (cp == 0x18F || cp == 0x1A0 || cp == 0x1AF) return true;  // Ə, Ơ, Ư
  if (cp >= 0x1CD && cp <= 0x1DC) return cp % 2 == 1;
  if ((cp >= 0x1DE && cp <= 0x1EF) || (cp >= 0x1F8 && cp <= 0x233)) return cp % 2 == 0;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return cp % 2 == 0;
  if (cp == 0x386 || (cp >= 0x388 && cp <= 0x38F)) return true;
  if (cp >= 0x391 && cp <= 0x3AB) return cp != 0x3A2;
  return cp >= 0x400 && cp <= 0x42F;
}

uint32_t CodePointAt(std::string_view text, size_t pos, size_t* length) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char c = b(pos);
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (c < 0x80 || len == 1 || pos + len > text.size()) {
    if (length != nullptr) *length = 1;
    return c < 0x80 ? c : 0xFFFD;
  }
  uint32_t cp = c & (0x7F >> len);
  for (size_t i = 1; i < len; ++i) cp = (cp << 6) | (b(pos + i) & 0x3F);
  if (length != nullptr) *length = len;
  return cp;
}

bool WordCharBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  size_t i = pos - 1;
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return IsAsciiWord(c);
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 && pos - i < 4) --i;
  return IsLetterCodePoint(CodePointAt(text, i));
}

bool WordCharAfter(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return IsAsciiWord(c);
  return IsLetterCodePoint(CodePointAt(text, pos));
}

size_t LeadingPunctuationLength(std::string_view text, std::string_view ascii) {
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      if (ascii.find(static_cast<char>(c)) == std::string_view::npos) break;
      ++pos;
    } else if (!WordCharAfter(text, pos)) {
      size_t length = 1;
      CodePointAt(text, pos, &length);
      pos += length;
    } else {
      break;
    }
  }
  return pos;
}

bool ContinuesNumber(std::string_view text, size_t start, size_t end,
                     std::string_view separators) {
  if (separators.empty()) return false;
  if (start >= 2 && separators.find(text[start - 1]) != std::string_view::npos &&
      IsDigit(text[start - 2])) {
    return true;
  }
  return end + 1 < text.size() && separators.find(text[end]) != std::string_view::npos &&
         IsDigit(text[end + 1]);
}

}  // namespace privacy::detect
