#include "detect/tagger/word_tokens.h"

#include <array>

#include "detect/scan/text_boundary.h"

namespace privacy::detect {

size_t ApostropheAt(std::string_view text, size_t pos) {
  if (pos < text.size() && text[pos] == '\'') return 1;
  const bool right_quote = pos + 2 < text.size() && text[pos] == '\xE2' &&
                           text[pos + 1] == '\x80' && text[pos + 2] == '\x99';
  return right_quote ? 3 : 0;
}

namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Punctuation inside the blocks of scripts that IsWordCodePoint takes
// whole: Armenian, Hebrew and Arabic marks (the Arabic comma, semicolon
// and question mark, the Urdu full stop), the Indic danda, Thai, Myanmar,
// Ethiopic, Khmer, Georgian and Mongolian marks. Glued to a word ("مرحبا،",
// "है।") they would make another word of it.
bool IsScriptPunctuation(uint32_t cp) {
  return (cp >= 0x055A && cp <= 0x055F) || cp == 0x0589 || cp == 0x058A || cp == 0x05BE ||
         cp == 0x05C0 || cp == 0x05C3 || cp == 0x05C6 || cp == 0x060C || cp == 0x060D ||
         cp == 0x061B || cp == 0x061E || cp == 0x061F || (cp >= 0x066A && cp <= 0x066D) ||
         cp == 0x06D4 || cp == 0x0964 || cp == 0x0965 || cp == 0x0E4F || cp == 0x0E5A ||
         cp == 0x0E5B || cp == 0x104A || cp == 0x104B || (cp >= 0x1361 && cp <= 0x1368) ||
         (cp >= 0x17D4 && cp <= 0x17D6) || cp == 0x10FB || (cp >= 0x1800 && cp <= 0x180A);
}

// Letters of scripts beyond Latin, Greek and Cyrillic (Armenian, Hebrew, Arabic,
// Indic, Thai, CJK, Hangul) also make words; punctuation, symbols and emoji
// do not.
bool IsWordCodePoint(uint32_t cp) {
  if (IsLetterCodePoint(cp)) return true;
  if (IsScriptPunctuation(cp)) return false;
  if (cp >= 0x3005 && cp <= 0x3007) return true;  // 々, 〆, 〇 (in "佐々木")
  if (cp >= 0x0300 && cp < 0x0370) return true;  // combining accents of decomposed text
  if (cp >= 0x0530 && cp < 0x2000) return true;  // Armenian onwards
  if (cp >= 0x3040 && cp < 0xD800) return true;
  return cp >= 0xF900 && cp < 0xFE30;
}

// Han characters and hiragana: Chinese and Japanese write words without
// spaces, so each such character is a word of its own and a name is a run
// of them ("王小明" in "我和王小明去北京"), not a whole sentence.
bool IsUnspacedCodePoint(uint32_t cp) {
  return (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3041 && cp < 0x30A0) ||
         (cp >= 0x3400 && cp < 0x4DC0) || (cp >= 0x4E00 && cp < 0xA000) ||
         (cp >= 0xF900 && cp < 0xFB00);
}

// The length of a space other than ASCII's at `pos` (no-break, thin, en and
// em spaces, ideographic space), or 0.
size_t WideSpaceAt(std::string_view text, size_t pos) {
  size_t length = 1;
  const uint32_t cp = CodePointAt(text, pos, &length);
  const bool space = cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
                     cp == 0x205F || cp == 0x3000;
  return space ? length : 0;
}

// The length of the word character at `pos`, or 0 when there is none.
size_t WordCharAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return IsAsciiAlnum(c) ? 1 : 0;
  size_t length = 1;
  return IsWordCodePoint(CodePointAt(text, pos, &length)) ? length : 0;
}

// Joiners inside a word: "-" (Bailey-Ross), "." (U.S, example.com), an
// apostrophe (O'Brien), and "&" between capitals (AT&T).
size_t JoinerAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  const char c = text[pos];
  if (c == '-' || c == '.' || c == '&') return 1;
  return ApostropheAt(text, pos);
}

// True when a possessive or contraction ending ("'s", "'ll", "n't" is not
// split) starts at `pos`: an apostrophe, then "s", then no word character.
bool PossessiveAt(std::string_view text, size_t pos) {
  const size_t apostrophe = ApostropheAt(text, pos);
  if (apostrophe == 0) return false;
  const size_t s = pos + apostrophe;
  return s < text.size() && (text[s] == 's' || text[s] == 'S') && WordCharAt(text, s + 1) == 0;
}

// The end of the word starting at `pos` (a word character). A Han
// character or hiragana is a word alone and ends any other word.
size_t ScanWord(std::string_view text, size_t pos, bool* digits_only) {
  *digits_only = true;
  if (const size_t unspaced = UnspacedCharAt(text, pos)) {
    *digits_only = false;
    return pos + unspaced;
  }
  while (true) {
    while (pos < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[pos]);
      const size_t length = c < 0x80 ? (IsAsciiAlnum(c) ? 1 : 0) : WordCharAt(text, pos);
      if (length == 0 || (c >= 0x80 && UnspacedCharAt(text, pos) > 0)) break;
      if (!IsAsciiDigit(c)) *digits_only = false;
      pos += length;
    }
    if (PossessiveAt(text, pos)) return pos;
    const size_t joiner = JoinerAt(text, pos);
    if (joiner == 0 || WordCharAt(text, pos + joiner) == 0 ||
        UnspacedCharAt(text, pos + joiner) > 0) {
      return pos;
    }
    pos += joiner;
  }
}

// Hangul syllables (U+AC00-U+D7A3) are three bytes each in UTF-8.
constexpr size_t kSyllableBytes = 3;

bool IsHangulSyllable(std::string_view text, size_t pos) {
  if (pos + kSyllableBytes > text.size()) return false;
  size_t length = 1;
  const uint32_t cp = CodePointAt(text, pos, &length);
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

// Korean particles, endings and honorifics written glued to the word before
// them ("김민수가", "서윤아", "부산에서", "민수님"), longest first.
constexpr std::string_view kKoreanParticles[] = {
    "에게서", "에게", "께서", "한테", "에서", "으로", "이랑", "하고", "까지", "부터",
    "처럼", "보다", "이나", "가", "이", "은", "는", "을", "를", "의", "에", "와", "과",
    "도", "만", "랑", "로", "님", "씨", "아", "야", "께"};

// The length of the particle ending the Hangul word [start, end), when what
// precedes it is still two syllables or more, or 0.
size_t KoreanParticleLength(std::string_view text, size_t start, size_t end) {
  for (std::string_view particle : kKoreanParticles) {
    if (end - start >= particle.size() + 2 * kSyllableBytes &&
        text.substr(end - particle.size(), particle.size()) == particle) {
      return particle.size();
    }
  }
  return 0;
}

// Splits a word of Hangul syllables into its stem and the particles glued to
// it (at most two: "도윤이가" is "도윤", "이", "가"), so a name is a token of
// its own. Appends the tokens of `word` to `out`.
void AppendHangulWord(std::string_view text, WordToken word, std::vector<WordToken>* out) {
  for (size_t pos = word.start; pos < word.end; pos += kSyllableBytes) {
    if (!IsHangulSyllable(text, pos)) {
      out->push_back(word);
      return;
    }
  }
  // stem_ends[k]: where the word ends once k particles are taken off.
  std::array<size_t, 3> stem_ends = {word.end, word.end, word.end};
  size_t particles = 0;
  while (particles + 1 < stem_ends.size()) {
    const size_t length = KoreanParticleLength(text, word.start, stem_ends[particles]);
    if (length == 0) break;
    stem_ends[particles + 1] = stem_ends[particles] - length;
    ++particles;
  }
  WordToken stem = word;
  stem.end = static_cast<uint32_t>(stem_ends[particles]);
  out->push_back(stem);
  for (size_t k = particles; k > 0; --k) {
    WordToken particle = word;
    particle.start = static_cast<uint32_t>(stem_ends[k]);
    particle.end = static_cast<uint32_t>(stem_ends[k - 1]);
    particle.line_start = false;
    out->push_back(particle);
  }
}

}  // namespace

size_t UnspacedCharAt(std::string_view text, size_t pos) {
  if (pos >= text.size() || static_cast<unsigned char>(text[pos]) < 0xE3) return 0;
  size_t length = 1;
  return IsUnspacedCodePoint(CodePointAt(text, pos, &length)) ? length : 0;
}

void TokenizeWords(std::string_view text, std::vector<WordToken>* out) {
  out->clear();
  bool line_start = true;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c == '\n' || c == '\r') {
      line_start = true;
      ++pos;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      ++pos;
      continue;
    }
    if (c >= 0x80) {
      if (const size_t space = WideSpaceAt(text, pos)) {
        pos += space;
        continue;
      }
    }
    WordToken token;
    token.start = static_cast<uint32_t>(pos);
    token.line_start = line_start;
    line_start = false;
    bool digits_only = false;
    if (WordCharAt(text, pos) > 0) {
      pos = ScanWord(text, pos, &digits_only);
      token.kind = digits_only ? TokenKind::kNumber : TokenKind::kWord;
    } else if ((c == '@' || c == '#') && WordCharAt(text, pos + 1) > 0 &&
               (pos == 0 || !WordCharBefore(text, pos))) {
      pos = ScanWord(text, pos + 1, &digits_only);
      while (pos < text.size() && text[pos] == '_') pos = ScanWord(text, pos + 1, &digits_only);
      token.kind = TokenKind::kHandle;
    } else if (PossessiveAt(text, pos)) {
      pos += ApostropheAt(text, pos) + 1;
      token.kind = TokenKind::kWord;
    } else {
      size_t length = 1;
      if (c >= 0x80) CodePointAt(text, pos, &length);
      pos += length;
      token.kind = TokenKind::kPunctuation;
    }
    token.end = static_cast<uint32_t>(pos);
    if (token.kind == TokenKind::kWord && c >= 0xEA && c <= 0xED) {
      AppendHangulWord(text, token, out);
    } else {
      out->push_back(token);
    }
  }
}

}  // namespace privacy::detect
