// PERSON evidence of a chunk (see name_evidence.h).
#include <algorithm>

#include "detect/names/name_evidence.h"
#include "detect/names/name_words.h"

namespace privacy::detect {
namespace {

bool IsCommon(const NameWord& word) { return (word.flags & kCommonWord) != 0; }
bool IsEnglish(const NameWord& word) { return (word.flags & kWordFlags) != 0; }
bool IsFirstName(const NameWord& word) { return (word.flags & kFirstName) != 0; }
bool IsKnownName(const NameWord& word) { return (word.flags & kPersonNameFlags) != 0; }
// A capitalised word that no list knows, not even as an English word.
bool IsUnknown(const NameWord& word) { return (word.flags & ~kPrefix) == 0; }
bool IsPlace(const NameWord& word) {
  return (word.flags & (kCountry | kRegion)) != 0 || CityTier(word.flags) >= 6;
}

double SingleWordBase(const NameChunk& chunk, size_t index) {
  const NameWord& word = chunk[index];
  if (chunk.titled) return IsCommon(word) ? 0.6 : 0.85;
  double base = 0.0;
  if (IsFirstName(word)) {
    base = IsCommon(word) ? 0.3 : 0.65;
  } else if (IsKnownName(word)) {
    base = IsCommon(word) ? 0.15 : 0.5;
  } else if (IsUnknown(word)) {
    base = 0.25;
  }
  if (IsPlace(word) || (word.flags & kOrganization)) base -= 0.25;
  if (chunk.sentence_start && index == 0 && (IsEnglish(word) || IsUnknown(word))) base -= 0.1;
  return base;
}

// A name of two or more words, chunk[first] .. chunk[last].
double MultiWordBase(const NameChunk& chunk, size_t first, size_t last) {
  const NameWord& f = chunk[first];
  const NameWord& l = chunk[last];
  const bool l_fits = IsKnownName(l) || IsUnknown(l);
  double base = 0.15;
  if (IsFirstName(f) && !IsCommon(f)) {
    base = !l_fits ? 0.35 : IsCommon(l) ? 0.75 : IsKnownName(l) ? 0.85 : 0.8;
  } else if (IsFirstName(f)) {
    base = !l_fits ? 0.2 : IsCommon(l) ? 0.55 : IsKnownName(l) ? 0.75 : 0.6;
  } else if (IsKnownName(f) && !IsCommon(f)) {
    base = !l_fits ? 0.2 : IsCommon(l) ? 0.5 : 0.65;
  } else if (IsUnknown(f)) {
    base = ((l.flags & kSurname) && !IsCommon(l)) ? 0.5 : (IsKnownName(l) && !IsCommon(l)) ? 0.4 : 0.2;
  }
  // "Goldman Sachs", "Wells Fargo": a company word ends it.
  if (!IsFirstName(f) && (l.flags & kOrganization)) base -= 0.2;
  if (chunk.sentence_start && first == 0 && (IsEnglish(f) || IsUnknown(f))) base -= 0.1;
  for (size_t i = first + 1; i < last; ++i) {
    const NameWord& middle = chunk[i];
    const bool initial = middle.end - middle.start <= 2;  // "F."
    if (!middle.connector && !initial && !IsKnownName(middle) && !IsUnknown(middle)) base -= 0.2;
  }
  if (chunk.titled) base = std::max(base, 0.85);
  return base;
}

// True when a word of chunk[first..last] rules a person out.
bool RulesOutPerson(std::string_view text, const NameChunk& chunk, size_t first, size_t last) {
  for (size_t i = first; i <= last; ++i) {
    const NameWord& word = chunk[i];
    const std::string_view w = WordText(text, word);
    if (word.all_caps || IsDemonym(w) || IsPlaceAbbreviation(w)) return true;
    if (word.connector && (w == "&" || w == "of")) return true;
  }
  return false;
}

}  // namespace

std::optional<NameGuess> GuessPerson(std::string_view text, const NameChunk& chunk) {
  if (chunk.size == 0 || IsOrganizationSuffix(WordText(text, chunk[chunk.size - 1]))) {
    return std::nullopt;
  }
  size_t first = 0;
  size_t last = chunk.size - 1;
  // English words that are no first names open the chunk without being part
  // of the name ("Contractor Sarah Wong", "Agent Moreno").
  while (first < last && IsEnglish(chunk[first]) && !IsFirstName(chunk[first])) ++first;
  // A sentence-initial English word is no evidence ("Tell Elena", "Will
  // you"), unless a first name and a surname that is no word stand together.
  if (first == 0 && last > 0 && chunk.sentence_start && IsEnglish(chunk[0]) &&
      !(IsFirstName(chunk[0]) && IsKnownName(chunk[1]) && !IsEnglish(chunk[1]))) {
    first = 1;
  }
  // Trailing English words that are no names ("Hamburg Office").
  while (last > first &&
         ((IsEnglish(chunk[last]) && !IsKnownName(chunk[last])) || chunk[last].connector)) {
    --last;
  }
  if (RulesOutPerson(text, chunk, first, last)) return std::nullopt;
  NameGuess guess{first, last, 0.0};
  guess.base = first == last ? SingleWordBase(chunk, first) : MultiWordBase(chunk, first, last);
  if (guess.base <= 0.0) return std::nullopt;
  return guess;
}

}  // namespace privacy::detect
