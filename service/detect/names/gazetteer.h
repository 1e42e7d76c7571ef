// The gazetteer of the name recognizers: which words and word sequences are
// first names, surnames, places, organizations or common English words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "detect/names/key_table.h"
#include "detect/names/name_key.h"

namespace privacy::detect {

// What the gazetteer knows of a key; the bit layout of the data file
// (scripts/gazetteer/build_gazetteer.mjs).
enum GazetteerFlag : uint32_t {
  kFirstName = 1u << 0,
  kSurname = 1u << 1,
  kNameWord = 1u << 2,  // a name of some person, first or last
  kCity = 1u << 3,
  kCountry = 1u << 4,
  kRegion = 1u << 5,  // state, province, continent, large region
  kLocationAbbreviation = 1u << 6,  // NYC, UK: counts only when written in capitals
  kOrganization = 1u << 7,
  kCommonWord = 1u << 8,  // an everyday lower-case English word ("may", "rose")
  kPrefix = 1u << 9,  // a longer key starts with this one and a space
  kDictionaryWord = 1u << 14,  // a rarer lower-case English word ("claimant", "lea")
};
inline constexpr uint32_t kPersonNameFlags = kFirstName | kSurname | kNameWord;
inline constexpr uint32_t kPlaceFlags = kCity | kCountry | kRegion;
inline constexpr uint32_t kWordFlags = kCommonWord | kDictionaryWord;
// Flags that say nothing about a name.
inline constexpr uint32_t kNoNameFlags = kWordFlags | kPrefix;

// City size class: 0 for none, 1 for about 5,000 people, +1 per doubling.
inline int CityTier(uint32_t flags) { return static_cast<int>((flags >> 10) & 15); }

// The flags of names and words, a KeyTable (names.gaz). Immutable after
// loading; safe for concurrent use.
class Gazetteer {
 public:
  // Reads and checks the file. Throws std::runtime_error naming the path and
  // the problem (missing, wrong format or version, truncated, corrupt).
  static Gazetteer Load(const std::string& path);

  // Flags of `key`; 0 when the gazetteer does not hold it.
  uint32_t Flags(const NameKey& key) const;

  size_t size() const { return table_.size(); }

 private:
  explicit Gazetteer(KeyTable table) : table_(std::move(table)) {}

  KeyTable table_;
};

// The flags of one word, `key` holding it: those of the gazetteer, less the
// English-word flags when the word has letters beyond ASCII ("Léa" is not
// the English "lea").
uint32_t WordFlags(const Gazetteer& gazetteer, const NameKey& key, std::string_view word);

// Where the data file is looked for when no path is configured: next to the
// running executable, then in ../share/privacy-filter/ relative to it.
std::string DefaultGazetteerPath();

}  // namespace privacy::detect
