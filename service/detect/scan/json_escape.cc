#include "detect/scan/json_escape.h"

#include <cstdint>

#include "detect/scan/utf8_encode.h"

namespace privacy::detect {

namespace {

// The four hex digits at text[*pos], or false.
bool ReadHex4(std::string_view text, size_t* pos, uint32_t* value) {
  if (*pos + 4 > text.size()) return false;
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = text[(*pos)++];
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= static_cast<uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      v |= static_cast<uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      v |= static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
  }
  *value = v;
  return true;
}

}  // namespace

const char* DecodeJsonEscape(std::string_view text, size_t* pos, std::string* out) {
  if (*pos >= text.size()) return "unterminated escape";
  const char c = text[(*pos)++];
  switch (c) {
    case '"': case '\\': case '/': out->push_back(c); return nullptr;
    case 'b': out->push_back('\b'); return nullptr;
    case 'f': out->push_back('\f'); return nullptr;
    case 'n': out->push_back('\n'); return nullptr;
    case 'r': out->push_back('\r'); return nullptr;
    case 't': out->push_back('\t'); return nullptr;
    case 'u': break;
    default: return "bad escape";
  }
  uint32_t cp = 0;
  if (*pos + 4 > text.size()) return "short \\u escape";
  if (!ReadHex4(text, pos, &cp)) return "bad \\u escape";
  if (cp >= 0xDC00 && cp <= 0xDFFF) return "lone surrogate";
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    if (*pos + 2 > text.size() || text[*pos] != '\\' || text[*pos + 1] != 'u') {
      return "lone surrogate";
    }
    *pos += 2;
    uint32_t low = 0;
    if (!ReadHex4(text, pos, &low) || low < 0xDC00 || low > 0xDFFF) return "bad surrogate pair";
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  AppendUtf8(cp, out);
  return nullptr;
}

}  // namespace privacy::detect
