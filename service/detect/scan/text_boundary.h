// Token boundary tests on UTF-8 text, used to reject matches inside longer tokens.
#pragma once

#include <cstdint>
#include <string_view>

namespace privacy::detect {

// The code point starting at byte `pos` (a lead byte) and its length in
// bytes; U+FFFD with length 1 for a stray or truncated sequence.
uint32_t CodePointAt(std::string_view text, size_t pos, size_t* length = nullptr);

// True for letters of the Latin (with IPA and Latin Extended Additional),
// Greek and Cyrillic blocks above ASCII;
// other scripts (CJK, ...) are written without spaces and so do not extend
// a token.
bool IsLetterCodePoint(uint32_t cp);

// True when the code point is an upper-case letter (ASCII, Latin-1,
// Latin Extended-A, -B and Additional, Greek or Cyrillic).
bool IsUpperCodePoint(uint32_t cp);

// True when the code point ending just before byte `pos` is a letter, digit
// or underscore (ASCII, Latin, Greek or Cyrillic letters count as letters).
bool WordCharBefore(std::string_view text, size_t pos);

// True when the code point starting at byte `pos` is a word character, as above.
bool WordCharAfter(std::string_view text, size_t pos);

// The length of the prefix of `text` made of the ASCII characters in
// `ascii` and of non-ASCII characters that are not letters (quotes,
// dashes, CJK punctuation): what a token found by widening must not start
// with.
size_t LeadingPunctuationLength(std::string_view text, std::string_view ascii);

// True when [start, end) is glued to a neighbouring run of digits through
// one of `separators` (e.g. "1234 5678" followed by " 90"): the span is
// then only part of a longer number.
bool ContinuesNumber(std::string_view text, size_t start, size_t end,
                     std::string_view separators);

}  // namespace privacy::detect
