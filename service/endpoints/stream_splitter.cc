#include "endpoints/stream_splitter.h"

#include "vault/token_mentions.h"

namespace privacy::endpoints {

namespace {

// Start of the word (run of word bytes) that ends at `end`.
size_t WordStart(std::string_view text, size_t end) {
  size_t start = end;
  while (start > 0 && vault::IsWordByte(text[start - 1])) --start;
  return start;
}

// Where to hold back a text that ends inside a word: at the word, or at the
// bracket opening a mention around it, when the word may still become a
// core. Otherwise the word can never be one; enough of it is held back that
// the next request still sees a word too long to be a core, since a chunk
// starting with a word byte continues it.
size_t HoldBackEndingWord(std::string_view text) {
  size_t start = WordStart(text, text.size());
  if (vault::CouldBeginTokenCore(text.substr(start))) {
    size_t open = vault::OpeningBracketBefore(text, start);
    return open == std::string_view::npos ? start : open;
  }
  constexpr size_t kNeverACore = vault::kMaxTokenCoreLength + 1;
  return text.size() - start > kNeverACore ? text.size() - kNeverACore : start;
}

}  // namespace

size_t ReleasableLength(std::string_view text) {
  const size_t end = text.size();
  if (end == 0) return 0;
  if (vault::IsWordByte(text[end - 1])) return HoldBackEndingWord(text);

  // Up to kMaxBracketPadding trailing spaces may still be followed by a core
  // (after "[") or by the "]" closing a mention.
  size_t spaces = 0;
  while (spaces < end && text[end - spaces - 1] == ' ') {
    if (++spaces > vault::kMaxBracketPadding) return end;
  }
  const size_t before = end - spaces;
  if (before == 0) return end;
  if (text[before - 1] == '[') return before - 1;
  if (vault::IsWordByte(text[before - 1])) {
    size_t start = WordStart(text, before);
    if (vault::IsTokenCore(text.substr(start, before - start))) {
      size_t open = vault::OpeningBracketBefore(text, start);
      if (open != std::string_view::npos) return open;
    }
  }
  return end;
}

}  // namespace privacy::endpoints
