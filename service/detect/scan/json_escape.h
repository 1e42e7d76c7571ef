// Reading the escapes of JSON strings (RFC 8259).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace privacy::detect {

// Decodes the escape whose backslash is at text[*pos - 1] (so `*pos` is just
// after it), appends the character as UTF-8 to `out` and moves `*pos` past
// the escape. Only the standard escapes; \u surrogates only in pairs.
// Returns nullptr, or on a bad escape why (no text of the input in it).
const char* DecodeJsonEscape(std::string_view text, size_t* pos, std::string* out);

}  // namespace privacy::detect
