// Rewriting text: values replaced by tokens (mask), tokens by values (demask).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detect/detector.h"
#include "vault/session.h"

namespace privacy::endpoints {

// `text` with each finding's span replaced by the token at the same index.
// Findings must be sorted and non-overlapping.
std::string ReplaceFindings(std::string_view text,
                            const std::vector<detect::Finding>& findings,
                            const std::vector<std::string>& tokens);

// `text` with every token of `session` replaced by its value; anything else,
// including token-shaped text the session does not hold, is left as it is.
// `restored` counts the replaced tokens.
std::string RestoreTokens(std::string_view text, const vault::Session& session,
                          size_t* restored);

}  // namespace privacy::endpoints
