#include "detect/context_words.h"

#include <algorithm>

#include "detect/text_boundary.h"

namespace privacy::detect {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool WindowHasWord(std::string_view text, size_t from, size_t to, const ContextWordSet& words) {
  for (size_t pos = from; pos < to; ++pos) {
    if (words.StartsAt(text, pos)) return true;
  }
  return false;
}

}  // namespace

ContextWordSet::ContextWordSet(std::vector<std::string> words) : words_(std::move(words)) {
  std::erase_if(words_, [](const std::string& w) { return w.empty(); });
  for (const std::string& w : words_) {
    first_bytes_.set(static_cast<unsigned char>(w[0]));
    first_bytes_.set(static_cast<unsigned char>(Upper(w[0])));
  }
}

bool ContextWordSet::StartsAt(std::string_view text, size_t pos) const {
  if (!first_bytes_.test(static_cast<unsigned char>(text[pos]))) return false;
  if (WordCharBefore(text, pos)) return false;
  for (const std::string& w : words_) {
    if (pos + w.size() > text.size() || Lower(text[pos]) != w[0]) continue;
    bool same = true;
    for (size_t i = 1; same && i < w.size(); ++i) same = Lower(text[pos + i]) == w[i];
    if (same) return true;
  }
  return false;
}

bool HasContextWord(std::string_view text, size_t start, size_t end,
                    const ContextWordSet& words) {
  if (words.empty()) return false;
  const size_t before = start > kContextBefore ? start - kContextBefore : 0;
  const size_t after = std::min(text.size(), end + kContextAfter);
  return WindowHasWord(text, before, start, words) || WindowHasWord(text, end, after, words);
}

}  // namespace privacy::detect
