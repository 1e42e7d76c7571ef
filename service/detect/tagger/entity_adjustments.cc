#include "detect/tagger/entity_adjustments.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

#include "detect/names/name_words.h"
#include "detect/tagger/tagger_model.h"

namespace privacy::detect {
namespace {

constexpr int kPersonType = 0;
constexpr int kOrganizationType = 2;
static_assert(kTaggedTypes[kPersonType] == "PERSON" && kTaggedTypes[kOrganizationType] == "ORGANIZATION");

std::string AsciiLower(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// True when `value` holds an ASCII letter or digit, or any character beyond
// ASCII (the letters of other scripts).
bool HasLetterOrDigit(std::string_view value) {
  return std::any_of(value.begin(), value.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    const auto lower = static_cast<unsigned char>(byte | 0x20);
    return byte >= 0x80 || (byte >= '0' && byte <= '9') || (lower >= 'a' && lower <= 'z');
  });
}

// True when `value` is one character (one UTF-8 code point): "I", "W".
bool IsOneCharacter(std::string_view value) {
  return std::count_if(value.begin(), value.end(), [](char c) {
           return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
         }) == 1;
}

// True when every word of `value` only joins names: one names are built
// with, in lower case ("in", "de"), or a function word that never heads a
// name and joins them in lower case ("The", "Of"). Such words join a name,
// they are none; a capitalised particle may be a surname ("Le", "Du").
bool OnlyJoiningWords(std::string_view value) {
  while (!value.empty()) {
    const size_t space = std::min(value.find(' '), value.size());
    const std::string_view word = value.substr(0, space);
    const std::string lower = AsciiLower(word);
    const bool joins = lower == word ? JoinsNames(word, NameWordClasses(word))
                                     : IsNeverAName(word) && JoinsNames(lower, 0);
    if (!joins) return false;
    value.remove_prefix(std::min(space + 1, value.size()));
  }
  return true;
}

// The end of the organization words ("Enterprises", "Group", "Holdings
// Ltd") that follow `end` one space on, or `end` when none does.
uint32_t EndOfOrganizationWords(std::string_view text, uint32_t end) {
  while (end + 1 < text.size() && text[end] == ' ') {
    size_t word_end = end + 1;
    while (word_end < text.size() && text[word_end] != ' ' && text[word_end] != ',' &&
           text[word_end] != ';' && text[word_end] != ':' && text[word_end] != '?' &&
           text[word_end] != '!' && text[word_end] != ')') {
      ++word_end;
    }
    std::string_view word = text.substr(end + 1, word_end - end - 1);
    if (word.ends_with('.') && !IsLegalForm(word)) word.remove_suffix(1);  // a sentence's end
    if (!IsOrganizationSuffix(word)) break;
    end = static_cast<uint32_t>(end + 1 + word.size());
  }
  return end;
}

// Whether `word` may be (a word of) a name after an honorific: capitalised,
// and no role ("Mr. President"), honorific or English function word
// ("Mr. And Mrs. Smith" in a title). Words that are names elsewhere ("Do",
// "Le") are names here.
bool MayFollowHonorific(std::string_view word) {
  static constexpr std::string_view kFunctionWords[] = {"And", "Or", "The", "Of", "For", "In",
                                                        "On", "At", "With", "By", "To"};
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z' && !IsRoleWord(word) &&
         !IsHonorific(word) &&
         std::find(std::begin(kFunctionWords), std::end(kFunctionWords), word) ==
             std::end(kFunctionWords);
}

// Whether `word` is written in title case ("Thanh", not "THANH").
bool IsTitleCase(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z' &&
         std::any_of(word.begin() + 1, word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

void DropNoNames(std::string_view text, std::vector<TaggedEntity>* entities, size_t first) {
  entities->erase(
      std::remove_if(entities->begin() + static_cast<std::ptrdiff_t>(first), entities->end(),
                     [&](const TaggedEntity& e) {
                       const std::string_view value = text.substr(e.start, e.end - e.start);
                       return IsDemonym(value) || ApostropheAt(value, 0) != 0 ||
                              !HasLetterOrDigit(value) || IsOneCharacter(value) ||
                              OnlyJoiningWords(value);
                     }),
      entities->end());
}

void JoinNameAndOrganizationWords(std::string_view text, std::vector<TaggedEntity>* entities,
                                  size_t first) {
  std::vector<TaggedEntity>& out = *entities;
  const size_t count = out.size();
  std::vector<bool> dropped(count, false);
  for (size_t i = first; i < count; ++i) {
    const uint32_t end = EndOfOrganizationWords(text, out[i].end);
    if (end == out[i].end) continue;
    const TaggedEntity joined{kOrganizationType, out[i].start, end, out[i].margin, 0.0};
    for (size_t j = first; j < count; ++j) {
      const TaggedEntity& other = out[j];
      const bool same_span = other.start == joined.start && other.end == joined.end;
      const bool words_inside = other.start > joined.start && other.end <= joined.end &&
                                EndOfOrganizationWords(text, other.start - 1) == other.end;
      if (j != i && ((same_span && other.margin <= joined.margin) || words_inside)) {
        dropped[j] = true;
      }
    }
    out[i] = joined;
  }
  size_t kept = first;
  for (size_t i = first; i < count; ++i) {
    if (!dropped[i]) out[kept++] = out[i];
  }
  out.resize(kept);
}


void AddNamesAfterHonorifics(std::string_view text, const std::vector<WordToken>& tokens,
                             std::vector<TaggedEntity>* entities, size_t first) {
  const size_t end = entities->size();
  auto word_at = [&](size_t i) { return text.substr(tokens[i].start, tokens[i].end - tokens[i].start); };
  auto one_space_between = [&](size_t a, size_t b) {
    return tokens[b].start == tokens[a].end + 1 && text[tokens[a].end] == ' ';
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kWord || !IsHonorific(word_at(i))) continue;
    // "Dr" after a capitalised word is a street's ("Oak Dr. Springfield").
    const bool street = word_at(i).starts_with("Dr") && word_at(i).size() <= 3 && i > 0 &&
                        tokens[i - 1].kind == TokenKind::kWord &&
                        IsTitleCase(word_at(i - 1)) && !IsNeverAName(word_at(i - 1));
    if (street) continue;
    size_t name = i + 1;
    if (name < tokens.size() && tokens[name].kind == TokenKind::kPunctuation &&
        word_at(name) == "." && tokens[name].start == tokens[i].end) {
      ++name;
    }
    if (name >= tokens.size() || tokens[name].kind != TokenKind::kWord ||
        !one_space_between(name - 1, name) || !MayFollowHonorific(word_at(name))) {
      continue;
    }
    size_t last = name;
    while (last + 1 < tokens.size() && tokens[last + 1].kind == TokenKind::kWord &&
           one_space_between(last, last + 1) && IsTitleCase(word_at(last + 1)) &&
           MayFollowHonorific(word_at(last + 1))) {
      ++last;
    }
    const uint32_t start = tokens[name].start;
    const uint32_t stop = tokens[last].end;
    // What the model found there: a person's name within it is at least
    // that sure; any other entity there stays the model's call.
    bool covered = false;
    for (size_t e = first; e < end; ++e) {
      TaggedEntity& found = (*entities)[e];
      if (found.start >= stop || found.end <= start) continue;
      covered = true;
      if (found.type == kPersonType && found.start >= start && found.end <= stop) {
        found.probability = std::max(found.probability, kNameAfterHonorificProbability);
      }
    }
    if (covered) continue;
    TaggedEntity added;
    added.type = kPersonType;
    added.start = start;
    added.end = stop;
    added.margin = kMarginCap;
    added.probability = kNameAfterHonorificProbability;
    entities->push_back(added);
    i = last;
  }
}

}  // namespace privacy::detect
