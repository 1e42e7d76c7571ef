// The distinct words of one text: what a word is needs working out once per
// text, however often it occurs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "detect/tagger/word_tokens.h"

namespace privacy::detect {

// Numbers the distinct words of a text (by their bytes and kind) in the
// order they are met. Lives as long as one pass over the text's tokens.
class WordMemo {
 public:
  WordMemo(std::string_view text, const std::vector<WordToken>& tokens)
      : text_(text), tokens_(tokens) {}

  // The index of token `i`'s word among the words met so far; their count,
  // then remembered, when it is new.
  uint32_t IndexOf(size_t i);

 private:
  // A word of an open-addressing table kept at most half full: the hash of
  // its bytes and kind (0 marks an empty entry), its first 8 bytes, its size
  // and its kind, which tell most words apart without reading the text, and
  // the first token with it.
  struct Entry {
    uint64_t key = 0;
    uint64_t head = 0;
    uint32_t token = 0;
    uint32_t word = 0;
    uint32_t size = 0;
    TokenKind kind = TokenKind::kWord;
  };

  // Up to 8 bytes of `word` from `at`, as they lie in memory, zero-padded:
  // one load when the text goes on for 8 bytes.
  uint64_t Chunk(std::string_view word, size_t at) const;

  std::string_view WordOf(const WordToken& token) const {
    return text_.substr(token.start, token.end - token.start);
  }

  size_t IndexOfEmpty(uint64_t key) const;
  void Grow();

  std::string_view text_;
  const std::vector<WordToken>& tokens_;
  std::vector<Entry> table_ = std::vector<Entry>(128);
  size_t used_ = 0;
};

}  // namespace privacy::detect
