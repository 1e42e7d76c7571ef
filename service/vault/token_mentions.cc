#include "vault/token_mentions.h"

#include "vault/token_format.h"

namespace privacy::vault {

namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool AllOf(std::string_view s, bool (*pred)(char)) {
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}
char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Position just past the ']' that closes a bracketed mention around the core
// ending at `core_end`, or npos.
size_t ClosingBracketAfter(std::string_view text, size_t core_end) {
  size_t spaces = 0;
  while (core_end + spaces < text.size() && text[core_end + spaces] == ' ') {
    if (++spaces > kMaxBracketPadding) return std::string_view::npos;
  }
  size_t after = core_end + spaces;
  return (after < text.size() && text[after] == ']') ? after + 1 : std::string_view::npos;
}

// "[PREFIX_hex]" for a core in any case.
std::string CanonicalToken(std::string_view core) {
  size_t underscore = core.find('_');
  std::string prefix(core.substr(0, underscore));
  std::string suffix(core.substr(underscore + 1));
  for (char& c : prefix) c = Upper(c);
  for (char& c : suffix) c = Lower(c);
  return FormatToken(prefix, suffix);
}

}  // namespace

bool IsWordByte(char c) { return IsAsciiAlnum(c) || c == '_'; }

bool IsTokenCore(std::string_view word) {
  size_t underscore = word.find('_');
  if (underscore == std::string_view::npos || underscore == 0 ||
      underscore > kMaxTokenPrefixLength) {
    return false;
  }
  std::string_view suffix = word.substr(underscore + 1);
  return AllOf(word.substr(0, underscore), IsAsciiAlnum) &&
         suffix.size() >= kMinTokenSuffixLength && suffix.size() <= kMaxTokenSuffixLength &&
         AllOf(suffix, IsHexDigit);
}

bool CouldBeginTokenCore(std::string_view word) {
  size_t underscore = word.find('_');
  if (underscore == std::string_view::npos) {
    return word.size() <= kMaxTokenPrefixLength && AllOf(word, IsAsciiAlnum);
  }
  std::string_view suffix = word.substr(underscore + 1);
  return underscore > 0 && underscore <= kMaxTokenPrefixLength &&
         AllOf(word.substr(0, underscore), IsAsciiAlnum) &&
         suffix.size() <= kMaxTokenSuffixLength && AllOf(suffix, IsHexDigit);
}

size_t OpeningBracketBefore(std::string_view text, size_t core_start) {
  size_t spaces = 0;
  while (spaces < core_start && text[core_start - spaces - 1] == ' ') {
    if (++spaces > kMaxBracketPadding) return std::string_view::npos;
  }
  size_t before = core_start - spaces;
  return (before > 0 && text[before - 1] == '[') ? before - 1 : std::string_view::npos;
}

std::vector<TokenMention> FindTokenMentions(std::string_view text) {
  std::vector<TokenMention> mentions;
  size_t pos = 0;
  while (pos < text.size()) {
    if (!IsWordByte(text[pos])) {
      ++pos;
      continue;
    }
    size_t word_end = pos;
    while (word_end < text.size() && IsWordByte(text[word_end])) ++word_end;
    std::string_view word = text.substr(pos, word_end - pos);
    if (IsTokenCore(word)) {
      TokenMention mention{pos, word_end, CanonicalToken(word), false};
      size_t open = OpeningBracketBefore(text, pos);
      size_t close = open == std::string_view::npos ? open : ClosingBracketAfter(text, word_end);
      if (close != std::string_view::npos) {
        mention.start = open;
        mention.end = close;
      }
      mention.exact = text.substr(mention.start, mention.end - mention.start) == mention.token;
      mentions.push_back(std::move(mention));
    }
    pos = word_end;
  }
  return mentions;
}

}  // namespace privacy::vault
