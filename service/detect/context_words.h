// Detection of context words near a candidate span.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace privacy::detect {

// Bytes scanned before and after a span when looking for context words.
inline constexpr size_t kContextBefore = 48;
inline constexpr size_t kContextAfter = 24;

// True when one of `words` (lower-case ASCII) starts a word within the
// context window around [start, end). Comparison ignores ASCII case.
bool HasContextWord(std::string_view text, size_t start, size_t end,
                    const std::vector<std::string>& words);

}  // namespace privacy::detect
