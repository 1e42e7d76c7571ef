#include <doctest/doctest.h>

#include "detect/dates/numeric_date.h"
#include "detect/dates/text_date.h"
#include "detect/validators/checksums.h"
#include "detect/validators/crypto_wallet_validators.h"
#include "detect/validators/ethereum_address.h"
#include "detect/validators/financial_validators.h"
#include "detect/validators/national_id_validators.h"
#include "detect/validators/network_validators.h"

using namespace privacy::detect;

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect validators: Luhn and card numbers") {
  CHECK(LuhnValid("4111111111111111"));
  CHECK_FALSE(LuhnValid("4111111111111112"));
  CHECK(IsValidCardNumber("4111 1111 1111 1111"));
  CHECK(IsValidCardNumber("3782-822463-10005"));
  CHECK_FALSE(IsValidCardNumber("4111-1111 1111-1111"));  // mixed separators
  CHECK_FALSE(IsValidCardNumber("9400100000000000000"));  // unknown issuer
  CHECK_FALSE(IsValidCardNumber("4729-0222-7918-0587"));  // Luhn fails
}

TEST_CASE("detect validators: IBAN mod-97 and country length") {
  CHECK(ValidIbanPrefix("DE89 3704 0044 0532 0130 00") == 27);
  CHECK(ValidIbanPrefix("DE89370400440532013000") == 22);
  CHECK(ValidIbanPrefix("GB82WEST12345698765432 and more") == 22);
  CHECK(ValidIbanPrefix("DE89 3704 0044 0532 0130 01") == 0);
  CHECK(ValidIbanPrefix("DE89 37040044 0532 0130 00") == 0);  // broken grouping
  CHECK(ValidIbanPrefix("QQ89370400440532013000") == 0);      // unknown country
  CHECK(FirstIban("12 DE89 3704 0044 0532 0130 00") == "DE89 3704 0044 0532 0130 00");
  CHECK(FirstIban("12 3704 0044 0532 0130 00").empty());
}

TEST_CASE("detect validators: SSN issuing rules") {
  CHECK(IsValidUsSsn("295-78-1200"));
  CHECK_FALSE(IsValidUsSsn("000-12-3456"));
  CHECK_FALSE(IsValidUsSsn("666-45-1234"));
  CHECK_FALSE(IsValidUsSsn("912-45-1234"));
  CHECK_FALSE(IsValidUsSsn("123-00-4567"));
  CHECK_FALSE(IsValidUsSsn("219-09-0000"));
  CHECK_FALSE(IsValidUsSsn("295-78 1200"));
}

TEST_CASE("detect validators: network identifiers") {
  CHECK(IsValidIpv4("10.51.47.104"));
  CHECK_FALSE(IsValidIpv4("256.1.1.1"));
  CHECK_FALSE(IsValidIpv4("01.2.3.4"));
  CHECK(IsValidIpv6("2001:db8::ff00:42:8329"));
  CHECK(IsValidIpv6("fe80::1"));
  CHECK_FALSE(IsValidIpv6("10:30:00"));
  CHECK_FALSE(IsValidIpv6("7E:CB:C8:FE:29:55"));
  CHECK(IsValidMac("7E:CB:C8:FE:29:55"));
  CHECK(IsValidMac("0023.ab45.cd67"));
  CHECK_FALSE(IsValidMac("7E:CB-C8:FE:29:55"));
  CHECK(IsValidEmail("a.b+c@example.co.uk"));
  CHECK_FALSE(IsValidEmail("a..b@example.com"));
  CHECK_FALSE(IsValidEmail("ab@example.c0m"));
  CHECK(UrlLength("https://x.example.com/a?b=1).") == 27);
  CHECK(UrlLength("https://en.wikipedia.org/wiki/Foo_(bar)") == 39);
}

TEST_CASE("detect validators: crypto wallets") {
  CHECK(IsValidBase58CheckAddress("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
  CHECK_FALSE(IsValidBase58CheckAddress("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"));
  CHECK(IsValidBech32Address("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"));
  CHECK_FALSE(IsValidBech32Address("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp"));
  CHECK(IsValidEthereumAddress("0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe"));
  CHECK_FALSE(IsValidEthereumAddress("0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BA"));
}

TEST_CASE("detect validators: dates") {
  CHECK(IsValidNumericDate("2025-02-03"));
  CHECK(IsValidNumericDate("02/19/1973"));
  CHECK(IsValidNumericDate("13.07.2021"));
  CHECK_FALSE(IsValidNumericDate("2025-02-30"));
  CHECK_FALSE(IsValidNumericDate("2.9.10"));
  CHECK_FALSE(IsValidNumericDate("13/13/2020"));
  CHECK_FALSE(IsValidNumericDate("02/03-2025"));
  CHECK(IsValidTextDate("Feb 29, 2024"));
  CHECK_FALSE(IsValidTextDate("Feb 29, 2023"));
  CHECK_FALSE(IsValidTextDate("may 5"));
  CHECK(IsValidTextDate("May 5"));
}

TEST_CASE("detect validators: national identifiers") {
  CHECK(IsValidUkNhs("943 476 5919"));
  CHECK_FALSE(IsValidUkNhs("943 476 5918"));
  CHECK(IsValidCaSin("130 692 544"));
  CHECK_FALSE(IsValidCaSin("046 454 286"));  // first digit 0 is not issued
  CHECK_FALSE(IsValidCaSin("130 692 545"));
  CHECK(IsValidEsNif("12345678Z"));
  CHECK_FALSE(IsValidEsNif("12345678A"));
  CHECK(IsValidEsNie("X1234567L"));
  CHECK(IsValidInAadhaar("2341 2341 2346"));
  CHECK_FALSE(IsValidInAadhaar("2341 2341 2345"));
  CHECK(IsValidUsItin("912-70-1234"));
  CHECK_FALSE(IsValidUsItin("912-40-1234"));
}

TEST_CASE("detect validators: NL BSN 11-test") {
  CHECK(IsValidNlBsn("111222333"));
  CHECK(IsValidNlBsn("6433.04.459"));
  CHECK(IsValidNlBsn("294 039 405"));
  CHECK_FALSE(IsValidNlBsn("111222334"));
  CHECK_FALSE(IsValidNlBsn("294 039-405"));  // mixed separators
  CHECK_FALSE(IsValidNlBsn("000000000"));
}

TEST_CASE("detect validators: DE Steuer-ID check digit and digit repetition") {
  CHECK(IsValidDeTaxId("86095742719"));
  CHECK(IsValidDeTaxId("40 976 228 156"));
  CHECK_FALSE(IsValidDeTaxId("86095742718"));  // check digit
  CHECK_FALSE(IsValidDeTaxId("06095742719"));  // leading zero
  CHECK_FALSE(IsValidDeTaxId("12345678903"));  // no digit repeated
  CHECK_FALSE(IsValidDeTaxId("11145678908"));  // a digit three times in a row
  CHECK_FALSE(IsValidDeTaxId("11223456785"));  // two digits repeated
}

TEST_CASE("detect validators: FR NIR key, Corsica") {
  CHECK(IsValidFrNir("2 55 08 14 168 025 38"));
  CHECK(IsValidFrNir("255081416802538"));
  CHECK(IsValidFrNir("1 97 12 2A 632 044 25"));
  CHECK_FALSE(IsValidFrNir("2 55 08 14 168 025 39"));  // key
  CHECK_FALSE(IsValidFrNir("1 97 12 2B 632 044 25"));  // 2B has another key
  CHECK_FALSE(IsValidFrNir("5 55 08 14 168 025 82"));  // no such sex digit
  CHECK_FALSE(IsValidFrNir("2 55 13 14 168 025 21"));  // month 13
}

TEST_CASE("detect validators: IT codice fiscale check letter") {
  CHECK(IsValidItFiscalCode("RSSMRA85T10A562S"));
  CHECK(IsValidItFiscalCode("rssmra85t10a562s"));
  CHECK(IsValidItFiscalCode("FPMFFE41A56B725C"));
  CHECK(IsValidItFiscalCode("RSSMRA85T10A56NH"));  // homonym variant: N for 2
  CHECK(IsValidItFiscalCode("RSSMRA85T1LAMQNZ"));
  CHECK_FALSE(IsValidItFiscalCode("RSSMRA85T10A562T"));  // check letter
  CHECK_FALSE(IsValidItFiscalCode("RSSMRA85F10A562R"));  // F is no month letter
  CHECK_FALSE(IsValidItFiscalCode("RSSMRA85T35A562G"));  // day 35
}

TEST_CASE("detect validators: BR CPF and CNPJ check digits") {
  CHECK(IsValidBrCpf("529.982.247-25"));
  CHECK(IsValidBrCpf("52998224725"));
  CHECK_FALSE(IsValidBrCpf("529.982.247-24"));
  CHECK_FALSE(IsValidBrCpf("111.111.111-11"));  // passes the digits, all the same
  CHECK(IsValidBrCnpj("11.222.333/0001-81"));
  CHECK(IsValidBrCnpj("11222333000181"));
  CHECK_FALSE(IsValidBrCnpj("11.222.333/0001-82"));
  CHECK_FALSE(IsValidBrCnpj("00000000000000"));
}

TEST_CASE("detect validators: PL PESEL date and check digit") {
  CHECK(IsValidPlPesel("44051401359"));
  CHECK(IsValidPlPesel("02270803624"));  // born in 2002: month + 20
  CHECK_FALSE(IsValidPlPesel("44051401358"));
  CHECK_FALSE(IsValidPlPesel("44053201353"));  // 32 May
  CHECK_FALSE(IsValidPlPesel("44135401356"));
}

TEST_CASE("detect validators: SE personnummer forms, date and Luhn") {
  CHECK(IsValidSePersonnummer("811218-9876"));
  CHECK(IsValidSePersonnummer("19811218-9876"));
  CHECK(IsValidSePersonnummer("8112189876"));
  CHECK(IsValidSePersonnummer("121212+1212"));
  CHECK(IsValidSePersonnummer("811278-9873"));  // samordningsnummer: day + 60
  CHECK_FALSE(IsValidSePersonnummer("811218-9875"));
  CHECK_FALSE(IsValidSePersonnummer("19811218+9876"));  // '+' only in the short form
  CHECK_FALSE(IsValidSePersonnummer("811318-9875"));    // month 13
}

TEST_CASE("detect validators: US ABA routing numbers") {
  CHECK(IsValidUsAbaRouting("021000021"));
  CHECK(IsValidUsAbaRouting("011000015"));
  CHECK_FALSE(IsValidUsAbaRouting("021000022"));
  CHECK_FALSE(IsValidUsAbaRouting("131000021"));  // no Federal Reserve prefix 13
  CHECK_FALSE(IsValidUsAbaRouting("021-000-021"));
}

TEST_SUITE_END();
