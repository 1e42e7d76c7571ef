// Splitting text into the word and punctuation tokens the entity tagger
// labels, with their byte offsets.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace privacy::detect {

// What a token is made of.
enum class TokenKind : uint8_t {
  kWord,         // letters, maybe with digits, inner hyphens, apostrophes or periods
  kNumber,       // digits only (with inner "." or "-": "1.5", "2024-05")
  kHandle,       // "@name" or "#tag" (not glued to a word before it: "x@host" is no handle)
  kPunctuation,  // one punctuation or symbol character
};

// One token: UTF-8 bytes [start, end) of the text.
struct WordToken {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool line_start = false;  // only spaces lie between it and a line break or the text start
};

// The length of an apostrophe at `pos` (ASCII or U+2019), or 0.
size_t ApostropheAt(std::string_view text, size_t pos);

// The length of the Han character or hiragana at `pos` (each a word of its
// own: Chinese and Japanese put no spaces between words), or 0.
size_t UnspacedCharAt(std::string_view text, size_t pos);

// Splits `text` into tokens, at spaces (ASCII, no-break and the other
// Unicode spaces) and punctuation. Words join letters, digits and combining
// accents across inner hyphens, apostrophes, periods and "&"
// ("Bailey-Ross", "O'Brien", "U.S", "AT&T"); each Han character and
// hiragana is a word of its own (Chinese and Japanese put no spaces between
// words); up to two Korean particles glued to a Hangul word of two
// syllables or more are tokens of their own ("김민수가" is "김민수", "가");
// a possessive "'s" is a token of its own; "@name" and "#tag" are one
// token; every other non-space character is a token. Linear in the size of
// the text; `out` is cleared first.
void TokenizeWords(std::string_view text, std::vector<WordToken>* out);

}  // namespace privacy::detect
