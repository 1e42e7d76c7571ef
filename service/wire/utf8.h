// UTF-8 decoding and validation for text at the service edge.
#pragma once

#include <cstdint>
#include <string_view>

namespace privacy::wire {

// Decodes the well-formed UTF-8 sequence of two to four bytes starting at
// `p` (before `end`) into `*code`; returns its length, or 0 when it is not
// one (an ASCII byte, an overlong form, a surrogate, above U+10FFFF, cut
// short).
int DecodeUtf8(const unsigned char* p, const unsigned char* end, uint32_t* code);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, no
// code points above U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace privacy::wire
