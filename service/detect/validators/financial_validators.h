// Validators for payment identifiers: card numbers and IBANs.
#pragma once

#include <cstddef>
#include <string_view>

namespace privacy::detect {

// A card number: 13-19 digits with one consistent separator (space or
// hyphen) between groups, a known issuer prefix for its length, and a valid
// Luhn check digit.
bool IsValidCardNumber(std::string_view value);

// The card number in `value`, a card cue ("card number:", "Visa") followed
// by digits: the longest run of its digit groups that holds 12-19 digits,
// one consistent separator and a valid Luhn check digit, whatever the
// issuer prefix; empty when there is none.
std::string_view CardNumberAfterCue(std::string_view value);

// Returns the length of the IBAN that `value` starts with (country code,
// check digits and the country's BBAN length, optionally in groups of four
// separated by single spaces) when its mod-97 check holds, else 0.
size_t ValidIbanPrefix(std::string_view value);

// The first IBAN (as ValidIbanPrefix judges it) starting at a country code
// inside `value`, e.g. in "12 DE89 3704 0044 0532 0130 00"; an empty view
// when there is none.
std::string_view FirstIban(std::string_view value);

}  // namespace privacy::detect
