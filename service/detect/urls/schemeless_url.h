// Validation of URLs written without a scheme.
#pragma once

#include <string_view>

namespace privacy::detect {

// Returns the URL written without a scheme that `candidate` holds
// ("www.example.org/profile", "example.com/users/42", "münchen.de/karte"):
// leading dots, hyphens and non-letter characters are dropped, then the
// host runs up to the first '/', '?', '#' or ':' and must be two or more
// DNS labels ending in a top-level domain written in lower case; trailing
// punctuation is trimmed as for any URL. Returns an empty view for file
// and product names ("node.js/", "ASP.NET/"), abbreviations ("e.g./") and
// paths (a candidate starting with '/' or whose first segment is no host).
std::string_view SchemelessUrl(std::string_view candidate);

}  // namespace privacy::detect
