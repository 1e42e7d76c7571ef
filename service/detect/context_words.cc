#include "detect/context_words.h"

#include <algorithm>

#include "detect/text_boundary.h"

namespace privacy::detect {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWordAt(std::string_view text, size_t pos, std::string_view word) {
  if (pos + word.size() > text.size()) return false;
  if (WordCharBefore(text, pos)) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(text[pos + i]) != word[i]) return false;
  }
  return true;
}

bool WindowHasWord(std::string_view text, size_t from, size_t to,
                   const std::vector<std::string>& words) {
  for (size_t pos = from; pos < to; ++pos) {
    for (const std::string& w : words) {
      if (!w.empty() && Lower(text[pos]) == w[0] && StartsWordAt(text, pos, w)) return true;
    }
  }
  return false;
}

}  // namespace

bool HasContextWord(std::string_view text, size_t start, size_t end,
                    const std::vector<std::string>& words) {
  if (words.empty()) return false;
  size_t before = start > kContextBefore ? start - kContextBefore : 0;
  size_t after = std::min(text.size(), end + kContextAfter);
  return WindowHasWord(text, before, start, words) || WindowHasWord(text, end, after, words);
}

}  // namespace privacy::detect
