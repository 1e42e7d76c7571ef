// The top-level domains of the public DNS.
#pragma once

#include <string_view>

namespace privacy::detect {

// True when `label` (lower-case ASCII, without dots) is a top-level domain
// of the ICANN section of the Public Suffix List (data/tlds.txt), e.g.
// "com", "de", "museum"; false for "js", "txt", "cpp". Internationalized
// top-level domains (written in their own script) are not in the list.
bool IsTopLevelDomain(std::string_view label);

}  // namespace privacy::detect
