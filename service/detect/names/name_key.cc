#include "detect/names/name_key.h"

#include "detect/hash_mix.h"
#include "detect/scan/text_boundary.h"
#include "detect/scan/utf8_encode.h"

namespace privacy::detect {
namespace {

// Folds of U+00C0..U+017F; nullptr keeps the character (× and ÷).
constexpr const char* kLatinFolds[] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00C0
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E0
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",  // U+00F0
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // U+0100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // U+0110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // U+0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // U+0130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // U+0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // U+0150
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // U+0160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // U+0170
};

// Calls `emit(std::string_view)` with the folded bytes of `word`.
template <typename Emit>
void Fold(std::string_view word, Emit emit) {
  std::string scratch;
  for (size_t pos = 0; pos < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[pos]);
    if (c < 0x80) {
      const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      emit(std::string_view(&lower, 1));
      ++pos;
      continue;
    }
    size_t length = 1;
    uint32_t cp = CodePointAt(word, pos, &length);
    if (cp >= 0xC0 && cp <= 0x17F && kLatinFolds[cp - 0xC0] != nullptr) {
      emit(std::string_view(kLatinFolds[cp - 0xC0]));
      pos += length;
      continue;
    }
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) {
      cp += 0x20;
    } else if (cp >= 0x410 && cp <= 0x42F) {
      cp += 0x20;
    } else if (cp >= 0x400 && cp <= 0x40F) {
      cp += 0x50;
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x2BC) {
      cp = '\'';
    } else if (cp == 0xFFFD) {
      emit(word.substr(pos, length));
      pos += length;
      continue;
    }
    scratch.clear();
    AppendUtf8(cp, &scratch);
    emit(std::string_view(scratch));
    pos += length;
  }
}

}  // namespace

void NameKey::AddByte(unsigned char byte) {
  fnv_ ^= byte;
  fnv_ *= 0x100000001b3ULL;
}

void NameKey::AddBytes(std::string_view bytes) {
  for (char b : bytes) AddByte(static_cast<unsigned char>(b));
}

void NameKey::AddWord(std::string_view word) {
  if (words_ > 0) AddByte(' ');
  ++words_;
  Fold(word, [this](std::string_view bytes) { AddBytes(bytes); });
}

uint64_t NameKey::Hash() const { return Mix64(fnv_) >> 24; }

std::string FoldWord(std::string_view word) {
  std::string folded;
  Fold(word, [&folded](std::string_view bytes) { folded.append(bytes); });
  return folded;
}

}  // namespace privacy::detect
