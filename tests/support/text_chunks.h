// Cutting a text into random chunks, the way a model's streamed answer
// arrives. Header-only: the unit tests use it too.
#pragma once

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace privacy::testing {

// `text` in chunks of 1 to 7 bytes, each extended to the end of a character
// it would split: a chunk travels in a string field, so it holds whole UTF-8
// characters.
inline std::vector<std::string> RandomChunks(std::mt19937& rng, const std::string& text) {
  std::vector<std::string> chunks;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = std::min(text.size(), start + 1 + rng() % 7);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    chunks.push_back(text.substr(start, end - start));
    start = end;
  }
  return chunks;
}

}  // namespace privacy::testing
