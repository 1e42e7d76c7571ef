#include "detect/tagger/word_memo.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "detect/hash_mix.h"

namespace privacy::detect {

uint32_t WordMemo::IndexOf(size_t i) {
  const WordToken& token = tokens_[i];
  const std::string_view word = WordOf(token);
  const uint64_t head = Chunk(word, 0);
  const auto size = static_cast<uint32_t>(word.size());
  uint64_t hash = Mix64(head ^ (uint64_t{size} << 3 | static_cast<uint64_t>(token.kind)));
  for (size_t at = 8; at < word.size(); at += 8) hash = Mix64(hash ^ Chunk(word, at));
  const uint64_t key = hash == 0 ? 1 : hash;
  const size_t mask = table_.size() - 1;
  for (size_t slot = key & mask;; slot = (slot + 1) & mask) {
    const Entry& entry = table_[slot];
    if (entry.key == 0) break;
    if (entry.key == key && entry.head == head && entry.size == size &&
        entry.kind == token.kind &&
        (size <= 8 || WordOf(tokens_[entry.token]).substr(8) == word.substr(8))) {
      return entry.word;
    }
  }
  if (2 * (used_ + 1) > table_.size()) Grow();
  table_[IndexOfEmpty(key)] = {key, head, static_cast<uint32_t>(i), static_cast<uint32_t>(used_),
                               size, token.kind};
  return static_cast<uint32_t>(used_++);
}

uint64_t WordMemo::Chunk(std::string_view word, size_t at) const {
  const size_t size = std::min<size_t>(8, word.size() - at);
  const char* bytes = word.data() + at;
  uint64_t chunk = 0;
  if (size == 0) return chunk;
  if (static_cast<size_t>(bytes - text_.data()) + 8 > text_.size()) {
    char padded[8] = {};
    std::memcpy(padded, bytes, size);
    std::memcpy(&chunk, padded, 8);
    return chunk;
  }
  std::memcpy(&chunk, bytes, 8);
  if (size == 8) return chunk;
  const size_t bits = 8 * size;
  return std::endian::native == std::endian::little ? chunk & ((uint64_t{1} << bits) - 1)
                                                    : chunk & ~(~uint64_t{0} >> bits);
}

size_t WordMemo::IndexOfEmpty(uint64_t key) const {
  const size_t mask = table_.size() - 1;
  size_t slot = key & mask;
  while (table_[slot].key != 0) slot = (slot + 1) & mask;
  return slot;
}

void WordMemo::Grow() {
  std::vector<Entry> old(2 * table_.size());
  old.swap(table_);
  for (const Entry& entry : old) {
    if (entry.key != 0) table_[IndexOfEmpty(entry.key)] = entry;
  }
}

}  // namespace privacy::detect
