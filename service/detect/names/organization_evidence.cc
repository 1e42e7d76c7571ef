// ORGANIZATION evidence of a chunk (see name_evidence.h).
#include <algorithm>

#include "detect/names/name_evidence.h"
#include "detect/names/name_words.h"

namespace privacy::detect {
namespace {

bool IsEnglishOnly(const NameWord& word) {
  return (word.flags & kWordFlags) != 0 && (word.flags & ~kNoNameFlags) == 0;
}

// "University of Oxford", "Bank of America": a head word, "of", a name.
bool IsHeadedByOf(std::string_view text, const NameChunk& chunk, size_t first) {
  for (size_t i = first; i + 2 < chunk.size; ++i) {
    if (chunk[i + 1].connector && WordText(text, chunk[i + 1]) == "of" &&
        IsOrganizationSuffix(WordText(text, chunk[i]))) {
      return true;
    }
  }
  return false;
}

// A single word the company list knows: how sure, given what else it is.
double KnownCompanyWordBase(std::string_view text, const NameWord& word) {
  const uint32_t flags = word.flags;
  if (word.all_caps) return IsCommonAcronym(WordText(text, word)) ? 0.0 : 0.75;
  if (flags & (kFirstName | kCommonWord)) return 0.3;  // "Morgan", "Apple"
  if (flags & kPlaceFlags) return 0.45;                 // "Toyota"
  if (flags & (kSurname | kNameWord)) return 0.55;      // "Siemens", "Heineken"
  return 0.7;                                           // "Vodafone"
}

// Base score from the gazetteer: a known organization covering the chunk
// from `first`, or a chunk ending in a company word ("Goldman Sachs").
double KnownOrganizationBase(const Gazetteer& gazetteer, std::string_view text,
                             const NameChunk& chunk, size_t first) {
  if (chunk.size - first == 1) {
    return (chunk[first].flags & kOrganization) ? KnownCompanyWordBase(text, chunk[first]) : 0.0;
  }
  NameKey key;
  uint32_t flags = 0;
  for (size_t j = first; j < chunk.size; ++j) {
    key.AddWord(WordText(text, chunk[j]));
    flags = gazetteer.Flags(key);
    if (j + 1 < chunk.size && !(flags & kPrefix)) break;
  }
  if (flags & kOrganization) return 0.7;
  const NameWord& last = chunk[chunk.size - 1];
  if ((last.flags & kOrganization) && !(last.flags & kCommonWord) &&
      !(chunk[first].flags & kFirstName)) {
    return 0.6;
  }
  return 0.0;
}

}  // namespace

std::optional<NameGuess> GuessOrganization(const Gazetteer& gazetteer, std::string_view text,
                                           const NameChunk& chunk) {
  if (chunk.size == 0 || chunk.titled) return std::nullopt;
  size_t first = 0;
  const size_t last = chunk.size - 1;
  const std::string_view last_text = WordText(text, chunk[last]);
  // A sentence-initial English word before a name ("Contact Acme Corp",
  // "Send ETH"), unless the name is made of English words ("General Motors").
  const bool english_head = (chunk[0].flags & kCommonWord) && !(chunk[0].flags & kFirstName);
  if (chunk.sentence_start && chunk.size >= 2 && english_head &&
      (chunk.size >= 3 || !IsOrganizationSuffix(last_text))) {
    first = 1;
  }
  NameGuess guess{first, last, 0.0};

  if (last > first && IsOrganizationSuffix(last_text)) {
    bool words_only = true;  // "Data Center", "Customer Success Team"
    for (size_t i = first; i < last; ++i) words_only = words_only && IsEnglishOnly(chunk[i]);
    guess.base = IsLegalForm(last_text) ? 0.85 : words_only ? 0.45 : 0.8;
    return guess;
  }
  if (IsHeadedByOf(text, chunk, first)) {
    guess.base = 0.8;
    return guess;
  }
  guess.base = KnownOrganizationBase(gazetteer, text, chunk, first);
  for (size_t i = first; i <= last; ++i) {
    if (chunk[i].connector && WordText(text, chunk[i]) == "&") guess.base = std::max(guess.base, 0.65);
  }
  if (guess.base == 0.0 && last == first && chunk[first].all_caps &&
      !(chunk[first].flags & (kLocationAbbreviation | kPlaceFlags)) &&
      !IsCommonAcronym(WordText(text, chunk[first]))) {
    guess.base = 0.3;  // an unknown acronym: needs a cue
  }
  if (guess.base == 0.0 && !chunk.sentence_start) {
    // Capitalised words that are neither English words nor first names
    // ("Initech", "Kaiser Permanente"): an organization only with a cue.
    bool name_words = true;
    for (size_t i = first; i <= last; ++i) {
      const uint32_t flags = chunk[i].flags;
      name_words = name_words && (chunk[i].connector ||
                                  ((flags & (kWordFlags | kFirstName)) == 0 && !chunk[i].all_caps));
    }
    if (name_words) guess.base = 0.2;
  }
  if (guess.base <= 0.0) return std::nullopt;
  return guess;
}

}  // namespace privacy::detect
