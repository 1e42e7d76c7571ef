#include "detect/scan/context_words.h"

#include <algorithm>

#include "detect/scan/text_boundary.h"

namespace privacy::detect {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool WindowHasWord(std::string_view text, size_t from, size_t to, const ContextWordSet& words) {
  for (size_t pos = from; pos < to; ++pos) {
    if (words.StartsAt(text, pos)) return true;
  }
  return false;
}

}  // namespace

ContextWordSet::ContextWordSet(std::vector<std::string> words) : words_(std::move(words)) {
  std::erase_if(words_, [](const std::string& w) { return w.empty(); });
  const auto first_byte = [](const std::string& w) { return static_cast<unsigned char>(w[0]); };
  std::stable_sort(words_.begin(), words_.end(), [&](const std::string& a, const std::string& b) {
    return first_byte(a) < first_byte(b);
  });
  for (const std::string& w : words_) ++first_[first_byte(w) + 1];
  for (size_t b = 1; b < first_.size(); ++b) first_[b] += first_[b - 1];
}

bool ContextWordSet::StartsAt(std::string_view text, size_t pos) const {
  const unsigned char first = static_cast<unsigned char>(Lower(text[pos]));
  if (first_[first] == first_[first + 1] || WordCharBefore(text, pos)) return false;
  for (size_t i = first_[first]; i < first_[first + 1]; ++i) {
    const std::string& w = words_[i];
    if (pos + w.size() > text.size()) continue;
    bool same = true;
    for (size_t k = 1; same && k < w.size(); ++k) same = Lower(text[pos + k]) == w[k];
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
