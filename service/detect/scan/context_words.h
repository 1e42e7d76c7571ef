// Detection of context words near a candidate span.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace privacy::detect {

// Bytes scanned before and after a span when looking for context words.
inline constexpr size_t kContextBefore = 48;
inline constexpr size_t kContextAfter = 24;

// A set of lower-case context words prepared for fast lookup. Immutable and
// safe for concurrent use.
class ContextWordSet {
 public:
  ContextWordSet() = default;
  explicit ContextWordSet(std::vector<std::string> words);

  bool empty() const { return words_.empty(); }

  // True when one of the words starts a word at byte `pos` of `text`
  // (ASCII case ignored).
  bool StartsAt(std::string_view text, size_t pos) const;

 private:
  std::vector<std::string> words_;  // ordered by first byte
  // The words starting with byte b are words_[first_[b], first_[b + 1]).
  std::array<uint16_t, 257> first_{};
};

// True when one of `words` starts a word within the context window around
// [start, end).
bool HasContextWord(std::string_view text, size_t start, size_t end,
                    const ContextWordSet& words);

}  // namespace privacy::detect
