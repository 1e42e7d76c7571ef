#include "detect/address/address_recognizer.h"

#include <algorithm>
#include <array>

#include "detect/address/address_postcode.h"

namespace privacy::detect {
namespace {

using Kind = AddressToken::Kind;
using Street = AddressRecognizer::Street;

// Bytes read around a house number: before it (a street name, a c/o line),
// after it for the street alone, and after it for the lines that complete
// the address.
constexpr size_t kBefore = 120;
constexpr size_t kStreetWindowAfter = 56;
constexpr size_t kAfter = 320;
// The longest number token looked at ("12-14", "221B", "10/12").
constexpr size_t kMaxNumberBytes = 12;
constexpr size_t kMaxWordBytes = 32;
// The window in which a street is first looked for.
constexpr size_t kStreetWindowBefore = 72;
// Bounds that keep the work per number constant.
constexpr size_t kMaxNameWords = 6;
constexpr size_t kMaxSegmentTokens = 12;
constexpr size_t kMaxLines = 5;
constexpr size_t kMaxLineTokens = 24;
constexpr size_t kMaxUnitTokens = 5;

constexpr double kStreetScore = 0.6;
constexpr double kWeakStreetScore = 0.35;
constexpr double kEvidenceBoost = 0.3;
constexpr double kContextBoost = 0.2;

std::vector<std::string> ContextWords() {
  return {"address",      "adress",    "live",      "lives",     "living",   "located",
          "ship",         "shipping",  "deliver",   "delivery",  "send",     "mail",
          "mailing",      "billing",   "residence", "reside",    "resides",  "moved",
          "home",         "visit",     "adresse",   "anschrift", "wohne",    "wohnhaft",
          "dirección",    "direccion", "domicilio", "indirizzo", "endereço", "morada",
          "adres",        "osoite",    "adresa",    "zamieszka", "envoyer",  "livraison",
          "lieferadresse"};
}

// Lower-case particles inside street and place names.
constexpr std::array<std::string_view, 36> kParticles = {
    "de", "la",  "le",  "les", "du",  "des", "del", "della", "delle", "dei", "di",  "da",
    "do", "dos", "das", "van", "von", "der", "den", "het",   "ter",   "of",  "the", "y",
    "e",  "am",  "an",  "im",  "zum", "zur", "sur", "upon",  "sous",  "en",  "i",   "og"};

// Words that mark a house number: "nº 5", "n. 5", "Nr. 5".
constexpr std::array<std::string_view, 7> kNumberMarks = {"nº", "n°",  "no", "n",
                                                          "nr", "núm", "num"};

// Lower-case words that may follow an address in a sentence; other words
// after a street make it read as a noun phrase ("40 Main Street shops").
constexpr std::array<std::string_view, 30> kFollowers = {
    "and",   "or",     "in",    "on",      "at",   "to",   "for",   "from", "with", "is",
    "was",   "where",  "which", "that",    "near", "by",   "but",   "so",   "then", "until",
    "since", "before", "after", "because", "if",   "when", "while", "as",   "und",  "et"};

// Punctuation that may end the text of an address.
bool EndsAddress(std::string_view text, const AddressToken& t) {
  const char c = text[t.start];
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ')' || c == '"' || c == '\'';
}

std::string Lower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsNumberByte(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '/';
}

bool IsSeparator(const AddressToken& t) {
  return !t.Is(Kind::kWord) && !t.Is(Kind::kNumber) && !t.Is(Kind::kHash);
}

// "5th", "42nd", "3e", "2º": an ordinal, part of a street name or a floor.
bool IsOrdinal(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && IsDigit(s[digits])) ++digits;
  if (digits == 0 || digits > 3) return false;
  const std::string rest = Lower(s.substr(digits));
  return rest == "st" || rest == "nd" || rest == "rd" || rest == "th" || rest == "e" ||
         rest == "er" || rest == "ème" || rest == "º" || rest == "ª" || rest == "°";
}

// A house number: 1 to 5 digits not starting with 0, perhaps a letter or
// two ("221B") or a range or fraction ("12-14", "10/12").
bool IsHouseNumber(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && IsDigit(s[digits])) ++digits;
  if (digits == 0 || digits > 5 || s[0] == '0' || s.size() > 10 || IsOrdinal(s)) return false;
  const std::string_view rest = s.substr(digits);
  if (rest.empty()) return true;
  if (rest[0] == '-' || rest[0] == '/') {
    // "12-14", "10/12", "12-A"; not "2024-03-15".
    const std::string_view tail = rest.substr(1);
    return !tail.empty() && tail.size() <= 4 && tail.find_first_of("-/") == std::string_view::npos;
  }
  if (rest == "s") return false;  // "1990s"
  return rest.size() <= 2 && std::all_of(rest.begin(), rest.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
         });
}

// True when nothing but spaces lies between the two tokens.
bool OnOneLine(std::string_view text, const AddressToken& a, const AddressToken& b) {
  for (size_t p = a.end; p < b.start; ++p) {
    if (text[p] == '\n') return false;
  }
  return true;
}

// A word of four or more letters with a period after it, not in capitals:
// the end of a sentence ("Practice."), not a short form ("St.", "Av.",
// "NW."); a street's name does not run back across it.
bool EndsSentence(std::string_view text, const AddressToken& t) {
  if (!t.Is(AddressToken::Kind::kWord) || !t.dot || t.all_caps || t.end - t.start < 4) return false;
  const std::string_view word = t.In(text);
  return std::none_of(word.begin(), word.end(), [](char c) { return c == '.'; });
}

}  // namespace

AddressRecognizer::AddressRecognizer() : context_words_(ContextWords()) {}

std::vector<ScanPattern> AddressRecognizer::Patterns() const {
  // The end of every digit run.
  return {{R"(\d(?:\D|$))", false, false}};
}

uint8_t AddressRecognizer::KindsOf(std::string_view text, const AddressToken& t) const {
  if (!t.Is(Kind::kWord)) return 0;
  const std::string lower = Lower(t.In(text));
  uint8_t kinds = words_.KindsOf(lower);
  if (t.dot) kinds |= words_.KindsOf(lower + ".");
  return kinds;
}

bool AddressRecognizer::IsParticle(std::string_view text, const AddressToken& t) const {
  if (!t.Is(Kind::kWord) || t.capital) return false;
  const std::string_view s = t.In(text);
  if (s.starts_with("d'") || s.starts_with("l'")) return true;
  return std::find(kParticles.begin(), kParticles.end(), s) != kParticles.end();
}

bool AddressRecognizer::NextToStreetWord(std::string_view text, size_t start, size_t end) const {
  const auto skippable = [](char c) { return c == ' ' || c == ',' || c == '\t'; };
  const auto letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  // The word before: a capitalised name, a street or box word, "nº".
  size_t before = start;
  for (int n = 0; before > 0 && n < 3 && skippable(text[before - 1]); ++n) --before;
  if (before < start && before > 0 && text[before - 1] == '.') --before;
  if (before < start && before > 0 && letter(text[before - 1])) {
    size_t word = before;
    while (word > 0 && before - word < kMaxWordBytes && letter(text[word - 1])) --word;
    const char first = text[word];
    if ((first >= 'A' && first <= 'Z') || static_cast<unsigned char>(first) >= 0x80) return true;
    const std::string lower = Lower(text.substr(word, before - word));
    if (std::find(kNumberMarks.begin(), kNumberMarks.end(), lower) != kNumberMarks.end() ||
        words_.KindsOf(lower) != 0 || words_.KindsOf(lower + ".") != 0) {
      return true;
    }
  }
  // The word after: a capitalised name or a street type ("12 rue").
  size_t after = end;
  for (int n = 0; after < text.size() && n < 3 && skippable(text[after]); ++n) ++after;
  if (after == end || after >= text.size() || !letter(text[after])) return false;
  const char first = text[after];
  if ((first >= 'A' && first <= 'Z') || static_cast<unsigned char>(first) >= 0x80) return true;
  size_t word = after;
  while (word < text.size() && word - after < kMaxWordBytes && letter(text[word])) ++word;
  const std::string lower = Lower(text.substr(after, word - after));
  return (words_.KindsOf(lower) & kStreetBefore) != 0 ||
         (words_.KindsOf(lower + ".") & kStreetBefore) != 0;
}

bool AddressRecognizer::IsRegionCode(const AddressToken& t) const {
  return t.Is(Kind::kWord) && t.all_caps && t.end - t.start <= 3;
}

bool AddressRecognizer::IsNameWord(std::string_view text, const AddressToken& t) const {
  if (t.Is(Kind::kNumber)) return IsOrdinal(t.In(text));
  return t.Is(Kind::kWord) && t.capital && (KindsOf(text, t) & (kUnit | kPostBox)) == 0;
}

size_t AddressRecognizer::UnitLength(std::string_view text, Tokens tokens, size_t i) const {
  const auto value_at = [&](size_t k) {
    if (k >= tokens.size() || !OnOneLine(text, tokens[k - 1], tokens[k])) return false;
    const AddressToken& t = tokens[k];
    return t.Is(Kind::kNumber) ||
           (t.Is(Kind::kWord) && t.end - t.start <= 4 && (t.all_caps || IsDigit(text[t.end - 1])));
  };
  const AddressToken& t = tokens[i];
  if (t.Is(Kind::kHash)) return value_at(i + 1) ? 2 : 0;
  if (t.Is(Kind::kNumber)) {
    // "3rd Floor", "2e étage", "3º".
    if (!IsOrdinal(t.In(text))) return 0;
    if (i + 1 < tokens.size() && (KindsOf(text, tokens[i + 1]) & kUnit) != 0) return 2;
    const std::string_view s = t.In(text);
    return s.ends_with("º") || s.ends_with("ª") || s.ends_with("°") ? 1 : 0;
  }
  if ((KindsOf(text, t) & kUnit) == 0) return 0;
  if (Lower(t.In(text)) == "c/o") {
    // c/o and the name it is for.
    size_t k = i + 1;
    while (k < tokens.size() && k <= i + 4 && tokens[k].Is(Kind::kWord) && tokens[k].capital &&
           OnOneLine(text, tokens[k - 1], tokens[k])) {
      ++k;
    }
    return k > i + 1 ? k - i : 0;
  }
  size_t k = i + 1;
  if (k < tokens.size() && tokens[k].Is(Kind::kHash)) ++k;
  return value_at(k) ? k + 1 - i : 0;
}

size_t AddressRecognizer::PostBoxStart(std::string_view text, Tokens tokens, size_t i) const {
  std::string squashed;
  for (size_t n = 1; n <= 4 && n <= i; ++n) {
    const AddressToken& t = tokens[i - n];
    if (!t.Is(Kind::kWord) || !OnOneLine(text, t, tokens[i])) break;
    squashed.insert(0, Lower(t.In(text)));
    if (words_.IsPostBox(squashed)) return i - n;
  }
  return tokens.size();
}

bool AddressRecognizer::NumberAfterStreet(std::string_view text, Tokens tokens, size_t i,
                                          Street* street) const {
  // Skip "nº" and a comma between the street and its number.
  size_t p = i;
  for (int skips = 0; skips < 2 && p > 0; ++skips) {
    const AddressToken& t = tokens[p - 1];
    const std::string lower = Lower(t.In(text));
    const bool mark = t.Is(Kind::kWord) && std::find(kNumberMarks.begin(), kNumberMarks.end(),
                                                     lower) != kNumberMarks.end();
    if (!t.Is(Kind::kComma) && !mark) break;
    --p;
  }
  if (p == 0 || !tokens[p - 1].Is(Kind::kWord) || !OnOneLine(text, tokens[p - 1], tokens[i])) {
    return false;
  }
  const size_t w = p - 1;
  const AddressToken& word = tokens[w];
  const bool year = LooksLikeYear(tokens[i].In(text));
  const std::string lower = Lower(word.In(text));
  // "Koskikatu 25", "Hauptstr. 5".
  if (word.capital &&
      (words_.IsCompoundStreet(lower) || (word.dot && words_.IsCompoundStreet(lower + ".")))) {
    *street = {w, i, year, false};
    return true;
  }
  // "Berliner Straße 5", "Karl Johans gate 1".
  const auto inside_name = [&](const AddressToken& t) {
    return IsNameWord(text, t) && !EndsSentence(text, t);
  };
  if ((KindsOf(text, word) & kStreetPost) != 0 && w > 0 && inside_name(tokens[w - 1])) {
    size_t first = w - 1;
    while (first > 0 && w - first < 3 && inside_name(tokens[first - 1])) --first;
    *street = {first, i, year, false};
    return true;
  }
  // "Via Roma 1", "rue de la Loi 16", "Avenida Paulista, 1000".
  bool capital = false;
  for (size_t q = w + 1; q-- > 0 && w - q <= kMaxNameWords;) {
    const AddressToken& t = tokens[q];
    if (q != w && capital && (KindsOf(text, t) & kStreetBefore) != 0) {
      // A lower-case type before a lower-case word is prose ("via FedEx 3 times").
      const bool prose = !t.capital && i + 1 < tokens.size() && tokens[i + 1].Is(Kind::kWord) &&
                         !tokens[i + 1].capital && (KindsOf(text, tokens[i + 1]) & kUnit) == 0;
      if (prose) return false;
      *street = {q, i, year, false};
      return true;
    }
    if (q != w && EndsSentence(text, t)) break;
    if (IsNameWord(text, t)) {
      capital = capital || t.capital;
    } else if (!IsParticle(text, t)) {
      break;
    }
  }
  // "Unter den Linden 77, 10117 Berlin": a name and a number, then a
  // postcode and a place.
  if (!IsNameWord(text, word)) return false;
  size_t first = w;
  while (first > 0 && w - first < 3 &&
         (inside_name(tokens[first - 1]) || IsParticle(text, tokens[first - 1]))) {
    --first;
  }
  while (!IsNameWord(text, tokens[first])) ++first;
  size_t k = i + 1;
  if (k < tokens.size() && tokens[k].Is(Kind::kComma)) ++k;
  if (k >= tokens.size()) return false;
  const size_t postcode = PostcodeLength(text, tokens, k);
  if (postcode == 0 || LooksLikeYear(tokens[k].In(text)) || k + postcode >= tokens.size() ||
      !IsNameWord(text, tokens[k + postcode]) || !tokens[k + postcode].Is(Kind::kWord)) {
    return false;
  }
  *street = {first, i, year, false};
  return true;
}

bool AddressRecognizer::NumberBeforeStreet(std::string_view text, Tokens tokens, size_t i,
                                           Street* street) const {
  const bool year = LooksLikeYear(tokens[i].In(text));
  size_t j = i + 1;
  if (j < tokens.size() && tokens[j].Is(Kind::kComma)) ++j;
  if (j >= tokens.size() || !OnOneLine(text, tokens[i], tokens[j])) return false;
  // "12 rue de la Paix", "12 Avenue Foch".
  if ((KindsOf(text, tokens[j]) & kStreetBefore) != 0) {
    size_t last = j;
    for (size_t k = j + 1; k < tokens.size() && k - j <= kMaxNameWords; ++k) {
      if (IsNameWord(text, tokens[k]) && tokens[k].Is(Kind::kWord)) {
        last = k;
      } else if (!IsParticle(text, tokens[k])) {
        break;
      }
    }
    if (last > j) {
      *street = {i, last, year, false};
      return true;
    }
  }
  // "12 Baker Street", "350 5th Ave", "6750 Koskikatu".
  for (size_t k = j; k < tokens.size() && k - j <= kMaxNameWords; ++k) {
    const AddressToken& t = tokens[k];
    const uint8_t kinds = KindsOf(text, t);
    if (k > j && (kinds & (kStreetAfter | kStreetPost | kStreetWeak)) != 0) {
      const bool weak = (kinds & (kStreetAfter | kStreetPost)) == 0;
      *street = {i, k, year || weak, (kinds & kStreetPost) != 0};
      return true;
    }
    if (t.capital && words_.IsCompoundStreet(Lower(t.In(text)) + (t.dot ? "." : ""))) {
      *street = {i, k, year, true};
      return true;
    }
    if (t.capital && words_.IsCompoundStreet(Lower(t.In(text)))) {
      *street = {i, k, year, true};
      return true;
    }
    const bool name = IsNameWord(text, t) || (k > j && IsParticle(text, t));
    if (!name || (t.dot && KindsOf(text, t) == 0 && k > j)) break;
  }
  return false;
}

bool AddressRecognizer::FindStreet(std::string_view text, Tokens tokens, size_t i,
                                   Street* street) const {
  const size_t box = PostBoxStart(text, tokens, i);
  if (box < tokens.size()) {
    *street = {box, i, false, false, true};
    return true;
  }
  if (!IsHouseNumber(tokens[i].In(text))) return false;
  return NumberAfterStreet(text, tokens, i, street) || NumberBeforeStreet(text, tokens, i, street);
}

AddressRecognizer::Segment AddressRecognizer::ParseSegment(std::string_view text, Tokens tokens,
                                                           size_t i) const {
  Segment s;
  s.end = i;
  s.strong_end = i;
  bool after_postcode = false;
  size_t k = i;
  const size_t limit = std::min(tokens.size(), i + kMaxSegmentTokens);
  while (k < limit && !IsSeparator(tokens[k])) {
    const AddressToken& t = tokens[k];
    size_t length = PostcodeLength(text, tokens, k);
    if (length > 0 && LooksLikeYear(t.In(text))) {
      const bool beside_name = (k + 1 < tokens.size() && tokens[k + 1].Is(Kind::kWord) &&
                                IsNameWord(text, tokens[k + 1])) ||
                               (k > i && IsNameWord(text, tokens[k - 1]));
      if (!beside_name) length = 0;
    }
    bool strong = true;
    if (length > 0) {
      after_postcode = true;
      s.postcode = true;
    } else if ((length = UnitLength(text, tokens, k)) > 0) {
      s.unit = true;
    } else if (t.Is(Kind::kWord) && (IsNameWord(text, t) || IsRegionCode(t))) {
      length = 1;
      strong = after_postcode;  // the place after a postcode
      ++s.words;
    } else if (k > i && (IsParticle(text, t) || (t.capital && (KindsOf(text, t) & kUnit) != 0))) {
      // "Frankfurt am Main", "Fifth Floor".
      length = 1;
      strong = false;
    } else {
      s.end = k;
      return s;  // not ok; strong_end tells how much of it may still be taken
    }
    k += length;
    if (strong) s.strong_end = k;
    const AddressToken& last = tokens[k - 1];
    const bool abbreviation = KindsOf(text, last) != 0 || last.end - last.start <= 3;
    if (last.Is(Kind::kWord) && last.dot && !abbreviation) {
      // "Tel. 555" is a label, "Springfield." ends a sentence.
      if (k < tokens.size() && tokens[k].Is(Kind::kNumber)) {
        s.end = k;
        return s;
      }
      s.sentence_end = true;
      break;
    }
  }
  s.end = k;
  if (k >= limit && k < tokens.size() && !IsSeparator(tokens[k])) return s;  // too long
  if (!s.sentence_end && k < tokens.size() && tokens[k].Is(Kind::kStop) &&
      !EndsAddress(text, tokens[k])) {
    return s;
  }
  s.ok = k > i;
  return s;
}

size_t AddressRecognizer::ExtendRight(std::string_view text, Tokens tokens, const Street& street,
                                      bool* evidence) const {
  size_t last = street.last;
  size_t k = last + 1;
  if (street.number_next && k < tokens.size() && tokens[k].Is(Kind::kNumber) &&
      IsHouseNumber(tokens[k].In(text)) && OnOneLine(text, tokens[last], tokens[k])) {
    last = k++;
  }
  // "Postfach 10 01 23".
  while (street.box && k < tokens.size() && k - street.last <= 3 && tokens[k].Is(Kind::kNumber) &&
         OnOneLine(text, tokens[last], tokens[k]) && PostcodeLength(text, tokens, k) == 0) {
    last = k++;
  }
  // The rest of the street's segment: "Apt. 864", "London NW1 6XE".
  if (k < tokens.size() && !IsSeparator(tokens[k])) {
    const Segment s = ParseSegment(text, tokens, k);
    if (s.ok) {
      last = s.end - 1;
      *evidence = *evidence || s.postcode || s.unit || s.words > 0;
      if (s.sentence_end) return last;
      k = s.end;
    } else {
      if (s.strong_end > k) {
        last = s.strong_end - 1;
        *evidence = true;
      }
      return last;
    }
  }
  size_t lines = 0;
  while (k < tokens.size()) {
    const AddressToken& sep = tokens[k];
    if (sep.Is(Kind::kComma)) {
      const Segment s = ParseSegment(text, tokens, k + 1);
      if (!s.ok) {
        // "DC 20500 by Friday": the part up to the postcode.
        if (s.strong_end > k + 1) {
          last = s.strong_end - 1;
          *evidence = true;
        }
        break;
      }
      last = s.end - 1;
      k = s.end;
      *evidence = true;
      if (s.sentence_end) break;
      continue;
    }
    if (!sep.Is(Kind::kNewline) || ++lines > kMaxLines) break;
    // A whole next line of address parts: "00184 Roma RM", "Italy".
    size_t j = k + 1;
    size_t segments = 0;
    bool strong = false;
    size_t words = 0;
    bool ok = false;
    bool sentence_end = false;
    while (j < tokens.size() && j - k <= kMaxLineTokens) {
      const Segment s = ParseSegment(text, tokens, j);
      if (!s.ok) break;
      ++segments;
      strong = strong || s.postcode || s.unit;
      words += s.words;
      j = s.end;
      sentence_end = s.sentence_end;
      if (j < tokens.size() && tokens[j].Is(Kind::kComma) && !sentence_end) {
        ++j;
        continue;
      }
      ok = j >= tokens.size() || tokens[j].Is(Kind::kNewline) || tokens[j].Is(Kind::kBlank) ||
           sentence_end || EndsAddress(text, tokens[j]);
      break;
    }
    if (!ok || (!strong && (segments > 1 || words > 3))) break;
    last = j - 1;
    k = j;
    *evidence = true;
    if (sentence_end) break;
  }
  return last;
}

size_t AddressRecognizer::ExtendLeft(std::string_view text, Tokens tokens, size_t first,
                                     bool* evidence) const {
  // "28245 Puruntie 82": a number before a street whose number follows.
  if (first > 0 && tokens[first - 1].Is(Kind::kNumber) &&
      IsHouseNumber(tokens[first - 1].In(text)) &&
      OnOneLine(text, tokens[first - 1], tokens[first]) && tokens[first].Is(Kind::kWord)) {
    --first;
  }
  // A unit or c/o before, on the same line after a comma ("Unit 4, 18 Smith
  // Street") or as the whole line above ("Flat 3", "c/o Maria Rossi").
  for (int step = 0; step < 2 && first > 0; ++step) {
    const AddressToken& sep = tokens[first - 1];
    if (!sep.Is(Kind::kComma) && !sep.Is(Kind::kNewline)) break;
    const size_t end = first - 1;
    size_t unit = end;
    for (size_t start = end; start-- > 0 && end - start <= kMaxUnitTokens;) {
      const bool line_start = start == 0 || tokens[start - 1].Is(Kind::kNewline) ||
                              tokens[start - 1].Is(Kind::kBlank) ||
                              tokens[start - 1].Is(Kind::kComma) || sep.Is(Kind::kComma);
      if (line_start && UnitLength(text, tokens, start) == end - start) {
        unit = start;
        break;
      }
    }
    if (unit == end) break;
    first = unit;
    *evidence = true;
  }
  return first;
}

void AddressRecognizer::Recognize(const RecognizeInput& input, std::vector<Candidate>* out) const {
  const std::string_view text = input.text;
  size_t covered = 0;
  for (const PatternMatch& m : input.matches) {
    // The number whose last digit the hit follows; only house numbers are
    // read further.
    size_t number_end = m.end;
    if (number_end > 0 && !IsDigit(text[number_end - 1])) --number_end;
    if (number_end <= covered) continue;
    size_t number_start = number_end;
    while (number_start > 0 && number_end - number_start < kMaxNumberBytes &&
           IsNumberByte(text[number_start - 1])) {
      --number_start;
    }
    while (number_end < text.size() && number_end - number_start < kMaxNumberBytes &&
           IsNumberByte(text[number_end])) {
      ++number_end;
    }
    if (number_start < covered ||
        !IsHouseNumber(text.substr(number_start, number_end - number_start)) ||
        !NextToStreetWord(text, number_start, number_end)) {
      continue;
    }
    // First the street around the number, then the lines that complete it.
    const auto window_start = [&](size_t bytes) {
      size_t from = std::max(covered, number_start > bytes ? number_start - bytes : 0);
      while (from > covered && from < number_start && text[from - 1] != ' ' &&
             text[from - 1] != '\n') {
        ++from;
      }
      return from;
    };
    size_t from = window_start(kStreetWindowBefore);
    std::vector<AddressToken> tokens =
        TokenizeAddressText(text, from, std::min(text.size(), number_end + kStreetWindowAfter));
    const auto number = std::find_if(tokens.begin(), tokens.end(), [&](const AddressToken& t) {
      return t.start == number_start;
    });
    if (number == tokens.end()) continue;
    Street street;
    if (!FindStreet(text, tokens, static_cast<size_t>(number - tokens.begin()), &street)) continue;
    from = window_start(kBefore);
    tokens = TokenizeAddressText(text, from, std::min(text.size(), number_end + kAfter));
    const auto again = std::find_if(tokens.begin(), tokens.end(),
                                    [&](const AddressToken& t) { return t.start == number_start; });
    if (again == tokens.end() ||
        !FindStreet(text, tokens, static_cast<size_t>(again - tokens.begin()), &street)) {
      continue;
    }
    bool evidence = false;
    const size_t last = ExtendRight(text, tokens, street, &evidence);
    const size_t first = ExtendLeft(text, tokens, street.first, &evidence);
    const uint32_t start = tokens[first].start;
    const uint32_t end = tokens[last].end;
    bool weak = street.weak;
    if (!evidence && last + 1 < tokens.size()) {
      const AddressToken& next = tokens[last + 1];
      const std::string lower = Lower(next.In(text));
      weak = weak || (next.Is(Kind::kWord) && !next.capital && !IsParticle(text, next) &&
                      std::find(kFollowers.begin(), kFollowers.end(), lower) == kFollowers.end());
    }
    double score = weak ? kWeakStreetScore : kStreetScore;
    if (evidence) score += kEvidenceBoost;
    if (HasContextWord(text, start, end, context_words_)) score += kContextBoost;
    out->push_back({type_, start, end, std::min(score, 1.0)});
    covered = end;
  }
}

}  // namespace privacy::detect
