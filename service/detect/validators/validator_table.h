// The named validators that pattern recognizers refer to.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace privacy::detect {

// Checks a candidate and returns the valid part of it: the whole candidate
// for most validators, a trimmed sub-view for URLs, IBANs and e-mail
// addresses, or an empty view to reject it.
using Validator = std::string_view (*)(std::string_view candidate);

// The validator registered under `name`, or nullptr when there is none.
Validator FindValidator(std::string_view name);

// The names of every registered validator, in table order.
std::vector<std::string_view> ValidatorNames();

}  // namespace privacy::detect
