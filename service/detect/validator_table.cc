#include "detect/validator_table.h"

#include "detect/crypto_wallet_validators.h"
#include "detect/date_validators.h"
#include "detect/financial_validators.h"
#include "detect/national_id_validators.h"
#include "detect/network_validators.h"

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

struct Entry {
  std::string_view name;
  Validator validator;
};

constexpr Entry kValidators[] = {
    {"email", TrimmedEmail},
    {"url", Prefix<UrlLength>},
    {"ipv4", Whole<IsValidIpv4>},
    {"ipv6", Whole<IsValidIpv6>},
    {"mac", Whole<IsValidMac>},
    {"credit_card", Whole<IsValidCardNumber>},
    {"iban", Prefix<ValidIbanPrefix>},
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
};

}  // namespace

Validator FindValidator(std::string_view name) {
  for (const Entry& e : kValidators) {
    if (e.name == name) return e.validator;
  }
  return nullptr;
}

}  // namespace privacy::detect
