// Rewriting text for mask: values replaced by tokens. (Tokens are put back
// by token_restorer.h.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detect/detector.h"

namespace privacy::endpoints {

// `text` with each finding's span replaced by the token at the same index.
// Findings must be sorted and non-overlapping.
std::string ReplaceFindings(std::string_view text,
                            const std::vector<detect::Finding>& findings,
                            const std::vector<std::string>& tokens);

}  // namespace privacy::endpoints
