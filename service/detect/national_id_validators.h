// Validators for national identification numbers with issuing rules or
// check digits.
#pragma once

#include <string_view>

namespace privacy::detect {

// US Social Security Number: nine digits, one consistent separator, area not
// 000, 666 or 9xx, group not 00, serial not 0000, not a well-known sample.
bool IsValidUsSsn(std::string_view value);

// US Individual Taxpayer Identification Number: 9xx, group 50-65, 70-88,
// 90-92 or 94-99.
bool IsValidUsItin(std::string_view value);

// UK NHS number: ten digits with a mod-11 check digit.
bool IsValidUkNhs(std::string_view value);

// Canadian Social Insurance Number: nine digits, Luhn valid, not starting
// with 0 or 8.
bool IsValidCaSin(std::string_view value);

// Spanish NIF (DNI): eight digits and the mod-23 control letter.
bool IsValidEsNif(std::string_view value);

// Spanish NIE: X, Y or Z, seven digits and the mod-23 control letter.
bool IsValidEsNie(std::string_view value);

// Indian Aadhaar: twelve digits, first digit 2-9, Verhoeff check digit.
bool IsValidInAadhaar(std::string_view value);

}  // namespace privacy::detect
