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

// Dutch BSN (burgerservicenummer): nine digits passing the 11-test.
bool IsValidNlBsn(std::string_view value);

// German Steuer-ID: eleven digits, no leading 0, exactly one digit repeated
// (twice, or three times but not all three adjacent) among the first ten,
// ISO 7064 MOD 11,10 check digit.
bool IsValidDeTaxId(std::string_view value);

// French NIR (numéro de sécurité sociale): sex, year, month, department
// (2A/2B for Corsica), commune, order number and the key
// 97 - (number mod 97); spaces between the groups.
bool IsValidFrNir(std::string_view value);

// Italian codice fiscale: sixteen characters (letters replacing digits in
// homonym variants) with a month letter, a day of 1-31 or 41-71, and the
// check letter from the odd/even tables.
bool IsValidItFiscalCode(std::string_view value);

// Brazilian CPF: eleven digits with two mod-11 check digits, not all the same.
bool IsValidBrCpf(std::string_view value);

// Brazilian CNPJ: fourteen digits with two mod-11 check digits, not all the
// same.
bool IsValidBrCnpj(std::string_view value);

// Polish PESEL: eleven digits, an existing birth date (month offset by
// century), weights 1-3-7-9 check digit.
bool IsValidPlPesel(std::string_view value);

// Swedish personnummer or samordningsnummer: YYMMDD or YYYYMMDD, an
// optional '-' ('+' past 100 years, ten-digit form only) or space, four
// digits; an existing date (day + 60 for samordningsnummer) and Luhn over
// the last ten digits.
bool IsValidSePersonnummer(std::string_view value);

// US ABA routing transit number: nine digits, a Federal Reserve prefix
// (00-12, 21-32, 61-72, 80) and weights 3-7-1 summing to a multiple of 10.
bool IsValidUsAbaRouting(std::string_view value);

}  // namespace privacy::detect
