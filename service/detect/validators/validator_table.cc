#include "detect/validators/validator_table.h"

#include "detect/dates/numeric_date.h"
#include "detect/dates/text_date.h"
#include "detect/urls/schemeless_url.h"
#include "detect/validators/checksums.h"
#include "detect/validators/crypto_wallet_validators.h"
#include "detect/validators/ethereum_address.h"
#include "detect/validators/financial_validators.h"
#include "detect/validators/national_id_validators.h"
#include "detect/validators/network_validators.h"

namespace privacy::detect {
namespace {

// Adapts a yes/no check into a Validator accepting the whole candidate.
template <bool (*Check)(std::string_view)>
std::string_view Whole(std::string_view candidate) {
  return Check(candidate) ? candidate : std::string_view();
}

// Adapts a prefix-length check into a Validator.
template <size_t (*Length)(std::string_view)>
std::string_view Prefix(std::string_view candidate) {
  return candidate.substr(0, Length(candidate));
}

// Generic check-digit validators for custom recognizers: they judge the
// digits (or, for mod97, the letters and digits) of the candidate.
bool LuhnOfDigits(std::string_view candidate) {
  const std::string digits = DigitsOf(candidate);
  return digits.size() >= 2 && LuhnValid(digits);
}

bool VerhoeffOfDigits(std::string_view candidate) {
  const std::string digits = DigitsOf(candidate);
  return digits.size() >= 2 && VerhoeffValid(digits);
}

bool Mod97OfAlphanumerics(std::string_view candidate) {
  std::string alnum;
  for (char c : candidate) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) alnum += c;
  }
  return alnum.size() >= 3 && Mod97(alnum) == 1;
}

struct Entry {
  std::string_view name;
  Validator validator;
};

constexpr Entry kValidators[] = {
    {"email", TrimmedEmail},
    {"url", Prefix<UrlLength>},
    {"schemeless_url", SchemelessUrl},
    {"ipv4", Whole<IsValidIpv4>},
    {"ipv6", Whole<IsValidIpv6>},
    {"mac", Whole<IsValidMac>},
    {"credit_card", Whole<IsValidCardNumber>},
    {"card_after_cue", CardNumberAfterCue},
    {"iban", FirstIban},
    {"base58check", Whole<IsValidBase58CheckAddress>},
    {"bech32", Whole<IsValidBech32Address>},
    {"ethereum", Whole<IsValidEthereumAddress>},
    {"numeric_date", Whole<IsValidNumericDate>},
    {"text_date", Whole<IsValidTextDate>},
    {"us_ssn", Whole<IsValidUsSsn>},
    {"us_itin", Whole<IsValidUsItin>},
    {"uk_nhs", Whole<IsValidUkNhs>},
    {"ca_sin", Whole<IsValidCaSin>},
    {"es_nif", Whole<IsValidEsNif>},
    {"es_nie", Whole<IsValidEsNie>},
    {"in_aadhaar", Whole<IsValidInAadhaar>},
    {"nl_bsn", Whole<IsValidNlBsn>},
    {"de_tax_id", Whole<IsValidDeTaxId>},
    {"fr_nir", Whole<IsValidFrNir>},
    {"it_fiscal_code", Whole<IsValidItFiscalCode>},
    {"br_cpf", Whole<IsValidBrCpf>},
    {"br_cnpj", Whole<IsValidBrCnpj>},
    {"pl_pesel", Whole<IsValidPlPesel>},
    {"se_personnummer", Whole<IsValidSePersonnummer>},
    {"us_aba_routing", Whole<IsValidUsAbaRouting>},
    {"luhn", Whole<LuhnOfDigits>},
    {"verhoeff", Whole<VerhoeffOfDigits>},
    {"mod97", Whole<Mod97OfAlphanumerics>},
};

}  // namespace

std::vector<std::string_view> ValidatorNames() {
  std::vector<std::string_view> names;
  for (const Entry& e : kValidators) names.push_back(e.name);
  return names;
}

Validator FindValidator(std::string_view name) {
  for (const Entry& e : kValidators) {
    if (e.name == name) return e.validator;
  }
  return nullptr;
}

}  // namespace privacy::detect
