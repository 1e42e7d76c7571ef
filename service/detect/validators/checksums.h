// Check-digit algorithms used by the validators.
#pragma once

#include <string>
#include <string_view>

namespace privacy::detect {

// The ASCII digits of `value`, in order, other characters dropped.
std::string DigitsOf(std::string_view value);

// Luhn (mod 10) check over a string of ASCII digits.
bool LuhnValid(std::string_view digits);

// ISO 7064 mod 97-10 over letters and digits (letters count as 10..35), as
// used by IBAN after moving the first four characters to the end.
int Mod97(std::string_view alphanumerics);

// Verhoeff check over a string of ASCII digits (Aadhaar).
bool VerhoeffValid(std::string_view digits);

}  // namespace privacy::detect
