// Postcodes in the national formats the ADDRESS recognizer knows.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "detect/address/address_tokens.h"

namespace privacy::detect {

// The number of tokens forming a postcode at `tokens[i]`, 0 when none:
// 4 to 6 digits (most of Europe, US ZIP, Australia, India), "12345-6789"
// (US), "00-950" (PL), "1000-001" (PT), "01310-100" (BR), "123 45" (SE),
// "560 001" (IN), "1012 AB" (NL), "SW1A 1AA" (UK), "K1A 0B1" (CA) and
// country-prefixed "D-10115", "CH-8001".
size_t PostcodeLength(std::string_view text, std::span<const AddressToken> tokens, size_t i);

// True when a 4-digit token reads as a year (1800-2099): such a postcode
// needs more evidence than its shape.
bool LooksLikeYear(std::string_view token);

}  // namespace privacy::detect
