// Words and runs of capitalised words: the units the PERSON, LOCATION and
// ORGANIZATION evidence judges.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "detect/names/gazetteer.h"

namespace privacy::detect {

// One word of UTF-8 text: [start, end) in bytes, without a possessive 's.
struct NameWord {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t flags = 0;        // gazetteer flags of the word on its own
  bool capitalised = false;  // first letter upper-case (accented letters too)
  bool all_caps = false;     // two or more letters, none lower-case
  bool connector = false;    // "de", "van", "of", "&", ... between two words of a name
};

// The text of `word` in `text`.
inline std::string_view WordText(std::string_view text, const NameWord& word) {
  return text.substr(word.start, word.end - word.start);
}

// A run of words that may name one entity: capitalised words joined by
// single spaces, with particles ("Rio de Janeiro"), initials ("John F.
// Kennedy"), "of" after words that take it ("Bank of America") and "&"
// ("Johnson & Johnson"). Leading honorifics and sentence-initial common
// words are not part of it.
struct NameChunk {
  static constexpr size_t kMaxWords = 8;
  std::array<NameWord, kMaxWords> words;
  size_t size = 0;
  bool sentence_start = false;  // words[0] opens a sentence
  bool titled = false;          // an honorific (Mr, Dr., Frau) stands right before

  uint32_t start() const { return words[0].start; }
  uint32_t end() const { return words[size - 1].end; }
  const NameWord& operator[](size_t i) const { return words[i]; }
};

// A span of chunk words [first, last] proposed for one kind of name, with
// its score before context cues.
struct NameGuess {
  size_t first = 0;
  size_t last = 0;
  double base = 0.0;
};

// Reads the word starting at byte `pos` (a letter) into `word`, with its
// flags from `gazetteer`. Returns false when there is no word at `pos` or
// it is glued to digits, '@', '_' or a dotted name (part of an identifier,
// an address or a file name).
bool ReadWord(const Gazetteer& gazetteer, std::string_view text, size_t pos, NameWord* word);

// True when byte `pos` opens a sentence: nothing but spaces, quotes and
// brackets lie between it and the start of the text, a line break, or one
// of . ! ? :
bool OpensSentence(std::string_view text, size_t pos);

// Reads the chunk whose first word starts at `pos` (an upper-case letter at
// a word start). Returns the byte offset where scanning should resume and
// fills `chunk`; chunk->size is 0 when nothing there can be a name.
size_t ReadChunk(const Gazetteer& gazetteer, std::string_view text, size_t pos, NameChunk* chunk);

}  // namespace privacy::detect
