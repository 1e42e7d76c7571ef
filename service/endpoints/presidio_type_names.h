// Microsoft Presidio's entity type names, accepted in requests as aliases of
// ours, so callers coming from Presidio keep the names they already send.
#pragma once

#include <span>
#include <string_view>

namespace privacy::endpoints {

// A Presidio entity name and the name of ours it stands for.
struct PresidioAlias {
  std::string_view presidio;
  std::string_view ours;
};

// Every Presidio name whose spelling differs from ours. Presidio names we
// spell the same (PERSON, LOCATION, ORGANIZATION, URL, CREDIT_CARD,
// IP_ADDRESS, US_SSN, US_ITIN, UK_NHS, ES_NIF, ES_NIE, IN_AADHAAR,
// IT_FISCAL_CODE, PL_PESEL) need no alias.
std::span<const PresidioAlias> PresidioAliases();

// Our name for `type`: the name it is an alias of, else `type` itself.
// Thread-safe (a constant table).
std::string_view OwnTypeName(std::string_view type);

}  // namespace privacy::endpoints
