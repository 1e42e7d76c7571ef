// The shape of tokens: "[PREFIX_suffix]" with a short type prefix and a
// random lowercase hex suffix, e.g. "[PERSON_7f3a]". Tokens are found in
// text by token_mentions.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace privacy::vault {

// Prefixes have 1 to 16 characters, suffixes 4 to 8 hex digits.
constexpr size_t kMaxTokenPrefixLength = 16;
constexpr size_t kMinTokenSuffixLength = 4;
constexpr size_t kMaxTokenSuffixLength = 8;

// Short token prefix for an entity type: CREDIT_CARD -> CARD,
// LOCATION -> LOC, ...; other types keep their letters and digits.
std::string TokenPrefixFor(std::string_view entity_type);

// True for names of entity types: [A-Z0-9_]{1,32}.
bool IsEntityTypeName(std::string_view type);

// "[prefix_suffix]".
std::string FormatToken(std::string_view prefix, std::string_view suffix);

}  // namespace privacy::vault
