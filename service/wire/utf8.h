// UTF-8 validation for text at the service edge.
#pragma once

#include <string_view>

namespace privacy::wire {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, no
// code points above U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace privacy::wire
