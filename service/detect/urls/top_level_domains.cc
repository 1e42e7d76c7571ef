#include "detect/urls/top_level_domains.h"

#include <algorithm>

namespace privacy::detect {
namespace {

// Sorted; generated at configure time from data/tlds.txt (MPL-2.0, see
// data/SOURCES.md).
constexpr std::string_view kTopLevelDomains[] = {
#include "detect/top_level_domains.inc"
};

}  // namespace

bool IsTopLevelDomain(std::string_view label) {
  return std::binary_search(std::begin(kTopLevelDomains), std::end(kTopLevelDomains), label);
}

}  // namespace privacy::detect
