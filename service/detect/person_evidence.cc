// PERSON evidence of a chunk (see name_evidence.h).
#include <algorithm>

#include "detect/name_evidence.h"
#include "detect/name_words.h"

namespace privacy::detect {
namespace {

std::string_view WordText(std::string_view text, const NameWord& word) {
  return text.substr(word.start, word.end - word.start);
}

bool IsCommon(const NameWord& word) { return (word.flags & kCommonWord) != 0; }
bool IsKnownName(const NameWord& word) { return (word.flags & kPersonNameFlags) != 0; }
bool IsUnknown(const NameWord& word) { return (word.flags & ~kPrefix) == 0; }

// A word that can be part of a person's name: a known name, or a
// capitalised word no list knows.
bool NameLike(const NameWord& word) {
  return word.connector || IsKnownName(word) || IsUnknown(word);
}

// Words of a place or an organization lower the odds of a single name.
bool IsPlace(const NameWord& word) {
  return (word.flags & (kCountry | kRegion)) != 0 || CityTier(word.flags) >= 6;
}

double SingleWordBase(const NameChunk& chunk, size_t index) {
  const NameWord& word = chunk[index];
  if (chunk.titled) return IsCommon(word) ? 0.6 : 0.85;
  double base = 0.0;
  if (word.flags & kFirstName) {
    base = IsCommon(word) ? 0.3 : 0.65;
  } else if (word.flags & (kSurname | kNameWord)) {
    base = IsCommon(word) ? 0.15 : 0.5;
  } else if (IsUnknown(word)) {
    base = 0.25;
  }
  if (IsPlace(word) || (word.flags & kOrganization)) base -= 0.25;
  if (chunk.sentence_start && index == 0) base -= 0.1;
  return base;
}

// First word `first`, last word `last` of a name of two or more words.
double MultiWordBase(const NameChunk& chunk, size_t first, size_t last) {
  const NameWord& f = chunk[first];
  const NameWord& l = chunk[last];
  const bool l_name = IsKnownName(l);
  const bool l_fits = l_name || IsUnknown(l);
  double base = 0.15;
  if ((f.flags & kFirstName) && !IsCommon(f)) {
    base = !l_fits ? 0.35 : IsCommon(l) ? 0.75 : l_name ? 0.85 : 0.8;
  } else if (f.flags & kFirstName) {
    base = !l_fits ? 0.2 : IsCommon(l) ? 0.55 : l_name ? 0.75 : 0.6;
  } else if (IsKnownName(f) && !IsCommon(f)) {
    base = !l_fits ? 0.2 : IsCommon(l) ? 0.5 : 0.65;
  } else if (IsUnknown(f)) {
    base = ((l.flags & kSurname) && !IsCommon(l)) ? 0.5 : (l_name && !IsCommon(l)) ? 0.4 : 0.2;
  }
  if (chunk.sentence_start && first == 0 && (IsCommon(f) || IsUnknown(f))) base -= 0.1;
  if (chunk.titled) base = std::max(base, 0.85);
  return base;
}

}  // namespace

std::optional<NameGuess> GuessPerson(std::string_view text, const NameChunk& chunk) {
  if (chunk.size == 0 || IsOrganizationSuffix(WordText(text, chunk[chunk.size - 1]))) {
    return std::nullopt;
  }
  size_t first = 0;
  size_t last = chunk.size - 1;
  // Common words that are no names ("Contractor", "Thanks") open the chunk
  // without being part of the name; trailing ones ("Office") close it.
  while (first <= last && IsCommon(chunk[first]) && !(chunk[first].flags & (kFirstName | kSurname))) {
    ++first;
  }
  // A sentence-initial common word is no evidence ("Tell Elena", "My
  // Mastercard"), unless a first name and a surname stand together.
  if (first == 0 && last > 0 && chunk.sentence_start && IsCommon(chunk[0]) &&
      !((chunk[0].flags & kFirstName) && IsKnownName(chunk[1]) && !IsCommon(chunk[1]))) {
    first = 1;
  }
  while (last > first && ((IsCommon(chunk[last]) && !IsKnownName(chunk[last])) || chunk[last].connector)) {
    --last;
  }
  if (first > last) return std::nullopt;
  for (size_t i = first; i <= last; ++i) {
    const NameWord& word = chunk[i];
    if (word.all_caps || (word.connector && WordText(text, word) == "&")) return std::nullopt;
    if (word.connector && WordText(text, word) == "of") return std::nullopt;
  }
  NameGuess guess{first, last, 0.0};
  if (first == last) {
    guess.base = SingleWordBase(chunk, first);
  } else {
    guess.base = MultiWordBase(chunk, first, last);
    for (size_t i = first + 1; i < last; ++i) {
      if (!NameLike(chunk[i]) && !(chunk[i].end - chunk[i].start <= 2)) guess.base -= 0.2;
    }
  }
  if (guess.base <= 0.0) return std::nullopt;
  return guess;
}

}  // namespace privacy::detect
