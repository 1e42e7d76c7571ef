// The shape of tokens: "[PREFIX_suffix]" with a short type prefix and a
// random lowercase hex suffix, e.g. "[PERSON_7f3a]".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace privacy::vault {

// Short token prefix for an entity type: CREDIT_CARD -> CARD,
// LOCATION -> LOC, ...; other types keep their letters and digits.
std::string TokenPrefixFor(std::string_view entity_type);

// True for names of entity types: [A-Z0-9_]{1,32}.
bool IsEntityTypeName(std::string_view type);

// "[prefix_suffix]".
std::string FormatToken(std::string_view prefix, std::string_view suffix);

// A span of text that has the shape of a token.
struct TokenSpan {
  size_t start = 0;
  size_t end = 0;
};

// Every substring of `text` shaped like a token, left to right.
std::vector<TokenSpan> FindTokenShapes(std::string_view text);

// Longest possible token, in bytes (for limits and streaming).
constexpr size_t kMaxTokenLength = 1 + 16 + 1 + 8 + 1;

}  // namespace privacy::vault
