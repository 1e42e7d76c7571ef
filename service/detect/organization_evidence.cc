// ORGANIZATION evidence of a chunk (see name_evidence.h).
#include <algorithm>

#include "detect/name_evidence.h"
#include "detect/name_words.h"

namespace privacy::detect {
namespace {

std::string_view WordText(std::string_view text, const NameWord& word) {
  return text.substr(word.start, word.end - word.start);
}

bool IsCommon(const NameWord& word) { return (word.flags & kCommonWord) != 0; }

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

// Base score from the gazetteer: the longest known organization in the
// chunk covering all of it.
double KnownOrganizationBase(const Gazetteer& gazetteer, std::string_view text,
                             const NameChunk& chunk, size_t first) {
  NameKey key;
  uint32_t flags = 0;
  for (size_t j = first; j < chunk.size; ++j) {
    key.AddWord(WordText(text, chunk[j]));
    flags = j == first ? chunk[j].flags : gazetteer.Flags(key);
    if (j + 1 < chunk.size && !(flags & kPrefix)) return 0.0;
  }
  if (!(flags & kOrganization)) return 0.0;
  if (chunk.size - first == 1) {
    if (chunk[first].all_caps) return 0.75;
    if (flags & kCommonWord) return 0.3;
  }
  return 0.7;
}

}  // namespace

std::optional<NameGuess> GuessOrganization(const Gazetteer& gazetteer, std::string_view text,
                                           const NameChunk& chunk) {
  if (chunk.size == 0 || chunk.titled) return std::nullopt;
  size_t first = 0;
  // A sentence-initial common word before a longer name ("Contact Acme Corp").
  if (chunk.sentence_start && chunk.size >= 3 && IsCommon(chunk[0]) &&
      !(chunk[0].flags & ~(kCommonWord | kPrefix))) {
    first = 1;
  }
  const size_t last = chunk.size - 1;
  const std::string_view last_text = WordText(text, chunk[last]);
  NameGuess guess{first, last, 0.0};

  if (last > first && IsOrganizationSuffix(last_text)) {
    bool all_common = true;
    for (size_t i = first; i < last; ++i) all_common = all_common && IsCommon(chunk[i]);
    guess.base = IsLegalForm(last_text) ? 0.85 : all_common ? 0.45 : 0.8;
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
  if (guess.base == 0.0) {
    // Capitalised words no list knows: an organization only with a cue.
    bool unknown = true;
    for (size_t i = first; i <= last; ++i) {
      unknown = unknown && (chunk[i].connector || (chunk[i].flags & ~kPrefix) == 0);
    }
    if (unknown && !chunk.sentence_start) guess.base = 0.2;
  }
  if (guess.base <= 0.0) return std::nullopt;
  return guess;
}

}  // namespace privacy::detect
