// LOCATION evidence of a chunk (see name_evidence.h).
#include <algorithm>

#include "detect/names/name_evidence.h"
#include "detect/names/name_words.h"

namespace privacy::detect {
namespace {

double CityBase(int tier) {
  if (tier >= 10) return 0.75;
  if (tier >= 8) return 0.7;
  if (tier >= 6) return 0.6;
  if (tier >= 4) return 0.5;
  return 0.4;
}

// Base score of a place of `words` words with gazetteer `flags`.
double PlaceBase(uint32_t flags, const NameWord& only_word, size_t words) {
  double base = 0.0;
  if (flags & kCountry) base = std::max(base, 0.8);
  if (flags & kRegion) base = std::max(base, 0.65);
  if (flags & kCity) base = std::max(base, CityBase(CityTier(flags)));
  if (words == 1) {
    if ((flags & kLocationAbbreviation) && only_word.all_caps) return std::max(base, 0.75);
    if (only_word.all_caps && !(flags & kCountry)) return 0.0;  // shouted words, acronyms
    // Ambiguous words need a cue: "Paris", "Jordan", "Phoenix", "Nice".
    if (flags & kFirstName) {
      base -= 0.35;
    } else if (flags & kCommonWord) {
      base -= 0.3;
    } else if (flags & (kSurname | kNameWord)) {
      base -= 0.1;
    }
  }
  return base;
}

}  // namespace

std::optional<NameGuess> GuessLocation(const Gazetteer& gazetteer, std::string_view text,
                                       const NameChunk& chunk) {
  std::optional<NameGuess> best;
  uint32_t best_flags = 0;
  for (size_t i = 0; i < chunk.size; ++i) {
    if (chunk[i].connector) continue;
    NameKey key;
    for (size_t j = i; j < chunk.size; ++j) {
      key.AddWord(WordText(text, chunk[j]));
      const uint32_t flags = j == i ? chunk[i].flags : gazetteer.Flags(key);
      const bool place = (flags & (kPlaceFlags | kLocationAbbreviation)) != 0;
      if (place && !chunk[j].connector && (!best || j - i > best->last - best->first)) {
        best = NameGuess{i, j, 0.0};
        best_flags = flags;
      }
      if (!(flags & kPrefix)) break;
    }
  }
  if (!best) return std::nullopt;
  best->base = PlaceBase(best_flags, chunk[best->first], best->last - best->first + 1);
  // Words around the place that belong to another name: "Paris Hilton",
  // "Cleveland Clinic", "Washington Post".
  for (size_t i = 0; i < chunk.size; ++i) {
    if (i >= best->first && i <= best->last) continue;
    const NameWord& word = chunk[i];
    if (IsOrganizationSuffix(WordText(text, word))) return std::nullopt;
    if (i > best->last && chunk[i - 1].connector) return std::nullopt;
    if (!word.connector && !(word.flags & kWordFlags)) best->base -= 0.3;
  }
  if (best->base <= 0.0) return std::nullopt;
  return best;
}

}  // namespace privacy::detect
