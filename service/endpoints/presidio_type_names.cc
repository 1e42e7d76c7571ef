#include "endpoints/presidio_type_names.h"

#include <array>

namespace privacy::endpoints {

namespace {

constexpr std::array<PresidioAlias, 6> kAliases = {{
    {"EMAIL_ADDRESS", "EMAIL"},
    {"PHONE_NUMBER", "PHONE"},
    {"DATE_TIME", "DATE"},
    {"IBAN_CODE", "IBAN"},
    {"CRYPTO", "CRYPTO_WALLET"},
    {"ABA_ROUTING_NUMBER", "US_ABA_ROUTING"},
}};

}  // namespace

std::span<const PresidioAlias> PresidioAliases() { return kAliases; }

std::string_view OwnTypeName(std::string_view type) {
  for (const PresidioAlias& alias : kAliases) {
    if (alias.presidio == type) return alias.ours;
  }
  return type;
}

}  // namespace privacy::endpoints
