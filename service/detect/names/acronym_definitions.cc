#include "detect/names/acronym_definitions.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "detect/tagger/entity_tags.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {
namespace {

constexpr size_t kMinAcronym = 2;
constexpr size_t kMaxAcronym = 10;
// Small words a long form may hold ("Bank of the United States").
constexpr size_t kMaxSmallWords = 4;

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
char AsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Words a long form may hold without an initial in the acronym.
bool IsSmallWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {"of", "and", "the", "for", "in", "on", "at",
                                                "to", "de", "du", "des", "la", "le", "&"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

// The capitals of `word`, lower-cased ("CoM" -> "cm"), if it can be an
// acronym; empty otherwise.
std::string AcronymInitials(std::string_view word) {
  if (word.size() < kMinAcronym || word.size() > kMaxAcronym || !IsAsciiUpper(word[0])) return {};
  std::string initials;
  for (char c : word) {
    if (IsAsciiUpper(c)) {
      initials.push_back(AsciiLower(c));
    } else if (!IsAsciiLower(c) && !(c >= '0' && c <= '9')) {
      return {};
    }
  }
  return initials.size() >= 2 ? initials : std::string();
}

// One definition: the acronym's token and what it stands for.
struct Definition {
  std::string_view acronym;
  size_t acronym_token = 0;
  uint32_t long_start = 0;  // bytes of the long form
  uint32_t long_end = 0;
  bool lower_case = false;  // every initialled word of the long form is in lower case
};

// The definition whose acronym is token `i` (between "(" and ")"), if any.
bool DefinitionAt(std::string_view text, std::span<const WordToken> tokens, size_t i,
                  Definition* out) {
  const auto word_at = [&](size_t k) {
    return text.substr(tokens[k].start, tokens[k].end - tokens[k].start);
  };
  const std::string initials = AcronymInitials(word_at(i));
  if (initials.empty()) return false;
  size_t matched = initials.size();  // initials still to match, from the last
  size_t k = i - 1;                  // the "(" before the acronym
  bool lower_case = true;
  size_t small_words = 0;
  while (matched > 0 && k > 0) {
    --k;
    if (tokens[k].kind != TokenKind::kWord) return false;
    const std::string_view word = word_at(k);
    if (IsSmallWord(word)) {
      if (++small_words > kMaxSmallWords) return false;
      continue;
    }
    if (AsciiLower(word[0]) != initials[matched - 1]) return false;
    lower_case = lower_case && IsAsciiLower(word[0]);
    --matched;
  }
  if (matched > 0) return false;
  *out = {word_at(i), i, tokens[k].start, tokens[i - 2].end, lower_case};
  return true;
}

}  // namespace

void ApplyAcronymDefinitions(std::string_view text, std::span<const WordToken> tokens,
                             std::vector<Finding>* findings) {
  if (text.find('(') == std::string_view::npos) return;
  const auto is = [&](size_t k, char c) {
    return tokens[k].kind == TokenKind::kPunctuation && text[tokens[k].start] == c;
  };
  std::vector<Definition> definitions;
  for (size_t i = 2; i + 1 < tokens.size(); ++i) {
    Definition d;
    if (tokens[i].kind == TokenKind::kWord && is(i - 1, '(') && is(i + 1, ')') &&
        DefinitionAt(text, tokens, i, &d)) {
      definitions.push_back(d);
    }
  }
  if (definitions.empty()) return;

  const auto text_of = [&](const Finding& f) { return text.substr(f.start, f.end - f.start); };
  std::vector<Finding> added;
  for (const Definition& d : definitions) {
    if (d.lower_case) {
      std::erase_if(*findings, [&](const Finding& f) {
        return TaggedTypeIndex(f.type) >= 0 && text_of(f) == d.acronym;
      });
      continue;
    }
    const auto named = std::find_if(findings->begin(), findings->end(), [&](const Finding& f) {
      return TaggedTypeIndex(f.type) >= 0 && f.start <= d.long_start && f.end >= d.long_end;
    });
    if (named == findings->end()) continue;
    const Finding meaning = *named;
    const WordToken& token = tokens[d.acronym_token];
    bool covered = false;
    for (Finding& f : *findings) {
      covered = covered || (f.start < token.end && f.end > token.start);
      if (TaggedTypeIndex(f.type) >= 0 && text_of(f) == d.acronym) f.type = meaning.type;
    }
    if (!covered) added.push_back({meaning.type, token.start, token.end, meaning.score});
  }
  if (added.empty()) return;
  findings->insert(findings->end(), added.begin(), added.end());
  std::sort(findings->begin(), findings->end(),
            [](const Finding& a, const Finding& b) { return a.start < b.start; });
}

}  // namespace privacy::detect
