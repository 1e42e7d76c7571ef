// Writing JSON string literals (quotes and escapes) for hand-built JSON.
#pragma once

#include <string>
#include <string_view>

namespace privacy {

// Appends `s` to `out` as a quoted, escaped JSON string.
void AppendJsonString(std::string* out, std::string_view s);

// Appends `s` to `out` escaped for the inside of a JSON string, no quotes.
void AppendJsonEscaped(std::string* out, std::string_view s);

}  // namespace privacy
