#include "detect/names/name_chunks.h"

#include <algorithm>
#include <cstring>

#include "detect/names/name_words.h"
#include "detect/scan/text_boundary.h"

namespace privacy::detect {
namespace {

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// True when a letter (any script the detector tokenizes) starts at `pos`.
bool LetterAt(std::string_view text, size_t pos, size_t* length) {
  if (pos >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    *length = 1;
    return IsAsciiLetter(c);
  }
  return IsLetterCodePoint(CodePointAt(text, pos, length));
}

// Apostrophes that may join the parts of a word (O'Brien) or open a
// possessive: ASCII and U+2019. Returns the apostrophe's length, or 0.
size_t ApostropheAt(std::string_view text, size_t pos) {
  if (pos < text.size() && text[pos] == '\'') return 1;
  if (pos + 2 < text.size() && text.compare(pos, 3, "\xE2\x80\x99") == 0) return 3;
  return 0;
}

// ASCII characters that glue a preceding token to a word: the word is then
// part of an address, path, identifier or number.
bool GluesBefore(unsigned char c) {
  return IsAsciiLetter(c) || IsAsciiDigit(c) || std::strchr("_@./\\#$%&+=~-^|", c) != nullptr;
}

// Words that may continue a chunk after a period and a space: initials
// ("F.") and abbreviations such as "St." or "Dr.".
bool ContinuesAfterPeriod(std::string_view word) {
  if (word.size() == 1) return true;
  return IsHonorific(word) || IsPlaceAbbreviation(word);
}

// WordFlags, and for a hyphenated word the gazetteer knows nothing of, a
// first name its first part is.
uint32_t ChunkWordFlags(const Gazetteer& gazetteer, std::string_view word) {
  NameKey key;
  key.AddWord(word);
  uint32_t flags = WordFlags(gazetteer, key, word);
  if (flags == 0) {
    // "Jean-Luc", "Al-Hassan": the first part names the person.
    if (size_t hyphen = word.find('-'); hyphen != std::string_view::npos && hyphen > 0) {
      NameKey head;
      head.AddWord(word.substr(0, hyphen));
      flags = gazetteer.Flags(head) & kFirstName;
    }
  }
  return flags;
}

// The chunk word that starts at `pos`, if it is a capitalised word.
bool CapitalisedWordAt(const Gazetteer& gazetteer, std::string_view text, size_t pos,
                       NameWord* word) {
  if (pos >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80 ? !(c >= 'A' && c <= 'Z') : !IsUpperCodePoint(CodePointAt(text, pos))) return false;
  return ReadWord(gazetteer, text, pos, word);
}

// True for an English word that cannot name anything on its own: no other
// list knows it, or it is an everyday word that is no first name and no
// large place ("Report", "Market", "People").
bool IsPlainWord(uint32_t flags) {
  if ((flags & kWordFlags) == 0) return false;
  if ((flags & ~kNoNameFlags) == 0) return true;
  const uint32_t telling = kFirstName | kCountry | kRegion | kLocationAbbreviation;
  return (flags & kCommonWord) && !(flags & telling) && CityTier(flags) < 8;
}

// "I'm", "We'll", "Don't": an apostrophe followed by a lower-case letter
// (names put a capital there: "O'Brien", "D'Angelo").
bool IsContraction(std::string_view word) {
  for (size_t i = 0; i + 1 < word.size(); ++i) {
    if (const size_t n = ApostropheAt(word, i); n > 0 && i + n < word.size()) {
      const char next = word[i + n];
      if (next >= 'a' && next <= 'z') return true;
    }
  }
  return false;
}

// True when a run of capitalised words after a possessive at `pos` ends in
// an organization word: "St Mary's Hospital", "Children's Hospital".
bool PossessiveOrganizationAt(const Gazetteer& gazetteer, std::string_view text, size_t pos) {
  NameWord word;
  for (int words = 0; words < 3 && pos < text.size() && text[pos] == ' '; ++words) {
    if (!CapitalisedWordAt(gazetteer, text, pos + 1, &word)) return false;
    if (IsOrganizationSuffix(text.substr(word.start, word.end - word.start))) return true;
    pos = word.end;
  }
  return false;
}

// When `word` (ending at `space`, a space) is followed by a connector
// ("de", "of" after "Bank", "&") and a capitalised word, the connector's
// end; otherwise 0.
size_t ConnectorAfter(const Gazetteer& gazetteer, std::string_view text, std::string_view word,
                      size_t space) {
  size_t end = space + 1;
  while (end < text.size() && text[end] != ' ') ++end;
  const std::string_view connector = text.substr(space + 1, end - space - 1);
  const bool joins = IsNameParticle(connector) || connector == "&" ||
                     (connector == "of" && TakesOf(word));
  NameWord next;
  return joins && CapitalisedWordAt(gazetteer, text, end + 1, &next) ? end : 0;
}

// Drops words [0, n) of `chunk`.
void DropFront(NameChunk* chunk, size_t n) {
  std::copy(chunk->words.begin() + n, chunk->words.begin() + chunk->size, chunk->words.begin());
  chunk->size -= n;
}

}  // namespace

bool ReadWord(const Gazetteer& gazetteer, std::string_view text, size_t pos, NameWord* word) {
  size_t length = 0;
  if (!LetterAt(text, pos, &length)) return false;
  if (pos > 0) {
    const unsigned char before = static_cast<unsigned char>(text[pos - 1]);
    if (before < 0x80 ? GluesBefore(before) : WordCharBefore(text, pos)) return false;
  }
  const uint32_t first = CodePointAt(text, pos);
  bool any_lower = false;
  size_t letters = 0;
  size_t end = pos;
  while (true) {
    // ASCII letters first, without decoding.
    while (end < text.size() && IsAsciiLetter(static_cast<unsigned char>(text[end]))) {
      any_lower = any_lower || text[end] >= 'a';
      ++letters;
      ++end;
    }
    size_t n = 0;
    if (LetterAt(text, end, &n)) {
      const uint32_t cp = CodePointAt(text, end);
      any_lower = any_lower || !IsUpperCodePoint(cp);
      ++letters;
      end += n;
      continue;
    }
    size_t joiner = ApostropheAt(text, end);
    if (joiner == 0 && end < text.size() && text[end] == '-') joiner = 1;
    if (joiner > 0 && LetterAt(text, end + joiner, &n)) {
      end += joiner;
      continue;
    }
    break;
  }
  if (end < text.size()) {
    const unsigned char after = static_cast<unsigned char>(text[end]);
    if (IsAsciiDigit(after) || after == '_' || after == '@') return false;
    if ((after == '.' || after == '-') && end + 1 < text.size()) {
      const unsigned char next = static_cast<unsigned char>(text[end + 1]);
      size_t n = 0;
      if (IsAsciiDigit(next) || (after == '.' && LetterAt(text, end + 1, &n))) return false;
    }
  }
  // A possessive 's is not part of the name.
  for (size_t apostrophe : {size_t{1}, size_t{3}}) {
    if (end - pos > apostrophe + 1 && text[end - 1] == 's' &&
        ApostropheAt(text, end - 1 - apostrophe) == apostrophe) {
      end -= apostrophe + 1;
      break;
    }
  }
  word->start = static_cast<uint32_t>(pos);
  word->end = static_cast<uint32_t>(end);
  word->capitalised = IsUpperCodePoint(first);
  word->all_caps = letters >= 2 && !any_lower;
  word->connector = false;
  word->flags = ChunkWordFlags(gazetteer, text.substr(pos, end - pos));
  return true;
}

bool OpensSentence(std::string_view text, size_t pos) {
  while (pos > 0) {
    const unsigned char c = static_cast<unsigned char>(text[pos - 1]);
    if (c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?' || c == ':') return true;
    if (c >= 0x80) {
      size_t lead = pos - 1;
      while (lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
      const uint32_t cp = CodePointAt(text, lead);
      if (cp == 0x2026) return true;  // …
      if (IsLetterCodePoint(cp)) return false;
      pos = lead;  // quotes, dashes, bullets
      continue;
    }
    if (std::strchr(" \t\"'([{*->#", c) == nullptr) return false;
    --pos;
  }
  return true;
}

size_t ReadChunk(const Gazetteer& gazetteer, std::string_view text, size_t pos, NameChunk* chunk) {
  chunk->size = 0;
  chunk->titled = false;
  NameWord word;
  if (!CapitalisedWordAt(gazetteer, text, pos, &word)) {
    size_t n = 1;
    LetterAt(text, pos, &n);
    return pos + n;
  }
  // Most capitals open a sentence with an English word and no name follows.
  const std::string_view first_text = text.substr(word.start, word.end - word.start);
  const bool alone = word.end + 1 >= text.size() || text[word.end] != ' ' ||
                     (!IsUpperCodePoint(CodePointAt(text, word.end + 1)) &&
                      ConnectorAfter(gazetteer, text, first_text, word.end) == 0);
  if (alone && word.end < text.size() && text[word.end] != '.' && IsPlainWord(word.flags)) {
    return word.end;
  }
  chunk->sentence_start = OpensSentence(text, pos);
  size_t resume = word.end;
  while (true) {
    const std::string_view word_text = text.substr(word.start, word.end - word.start);
    if (IsNeverAName(word_text) || IsContraction(word_text)) break;
    if (chunk->size == NameChunk::kMaxWords) break;
    chunk->words[chunk->size++] = word;
    resume = word.end;

    size_t p = word.end;
    if (const size_t apostrophe = ApostropheAt(text, p); apostrophe > 0) {
      // A possessive ends the name unless an organization name goes on.
      p += apostrophe + 1;
      if (p > text.size() || text[p - 1] != 's' || !PossessiveOrganizationAt(gazetteer, text, p)) break;
      chunk->words[chunk->size - 1].end = static_cast<uint32_t>(p);
    }
    if (p < text.size() && text[p] == '.' && ContinuesAfterPeriod(word_text)) {
      chunk->words[chunk->size - 1].end = static_cast<uint32_t>(p + 1);
      ++p;
    }
    if (p >= text.size() || text[p] != ' ') break;
    NameWord next;
    if (CapitalisedWordAt(gazetteer, text, p + 1, &next)) {
      word = next;
      continue;
    }
    const size_t connector_end = ConnectorAfter(gazetteer, text, word_text, p);
    if (connector_end == 0 || chunk->size + 1 >= NameChunk::kMaxWords) break;
    CapitalisedWordAt(gazetteer, text, connector_end + 1, &next);
    NameWord& joint = chunk->words[chunk->size++];
    joint = NameWord{static_cast<uint32_t>(p + 1), static_cast<uint32_t>(connector_end), 0,
                     false, false, true};
    word = next;
  }
  // Honorifics are evidence, not part of the name.
  size_t titles = 0;
  while (titles < chunk->size &&
         IsHonorific(text.substr(chunk->words[titles].start,
                                 chunk->words[titles].end - chunk->words[titles].start))) {
    ++titles;
  }
  if (titles > 0) {
    chunk->titled = true;
    chunk->sentence_start = false;
    DropFront(chunk, titles);
  }
  // A chunk ending on a connector (cut short by kMaxWords) ends before it.
  while (chunk->size > 0 && chunk->words[chunk->size - 1].connector) --chunk->size;
  return std::max(resume, pos + 1);
}

}  // namespace privacy::detect
