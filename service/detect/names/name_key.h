// Gazetteer keys: names compared without case and diacritics, words joined
// by one space, hashed the way scripts/gazetteer/build_gazetteer.mjs hashes
// them when it writes the data file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace privacy::detect {

// The hash of a sequence of folded words, built one word at a time. A key
// is a small value: copy it to try several continuations of a prefix.
class NameKey {
 public:
  // Appends `word` (UTF-8), folded: ASCII, Latin, Greek and Cyrillic
  // letters lower-cased, Latin diacritics dropped (ß -> ss, Ł -> l),
  // typographic apostrophes made ASCII.
  void AddWord(std::string_view word);

  bool empty() const { return words_ == 0; }
  int words() const { return words_; }

  // The 40-bit hash stored in the gazetteer.
  uint64_t Hash() const;

 private:
  void AddByte(unsigned char byte);
  void AddBytes(std::string_view bytes);

  uint64_t fnv_ = 0xcbf29ce484222325ULL;
  int words_ = 0;
};

// `word` folded as NameKey folds it (for tests and diagnostics).
std::string FoldWord(std::string_view word);

}  // namespace privacy::detect
