// Turning literal values into Hyperscan expressions.
#pragma once

#include <string>
#include <string_view>

namespace privacy::detect {

// A Hyperscan expression matching exactly the bytes of `value`: letters and
// digits as themselves, every other byte as a \xHH escape.
std::string LiteralExpression(std::string_view value);

// `value` with ASCII letters lower-cased.
std::string AsciiLower(std::string_view value);

}  // namespace privacy::detect
