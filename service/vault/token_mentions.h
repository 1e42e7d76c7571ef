// Finding tokens in text written by a model, which may have mangled them:
// "[PERSON_7f3a]" may come back as "[person_7f3a]", "PERSON_7F3A",
// "[ PERSON_7f3a ]". A mention is found around a core "PREFIX_hex"
// (letters or digits, '_', 4-8 hex digits, any case) that is a whole word:
// no ASCII letter, digit or '_' right before or after it. Square brackets
// with up to kMaxBracketPadding spaces inside belong to the mention only
// when both are there.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vault/token_format.h"

namespace privacy::vault {

// Spaces allowed between a bracket and the core: "[  PERSON_7f3a  ]".
constexpr size_t kMaxBracketPadding = 2;
// Longest core: 16 prefix characters, '_', 8 hex digits.
constexpr size_t kMaxTokenCoreLength = kMaxTokenPrefixLength + 1 + kMaxTokenSuffixLength;
// Longest mention: "[" + padding + core + padding + "]".
constexpr size_t kMaxMentionLength =
    1 + kMaxBracketPadding + kMaxTokenCoreLength + kMaxBracketPadding + 1;

// A token found in text, possibly mangled.
struct TokenMention {
  size_t start = 0;  // byte offsets of the mention, end exclusive
  size_t end = 0;
  // The token it names in canonical form, e.g. "[PERSON_7f3a]".
  std::string token;
  // True when the text is exactly the canonical token.
  bool exact = false;
};

// Every token mention in `text`, left to right, not overlapping. The end of
// `text` counts as the end of the text.
std::vector<TokenMention> FindTokenMentions(std::string_view text);

// ASCII letters, digits and '_': the bytes a core must not touch.
bool IsWordByte(char c);

// True when `word` is a core: "PREFIX_hex" as described above.
bool IsTokenCore(std::string_view word);

// True when `word` is a core or the beginning of one.
bool CouldBeginTokenCore(std::string_view word);

// Position of the '[' that opens a bracketed mention around the core starting
// at `core_start` (up to kMaxBracketPadding spaces in between), or npos.
size_t OpeningBracketBefore(std::string_view text, size_t core_start);

}  // namespace privacy::vault
