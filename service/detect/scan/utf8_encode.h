// Writing Unicode code points as UTF-8.
#pragma once

#include <cstdint>
#include <string>

namespace privacy::detect {

// Appends the UTF-8 encoding of `code_point` (at most U+10FFFF) to `out`.
void AppendUtf8(uint32_t code_point, std::string* out);

}  // namespace privacy::detect
