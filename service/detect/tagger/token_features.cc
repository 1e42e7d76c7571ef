#include "detect/tagger/token_features.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>

#include "detect/data_file_bytes.h"
#include "detect/hash_mix.h"
#include "detect/names/name_key.h"
#include "detect/names/name_words.h"
#include "detect/scan/text_boundary.h"
#include "detect/tagger/entity_tags.h"
#include "detect/tagger/word_memo.h"

namespace privacy::detect {
namespace {

// Feature templates. Their numbers enter the hashes: never renumber one
// without bumping kFeatureSetVersion.
enum Template : uint64_t {
  kBias = 1,
  kLower,
  kShape,
  kPrefix3,
  kSuffix2,
  kSuffix3,
  kLowerBefore,
  kLowerAfter,
  kLowerTwoBefore,
  kLowerTwoAfter,
  kShapeBeforeAndHere,
  kShapeHereAndAfter,
  kShapeAround,
  kBigramBefore,
  kBigramAfter,
  kGazetteer,
  kGazetteerBefore,
  kGazetteerAfter,
  kGazetteerShape,
  kGazetteerFlag,
  kMultiWordEntry,
  kWordClass,
  kWordClassBefore,
  kWordClassAfter,
  kSentenceStartShape,
  kLowerBeforeShape,
  kShapeLowerAfter,
  kCasingShape,
  kCasingGazetteer,
  kLineStartShape,
  kTwoWordsBefore,
  kKind,
  kRule,
  kRuleType,
  kRuleBefore,
  kRuleAfter,
  kSeenInLowerCase,
  kSeenCapitalisedInside,
  kCluster,
  kClusterBefore,
  kClusterAfter,
  kClusterShape,
  kOpeningWordAndNext,
  kSuffix4,
  kPrefix4,
  kFieldKey,
  kFieldKeyShape,
  kLanguage,
  kLanguageShape,
  kLanguageGazetteer,
  kInnerTrigram,
  kGapBefore,
  kGapAfter,
  kGazetteerAfterProclitic,
};

// One multiply per feature: token values are mixed once when they are read
// (WordFacts), and the model uses the top bits of the product.
uint64_t Feature(uint64_t id, uint64_t a, uint64_t b = 0) {
  return (a ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ (id * 0x165667B19E3779F9ULL)) *
         0x9E3779B97F4A7C15ULL;
}

uint64_t HashBytes(std::string_view bytes) { return Fnv1a64(bytes.data(), bytes.size()); }

// Stand-ins for the neighbours of the first and last tokens.
constexpr uint64_t kBeforeText = 0x5354415254ULL;
constexpr uint64_t kAfterText = 0x454E44ULL;

// What separates two neighbouring tokens. Columns of a table are set apart
// by runs of spaces or a tab, which never fall inside a name.
enum Gap : uint64_t { kGlued, kOneSpace, kLineBreak, kColumnGap, kTextEdge };

Gap GapBetween(std::string_view text, const std::vector<WordToken>& tokens, size_t i, size_t j) {
  if (j >= tokens.size()) return kTextEdge;
  if (tokens[j].line_start) return kLineBreak;
  // Only spaces lie between tokens: one byte of them is an ASCII space or a
  // tab, two or three bytes led by a byte above 0xC1 are one wide space.
  const std::string_view between = text.substr(tokens[i].end, tokens[j].start - tokens[i].end);
  if (between.empty()) return kGlued;
  const bool one_wide = between.size() <= 3 && static_cast<unsigned char>(between[0]) > 0xC1;
  return between == " " || one_wide ? kOneSpace : kColumnGap;
}

// How the whole text is cased: names look different in a text without
// capitals or in one that capitalises everything.
enum Casing : uint64_t { kNormalCase, kNoCapitals, kAllCapitals, kTitleCase };

// What the bytes of one token (and its kind) make it, whatever its
// neighbours: worked out once per distinct word of a text.
struct WordFacts {
  uint64_t lower = 0;  // folded word
  uint64_t shape = 0;  // collapsed character classes and a length bucket
  uint64_t gazetteer = 0;  // flags worth telling apart, city tier bucketed
  uint32_t flags = 0;      // raw gazetteer flags
  uint32_t class_bits = 0;  // NameWordClasses of the word
  uint64_t classes = 0;     // the same, mixed for hashing
  uint32_t cluster = 0;     // WordClusters path, 0 when unknown
  uint64_t prefix3 = 0;     // the folded word's first three bytes, mixed
  uint64_t suffix2 = 0;     // its last two and three bytes, mixed
  uint64_t suffix3 = 0;
  uint64_t suffix4 = 0;     // its last and first four bytes, mixed
  uint64_t prefix4 = 0;
  // The folded word's inner three-byte runs (neither its first nor its
  // last three bytes, which the affixes hold), mixed: what unseen names of
  // a language share ("nkw", "ows", "sso"). At most kInnerTrigrams.
  static constexpr size_t kInnerTrigrams = 8;
  std::array<uint64_t, kInnerTrigrams> inner_trigrams = {};
  uint8_t inner_trigram_count = 0;
  // What the gazetteer says of the word without a one-letter conjunction
  // or preposition glued before it (Arabic, Hebrew), 0 when it has none.
  uint64_t proclitic_gazetteer = 0;
  const int8_t* vector = nullptr;  // WordVectors vector, nullptr when unknown
  TokenKind kind = TokenKind::kWord;
  bool capitalised = false;
  bool all_capitals = false;
  bool has_lower = false;
  bool many_digits = false;  // three digits or more: a code, not a name word
  bool joins_names = false;  // a lower-case word names are built with (JoinsNames)
};

// Where one token stands: the facts its neighbours decide. Small, as there
// is one per token.
struct TokenPlace {
  bool sentence_start = false;
  uint64_t multi_word = 0;  // an entry of two or more words covering the token
};

// Letters of scripts without capitals (Hebrew, Arabic, Indic, Thai, CJK,
// Hangul): a name in them looks like any other word of theirs, and unlike
// a lower-case Latin word.
bool IsCaselessLetter(uint32_t cp) {
  return (cp >= 0x0590 && cp < 0x1E00 && !(cp >= 0x10A0 && cp < 0x10D0)) ||
         (cp >= 0x3040 && cp < 0xD800) || (cp >= 0xF900 && cp < 0xFE30);
}

// "Xx", "X.X", "xXx", "u", "d", "Xd": classes of the characters, runs collapsed,
// plus the length in code points (1, 2, 3, 4, 5-7, 8+).
uint64_t ShapeOf(std::string_view word, WordFacts* facts) {
  char shape[8];
  size_t size = 0;
  size_t letters = 0, uppers = 0, code_points = 0, digits = 0;
  for (size_t pos = 0; pos < word.size();) {
    size_t length = 1;
    const uint32_t cp = CodePointAt(word, pos, &length);
    pos += length;
    ++code_points;
    char cls;
    if (cp >= '0' && cp <= '9') {
      cls = 'd';
      ++digits;
    } else if (IsUpperCodePoint(cp)) {
      cls = 'X';
      ++letters;
      ++uppers;
    } else if (IsCaselessLetter(cp)) {
      cls = 'u';
    } else if ((cp >= 'a' && cp <= 'z') || cp >= 0x80) {
      cls = 'x';
      ++letters;
    } else {
      cls = static_cast<char>(cp);
    }
    if (size == 0 || shape[size - 1] != cls) {
      if (size < sizeof(shape)) shape[size++] = cls;
    }
  }
  facts->capitalised = size > 0 && shape[0] == 'X';
  facts->all_capitals = letters >= 2 && uppers == letters;
  facts->has_lower = uppers < letters;
  facts->many_digits = digits >= 3;
  const uint64_t length_bucket = code_points <= 4 ? code_points : code_points <= 7 ? 5 : 6;
  return Mix64(HashBytes(std::string_view(shape, size)) * 8 + length_bucket);
}

uint64_t GazetteerSignature(uint32_t flags) {
  const int tier = CityTier(flags);
  const uint64_t tier_bucket = tier == 0 ? 0 : tier <= 4 ? 1 : tier <= 8 ? 2 : 3;
  return (flags & ~(kPrefix | (15u << 10))) | (tier_bucket << 16);
}

// Counts the words of a text by case, one token at a time, to tell its Casing.
class CasingTally {
 public:
  void Add(const WordToken& token, const WordFacts& facts) {
    if (token.kind != TokenKind::kWord) return;
    ++words_;
    if (facts.capitalised) ++capitalised_;
    if (facts.all_capitals) ++all_capitals_;
  }

  Casing Result() const {
    if (words_ == 0) return kNormalCase;
    if (all_capitals_ * 10 > words_ * 6) return kAllCapitals;
    if (capitalised_ == 0) return kNoCapitals;
    if (words_ >= 4 && capitalised_ * 10 > words_ * 6) return kTitleCase;
    return kNormalCase;
  }

 private:
  size_t words_ = 0;
  size_t capitalised_ = 0;
  size_t all_capitals_ = 0;
};

// Whether a text reads as English: the share of its words that the English
// word lists hold. In another language a capitalised word the model does
// not know, opening a sentence or a line, is usually an ordinary word
// ("Glückwunsch", "Cognome"); in English it is more often a name.
class LanguageTally {
 public:
  enum Language : uint64_t { kTooShort, kEnglish, kMixed, kOther };

  void Add(const WordToken& token, const WordFacts& facts) {
    if (token.kind != TokenKind::kWord) return;
    ++words_;
    if (facts.flags & kWordFlags) ++english_;
  }

  Language Result() const {
    if (words_ < 4) return kTooShort;
    if (english_ * 10 >= words_ * 6) return kEnglish;
    if (english_ * 20 >= words_ * 7) return kMixed;
    return kOther;
  }

 private:
  size_t words_ = 0;
  size_t english_ = 0;
};

// Marks tokens first..last as covered by a gazetteer entry with `flags`
// (where it opens, goes on and closes), unless an earlier entry covers them.
void MarkEntry(uint32_t flags, size_t first, size_t last, std::vector<TokenPlace>* places) {
  const uint64_t signature = GazetteerSignature(flags);
  for (size_t j = first; j <= last; ++j) {
    const uint64_t position = j == first ? 1 : j == last ? 3 : 2;
    if ((*places)[j].multi_word == 0) (*places)[j].multi_word = Mix64(signature * 4 + position);
  }
}

// Marks the tokens covered by gazetteer entries of two to five words
// ("New York", "Bank of America", "Rio de Janeiro"). `openings` are the
// words the gazetteer has longer keys for (kPrefix), in text order.
void MarkMultiWordEntries(const Gazetteer& gazetteer, std::string_view text,
                          const std::vector<WordToken>& tokens, std::span<const uint32_t> openings,
                          std::vector<TokenPlace>* places) {
  constexpr size_t kMaxWords = 5;
  for (const size_t i : openings) {
    NameKey key;
    key.AddWord(text.substr(tokens[i].start, tokens[i].end - tokens[i].start));
    size_t last = i;
    uint32_t found = 0;
    for (size_t j = i + 1; j < tokens.size() && j - i < kMaxWords; ++j) {
      if (tokens[j].kind != TokenKind::kWord) break;
      key.AddWord(text.substr(tokens[j].start, tokens[j].end - tokens[j].start));
      const uint32_t flags = gazetteer.Flags(key);
      if (flags & ~kNoNameFlags) {
        last = j;
        found = flags;
      }
      if (!(flags & kPrefix)) break;
    }
    if (last != i) MarkEntry(found, i, last, places);
  }
}

// Marks runs of two to four Han characters or hiragana, or of Thai words,
// that the gazetteer holds as one name ("秀英", "佐々木", "สมชาย"): Chinese,
// Japanese and Thai names are written without spaces, so each character is
// a token of its own, and libthai's dictionary splits a Thai name it does
// not know into the words it is made of ("สม", "ชาย"). The longest entry
// starting at a token wins.
void MarkUnspacedEntries(const Gazetteer& gazetteer, std::string_view text,
                         const std::vector<WordToken>& tokens, std::vector<TokenPlace>* places) {
  constexpr size_t kMaxTokens = 4;
  auto unspaced = [&](size_t j) {
    const WordToken& token = tokens[j];
    if (token.kind != TokenKind::kWord) return false;
    return ThaiLetterAt(text, token.start) ||
           UnspacedCharAt(text, token.start) == token.end - token.start;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!unspaced(i)) continue;
    size_t end = i + 1;  // the adjacent tokens from i, at most kMaxTokens
    while (end < tokens.size() && end - i < kMaxTokens && unspaced(end) &&
           tokens[end].start == tokens[end - 1].end) {
      ++end;
    }
    for (size_t last = end - 1; last > i; --last) {
      NameKey key;
      key.AddWord(text.substr(tokens[i].start, tokens[last].end - tokens[i].start));
      const uint32_t flags = gazetteer.Flags(key);
      if (!(flags & ~kNoNameFlags)) continue;
      MarkEntry(flags, i, last, places);
      break;
    }
  }
}

// How the same word is written elsewhere in the text: a capitalised word
// that also occurs in lower case is likely an ordinary word ("Contractor"
// opening a sentence, "contractor" later), one that also occurs
// capitalised inside a sentence is likely a name.
class TextMemory {
 public:
  // Records one token. Only capitalised words are asked about; the
  // lower-case ones are kept to answer them.
  void Add(const WordToken& token, const WordFacts& facts, bool sentence_start) {
    if (token.kind != TokenKind::kWord) return;
    if (facts.capitalised) {
      Entry& entry = Insert(facts.lower);
      entry.capitalised = true;
      if (!sentence_start && entry.capitalised_inside < 2) ++entry.capitalised_inside;
    } else if (facts.has_lower) {
      Insert(facts.lower).in_lower_case = true;
    }
  }

  // Both questions are asked once every token has been added.
  bool SeenInLowerCase(uint64_t lower) const {
    const Entry& entry = Find(lower);
    return entry.capitalised && entry.in_lower_case;
  }
  // True when the word occurs capitalised inside a sentence at least twice
  // (the token asking is one of them when it is inside a sentence itself).
  bool SeenCapitalisedInside(uint64_t lower) const { return Find(lower).capitalised_inside >= 2; }

 private:
  // A word (its folded hash; 0 marks an empty entry) of an open-addressing
  // table kept at most half full.
  struct Entry {
    uint64_t key = 0;
    uint8_t capitalised_inside = 0;  // times capitalised inside a sentence, up to 2
    bool capitalised = false;        // written capitalised somewhere
    bool in_lower_case = false;      // written in lower case somewhere
  };

  static uint64_t KeyOf(uint64_t lower) { return lower == 0 ? 1 : lower; }

  // The entry holding `key`, or the empty one where it would go.
  size_t IndexOf(uint64_t key) const {
    const size_t mask = table_.size() - 1;
    size_t i = key & mask;
    while (table_[i].key != 0 && table_[i].key != key) i = (i + 1) & mask;
    return i;
  }

  Entry& Insert(uint64_t lower) {
    const uint64_t key = KeyOf(lower);
    Entry* entry = &table_[IndexOf(key)];
    if (entry->key == 0) {
      if (2 * (used_ + 1) > table_.size()) {
        Grow();
        entry = &table_[IndexOf(key)];
      }
      entry->key = key;
      ++used_;
    }
    return *entry;
  }

  void Grow() {
    std::vector<Entry> old(2 * table_.size());
    old.swap(table_);
    for (const Entry& entry : old) {
      if (entry.key != 0) table_[IndexOf(entry.key)] = entry;
    }
  }

  const Entry& Find(uint64_t lower) const { return table_[IndexOf(KeyOf(lower))]; }

  std::vector<Entry> table_ = std::vector<Entry>(64);
  size_t used_ = 0;
};

// True when the token is never part of a name in a text cased this way
// (see TokenFeatures).
bool DecidedOutside(std::string_view text, const WordToken& token, const WordFacts& facts,
                    uint64_t casing) {
  const std::string_view word = text.substr(token.start, token.end - token.start);
  switch (token.kind) {
    case TokenKind::kNumber:
      return true;
    case TokenKind::kPunctuation:
      return word != "." && word != "&";
    case TokenKind::kHandle:
      return word[0] == '@';  // an @handle is a USERNAME, a #tag may be a name
    case TokenKind::kWord:
      break;
  }
  // A word with three digits or more is a code, an identifier or a number
  // with a unit ("CH6818033H26", "0xfB69", "1234566x"), not part of a name.
  if (facts.many_digits) return true;
  // Card schemes and identifier systems ("Visa", "BSN") name a number's
  // kind; common acronyms ("MAC", "CEO", "PDF") name no one.
  if (facts.class_bits & (kIdentifierKindClass | kCommonAcronymClass)) return true;
  // A key of JSON or a quoted form field ("iban": ...) names a field.
  const bool quoted_key = token.end + 1 < text.size() &&
                          (text[token.end] == '"' || text[token.end] == '\'') &&
                          text[token.end + 1] == ':';
  if (quoted_key) return true;
  if (casing != kNormalCase && casing != kTitleCase) return false;
  const unsigned char first = static_cast<unsigned char>(word[0]);
  return first >= 'a' && first <= 'z' && (facts.flags & kWordFlags) && !facts.joins_names;
}

// True when token `u` is a comma inside the name of a firm: between two
// words, and either a legal form follows ("Acme Holdings, Inc.") or an "&"
// closes a run of words and commas ("Klein, Phan & Hahn"). Such a comma is
// scored like a word, so that the whole name can be one entity; any other
// comma is Outside.
template <typename ClassesOf>
bool JoinsFirmName(std::string_view text, const std::vector<WordToken>& tokens, size_t u,
                   ClassesOf classes_of) {
  constexpr size_t kLookAhead = 8;
  if (tokens[u].kind != TokenKind::kPunctuation || text[tokens[u].start] != ',') return false;
  if (u == 0 || u + 1 >= tokens.size() || tokens[u - 1].kind != TokenKind::kWord ||
      tokens[u + 1].kind != TokenKind::kWord) {
    return false;
  }
  if (classes_of(u + 1) & kLegalFormClass) return true;
  for (size_t j = u + 1; j < tokens.size() && j <= u + kLookAhead; ++j) {
    if (tokens[j].kind == TokenKind::kWord) continue;
    const char c = text[tokens[j].start];
    if (c == '&') return true;
    if (c != ',') return false;
  }
  return false;
}

// The length of the one-letter conjunction or preposition that Arabic
// (و ف ب ل ك) and Hebrew (ו ה ב ל מ ש כ) glue to the word after them
// ("وأحمد", "בירושלים"), when at least three letters follow it; else 0.
size_t ProcliticLength(std::string_view word) {
  constexpr size_t kLetterBytes = 2;  // both scripts take two bytes a letter
  if (word.size() < 4 * kLetterBytes) return 0;
  const auto lead = static_cast<unsigned char>(word[0]);
  const auto trail = static_cast<unsigned char>(word[1]);
  const bool arabic = (lead == 0xD9 && (trail == 0x88 || trail == 0x81 || trail == 0x84 ||
                                        trail == 0x83)) ||
                      (lead == 0xD8 && trail == 0xA8);
  const bool hebrew = lead == 0xD7 && (trail == 0x95 || trail == 0x94 || trail == 0x91 ||
                                       trail == 0x9C || trail == 0x9E || trail == 0xA9 ||
                                       trail == 0x9B);
  return arabic || hebrew ? kLetterBytes : 0;
}

// True when punctuation token `token` ends a sentence or opens a quote or
// an answer: ".", "!", "?", ":" and '"', and the full stops and question
// marks of other scripts (Arabic "؟", Urdu "۔", the Indic danda "।", CJK
// "。", "！", "？", Ethiopic "።").
bool EndsSentence(std::string_view text, const WordToken& token) {
  const uint32_t cp = CodePointAt(text, token.start);
  return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == '"' || cp == 0x061F ||
         cp == 0x06D4 || cp == 0x0964 || cp == 0x0965 || cp == 0x3002 || cp == 0xFF01 ||
         cp == 0xFF1F || cp == 0x1362;
}

// What token `kind` with bytes `word` is, whatever its neighbours.
WordFacts FactsOfWord(const Gazetteer& gazetteer, const WordClusters& clusters,
                      const WordVectors& vectors, std::string_view word, TokenKind kind) {
  WordFacts f;
  f.kind = kind;
  f.shape = Mix64(ShapeOf(word, &f) + static_cast<uint64_t>(kind));
  if (kind == TokenKind::kNumber) {
    f.lower = f.shape;
    return f;
  }
  const std::string folded = FoldWord(word);
  f.lower = Mix64(HashBytes(folded));
  if (kind != TokenKind::kWord) return f;
  const std::string_view affixes = folded;
  const size_t size = affixes.size();
  f.prefix3 = Mix64(HashBytes(affixes.substr(0, 3)));
  f.suffix2 = Mix64(HashBytes(affixes.substr(size >= 2 ? size - 2 : 0)));
  f.suffix3 = Mix64(HashBytes(affixes.substr(size >= 3 ? size - 3 : 0)));
  f.suffix4 = Mix64(HashBytes(affixes.substr(size >= 4 ? size - 4 : 0)));
  f.prefix4 = Mix64(HashBytes(affixes.substr(0, 4)));
  for (size_t at = 1; at + 3 < size && f.inner_trigram_count < WordFacts::kInnerTrigrams; ++at) {
    f.inner_trigrams[f.inner_trigram_count++] = Mix64(HashBytes(affixes.substr(at, 3)));
  }
  NameKey key;
  key.AddWord(word);
  f.flags = WordFlags(gazetteer, key, word);
  f.cluster = clusters.PathOf(key);
  f.vector = vectors.VectorOf(key);
  f.gazetteer = Mix64(GazetteerSignature(f.flags));
  if (const size_t proclitic = ProcliticLength(word)) {
    NameKey rest;
    rest.AddWord(word.substr(proclitic));
    const uint32_t flags = WordFlags(gazetteer, rest, word.substr(proclitic));
    if (flags & ~kNoNameFlags) f.proclitic_gazetteer = Mix64(GazetteerSignature(flags));
  }
  // Lower-case words belong to no class but the particles, all short.
  const bool lower_case = word[0] >= 'a' && word[0] <= 'z';
  f.class_bits = lower_case && word.size() > 5 ? 0 : NameWordClasses(word);
  f.classes = Mix64(f.class_bits);
  f.joins_names = JoinsNames(word, f.class_bits);
  return f;
}

// The field each token's value belongs to in forms, JSON, YAML and query
// strings ("Name: Ahmed", "\"last_name\": \"Eze\"", "city=Enugu"): the
// folded words of the key written just before a ":" or "=" (joined when
// they touch, "last_name"), for up to kFieldValueTokens tokens after it on
// the same line; 0 for tokens in no field. A key further back than the
// feature window still says what its value is.
std::vector<uint64_t> FieldKeys(std::string_view text, const std::vector<WordToken>& tokens,
                                const std::vector<WordFacts>& words,
                                const std::vector<uint32_t>& token_words) {
  constexpr int kFieldValueTokens = 6;
  std::vector<uint64_t> keys(tokens.size(), 0);
  uint64_t key = 0;
  int remaining = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const WordToken& token = tokens[i];
    if (token.line_start) remaining = 0;
    const char first = text[token.start];
    if (token.kind == TokenKind::kPunctuation && (first == ':' || first == '=')) {
      size_t j = i;
      if (j > 0 && tokens[j - 1].kind == TokenKind::kPunctuation &&
          (text[tokens[j - 1].start] == '"' || text[tokens[j - 1].start] == '\'') &&
          tokens[j - 1].end == token.start) {
        --j;  // a quoted key
      }
      key = 0;
      // The key's words and the "_", "-" or "." joining them, back to a gap.
      for (size_t k = j; k > 0; --k) {
        const WordToken& part = tokens[k - 1];
        if (k < j && part.end != tokens[k].start) break;
        if (part.kind == TokenKind::kWord) {
          key = Mix64(key * 31 + words[token_words[k - 1]].lower);
        } else if (part.kind != TokenKind::kPunctuation ||
                   std::string_view("_-.").find(text[part.start]) == std::string_view::npos) {
          break;
        }
      }
      remaining = key == 0 ? 0 : kFieldValueTokens;
      continue;
    }
    if (remaining > 0) {
      keys[i] = key;
      --remaining;
    }
  }
  return keys;
}

// The feature hashes of one token, gathered here and appended to
// TokenFeatures::hashes a batch at a time.
class FeatureBuffer {
 public:
  explicit FeatureBuffer(std::vector<uint64_t>* hashes) : hashes_(hashes) {}
  FeatureBuffer(const FeatureBuffer&) = delete;
  FeatureBuffer& operator=(const FeatureBuffer&) = delete;
  ~FeatureBuffer() { Flush(); }

  void push_back(uint64_t hash) {
    if (size_ == kCapacity) Flush();
    buffer_[size_++] = hash;
  }

  void Flush() {
    hashes_->insert(hashes_->end(), buffer_, buffer_ + size_);
    size_ = 0;
  }

 private:
  static constexpr size_t kCapacity = 64;
  std::vector<uint64_t>* hashes_;
  uint64_t buffer_[kCapacity];
  size_t size_ = 0;
};

// The features of a word standing just before or just after (`side`)
// the token scored: its folded form, gazetteer flags, word classes and
// cluster.
void AddNeighbourFeatures(WordPlace side, uint64_t lower, uint64_t gazetteer, uint64_t classes,
                          uint64_t cluster, FeatureBuffer* h) {
  const bool before = side == kBefore;
  h->push_back(Feature(before ? kLowerBefore : kLowerAfter, lower));
  h->push_back(Feature(before ? kGazetteerBefore : kGazetteerAfter, gazetteer));
  h->push_back(Feature(before ? kWordClassBefore : kWordClassAfter, classes));
  h->push_back(Feature(before ? kClusterBefore : kClusterAfter, cluster));
}

// Fills the word runs of `out` (TokenFeatures::word_hashes): what each of
// the text's distinct words, and the stand-ins for the text's edges, tells
// a token from each place where it stands beside a token that is scored
// (out->words and out->outside are set); the other runs are left empty.
// `casing` and `language` are the whole text's.
void DescribeWords(const std::vector<WordFacts>& words, uint64_t casing, uint64_t language,
                   TokenFeatures* out) {
  const size_t word_count = words.size() + 2;
  std::vector<uint8_t> wanted(word_count * kWordPlaces, 0);
  for (size_t i = 0; i < out->size(); ++i) {
    if (out->outside[i]) continue;
    const auto j = static_cast<std::ptrdiff_t>(i);
    wanted[size_t{out->words[i]} * kWordPlaces + kHere] = 1;
    wanted[size_t{out->WordAtOrEdge(j - 1, words.size())} * kWordPlaces + kBefore] = 1;
    wanted[size_t{out->WordAtOrEdge(j + 1, words.size())} * kWordPlaces + kAfter] = 1;
    wanted[size_t{out->WordAtOrEdge(j - 2, words.size())} * kWordPlaces + kTwoBefore] = 1;
    wanted[size_t{out->WordAtOrEdge(j + 2, words.size())} * kWordPlaces + kTwoAfter] = 1;
  }
  out->word_hashes.clear();
  out->word_offsets.assign(1, 0);
  // Closes the run of `word` at `place`, after adding the features `add`
  // pushes into a FeatureBuffer when the run is wanted.
  const auto run = [&](size_t word, WordPlace place, auto add) {
    if (wanted[word * kWordPlaces + place]) {
      FeatureBuffer h(&out->word_hashes);
      add(h);
    }
    out->word_offsets.push_back(static_cast<uint32_t>(out->word_hashes.size()));
  };
  for (size_t w = 0; w < words.size(); ++w) {
    const WordFacts& f = words[w];
    run(w, kHere, [&](FeatureBuffer& h) {
      if (f.kind == TokenKind::kWord) {
        h.push_back(Feature(kPrefix3, f.prefix3));
        h.push_back(Feature(kSuffix2, f.suffix2));
        h.push_back(Feature(kSuffix3, f.suffix3));
        h.push_back(Feature(kSuffix4, f.suffix4));
        h.push_back(Feature(kPrefix4, f.prefix4));
        for (size_t t = 0; t < f.inner_trigram_count; ++t) {
          h.push_back(Feature(kInnerTrigram, f.inner_trigrams[t]));
        }
      }
      h.push_back(Feature(kBias, 0));
      h.push_back(Feature(kLower, f.lower));
      h.push_back(Feature(kShape, f.shape));
      h.push_back(Feature(kKind, static_cast<uint64_t>(f.kind), casing));
      h.push_back(Feature(kGazetteer, f.gazetteer));
      h.push_back(Feature(kGazetteerShape, f.gazetteer, f.shape));
      for (uint32_t bit = 0; bit < 15; ++bit) {
        if (bit != 9 && (f.flags >> bit & 1)) h.push_back(Feature(kGazetteerFlag, bit));
      }
      if (f.proclitic_gazetteer != 0) {
        h.push_back(Feature(kGazetteerAfterProclitic, f.proclitic_gazetteer));
      }
      h.push_back(Feature(kWordClass, f.classes));
      for (int depth : {4, 8, 12, 16}) {
        h.push_back(Feature(kCluster, WordClusters::Prefix(f.cluster, depth)));
      }
      h.push_back(Feature(kClusterShape, WordClusters::Prefix(f.cluster, 8), f.shape));
      h.push_back(Feature(kCasingShape, casing, f.shape));
      h.push_back(Feature(kCasingGazetteer, casing, f.gazetteer));
      h.push_back(Feature(kLanguage, language));
      h.push_back(Feature(kLanguageGazetteer, language, f.gazetteer));
    });
    const uint64_t cluster = WordClusters::Prefix(f.cluster, 8);
    for (const WordPlace side : {kBefore, kAfter}) {
      run(w, side, [&](FeatureBuffer& h) {
        AddNeighbourFeatures(side, f.lower, f.gazetteer, f.classes, cluster, &h);
      });
    }
    run(w, kTwoBefore, [&](FeatureBuffer& h) { h.push_back(Feature(kLowerTwoBefore, f.lower)); });
    run(w, kTwoAfter, [&](FeatureBuffer& h) { h.push_back(Feature(kLowerTwoAfter, f.lower)); });
  }
  // The stand-ins, which are never at their own place: the one before the
  // text is only ever before a token, the one after it only after.
  constexpr uint64_t kEdgeGazetteer = uint64_t{1} << 40;
  constexpr uint64_t kEdgeClasses = uint64_t{1} << 20;
  constexpr uint64_t kEdgeCluster = uint64_t{1} << 40;
  const size_t before_text = words.size();
  const size_t after_text = words.size() + 1;
  const auto nothing = [](FeatureBuffer&) {};
  run(before_text, kHere, nothing);
  run(before_text, kBefore, [&](FeatureBuffer& h) {
    AddNeighbourFeatures(kBefore, kBeforeText, kEdgeGazetteer, kEdgeClasses, kEdgeCluster, &h);
  });
  run(before_text, kAfter, nothing);
  run(before_text, kTwoBefore,
      [&](FeatureBuffer& h) { h.push_back(Feature(kLowerTwoBefore, kBeforeText)); });
  run(before_text, kTwoAfter, nothing);
  run(after_text, kHere, nothing);
  run(after_text, kBefore, nothing);
  run(after_text, kAfter, [&](FeatureBuffer& h) {
    AddNeighbourFeatures(kAfter, kAfterText, kEdgeGazetteer, kEdgeClasses, kEdgeCluster, &h);
  });
  run(after_text, kTwoBefore, nothing);
  run(after_text, kTwoAfter,
      [&](FeatureBuffer& h) { h.push_back(Feature(kLowerTwoAfter, kAfterText)); });
}

}  // namespace

FeatureExtractor::FeatureExtractor(std::shared_ptr<const Gazetteer> gazetteer,
                                   std::shared_ptr<const WordClusters> clusters,
                                   std::shared_ptr<const WordVectors> vectors)
    : gazetteer_(std::move(gazetteer)),
      clusters_(std::move(clusters)),
      vectors_(std::move(vectors)),
      rules_(gazetteer_) {}

void FeatureExtractor::Extract(std::string_view text, std::span<const Candidate> claimed,
                               TokenFeatures* out) const {
  TokenizeWords(text, &out->tokens);
  thai_.Split(text, &out->tokens);
  Describe(text, claimed, out);
}

void FeatureExtractor::ExtractFromWords(std::string_view text, std::span<const WordToken> words,
                                        std::span<const Candidate> claimed,
                                        TokenFeatures* out) const {
  out->tokens.assign(words.begin(), words.end());
  Describe(text, claimed, out);
}

void FeatureExtractor::Describe(std::string_view text, std::span<const Candidate> claimed,
                                TokenFeatures* out) const {
  const std::vector<WordToken>& tokens = out->tokens;
  const size_t n = tokens.size();
  const std::vector<RuleVotes> votes = rules_.Votes(text, claimed, tokens);
  std::vector<WordFacts> words;  // the distinct words, in order of appearance
  std::vector<TokenPlace> places(n);
  WordMemo memo(text, tokens);
  CasingTally casing_tally;
  LanguageTally language_tally;
  TextMemory memory;
  std::vector<uint32_t> openings;  // words longer gazetteer keys start with
  out->vectors.assign(n, nullptr);
  out->words.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const WordToken& token = tokens[i];
    TokenPlace& place = places[i];
    out->words[i] = memo.IndexOf(i);
    if (out->words[i] == words.size()) {
      words.push_back(FactsOfWord(*gazetteer_, *clusters_, *vectors_,
                                  text.substr(token.start, token.end - token.start), token.kind));
    }
    const WordFacts& word = words[out->words[i]];
    out->vectors[i] = word.vector;
    const bool after_stop =
        i == 0 || token.line_start ||
        (tokens[i - 1].kind == TokenKind::kPunctuation && EndsSentence(text, tokens[i - 1]));
    place.sentence_start = after_stop;
    casing_tally.Add(token, word);
    language_tally.Add(token, word);
    memory.Add(token, word, place.sentence_start);
    if (token.kind == TokenKind::kWord && (word.flags & kPrefix)) {
      openings.push_back(static_cast<uint32_t>(i));
    }
  }
  MarkMultiWordEntries(*gazetteer_, text, tokens, openings, &places);
  MarkUnspacedEntries(*gazetteer_, text, tokens, &places);
  const uint64_t casing = casing_tally.Result();
  const uint64_t language = language_tally.Result();
  const std::vector<uint64_t> field_keys = FieldKeys(text, tokens, words, out->words);

  auto word_at = [&](std::ptrdiff_t j) -> const WordFacts& { return words[out->words[j]]; };
  auto lower_at = [&](std::ptrdiff_t j) {
    if (j < 0) return kBeforeText;
    return j >= static_cast<std::ptrdiff_t>(n) ? kAfterText : word_at(j).lower;
  };
  auto shape_at = [&](std::ptrdiff_t j) {
    if (j < 0) return kBeforeText;
    return j >= static_cast<std::ptrdiff_t>(n) ? kAfterText : word_at(j).shape;
  };

  out->outside.assign(n, 0);
  for (size_t u = 0; u < n; ++u) {
    out->outside[u] =
        DecidedOutside(text, tokens[u], word_at(static_cast<std::ptrdiff_t>(u)), casing) &&
        !JoinsFirmName(text, tokens, u, [&](size_t j) { return word_at(j).class_bits; });
  }
  DescribeWords(words, casing, language, out);

  out->hashes.clear();
  out->offsets.assign(1, 0);
  out->hashes.reserve(n * 24);
  Gap gap_after = kTextEdge;  // of the token before u: the gap before u
  for (size_t u = 0; u < n; ++u) {
    const std::ptrdiff_t i = static_cast<std::ptrdiff_t>(u);
    const Gap gap_before = gap_after;
    gap_after = GapBetween(text, tokens, u, u + 1);
    if (out->outside[u]) {
      out->offsets.push_back(static_cast<uint32_t>(out->hashes.size()));
      continue;
    }
    const WordFacts& f = word_at(i);
    const TokenPlace& place = places[u];
    FeatureBuffer h(&out->hashes);
    h.push_back(Feature(kShapeBeforeAndHere, shape_at(i - 1), f.shape));
    h.push_back(Feature(kShapeHereAndAfter, f.shape, shape_at(i + 1)));
    h.push_back(Feature(kShapeAround, Mix64(shape_at(i - 1)) ^ f.shape, shape_at(i + 1)));
    h.push_back(Feature(kBigramBefore, lower_at(i - 1), f.lower));
    h.push_back(Feature(kBigramAfter, f.lower, lower_at(i + 1)));
    h.push_back(Feature(kTwoWordsBefore, lower_at(i - 2), lower_at(i - 1)));
    if (place.multi_word != 0) h.push_back(Feature(kMultiWordEntry, place.multi_word));
    h.push_back(Feature(kSentenceStartShape, place.sentence_start, f.shape));
    if (place.sentence_start) {
      // "Bill the client", "Mark all as read": a sentence's first word, what
      // the dictionaries say of it, and the word after it.
      h.push_back(Feature(kOpeningWordAndNext, f.gazetteer, lower_at(i + 1)));
    }
    h.push_back(Feature(kLineStartShape, tokens[u].line_start, f.shape));
    h.push_back(Feature(kGapBefore, gap_before, f.shape));
    h.push_back(Feature(kGapAfter, gap_after, f.shape));
    h.push_back(Feature(kLowerBeforeShape, lower_at(i - 1), f.shape));
    h.push_back(Feature(kShapeLowerAfter, f.shape, lower_at(i + 1)));
    h.push_back(Feature(kLanguageShape, language * 2 + place.sentence_start, f.shape));
    if (field_keys[u] != 0) {
      h.push_back(Feature(kFieldKey, field_keys[u]));
      h.push_back(Feature(kFieldKeyShape, field_keys[u], f.shape));
    }
    const RuleVotes& vote = votes[u];
    for (int t = 0; t < kTaggedTypeCount; ++t) {
      if (vote.position[t] < 0) continue;
      h.push_back(Feature(kRule, t * 8 + vote.position[t], vote.score_bucket[t]));
      h.push_back(Feature(kRuleType, t));
    }
    const auto best_type_at = [&](std::ptrdiff_t j) {
      return j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? -2 : votes[j].best_type;
    };
    if (f.capitalised) {
      h.push_back(
          Feature(kSeenInLowerCase, memory.SeenInLowerCase(f.lower), place.sentence_start));
      h.push_back(Feature(kSeenCapitalisedInside, memory.SeenCapitalisedInside(f.lower),
                          place.sentence_start));
    }
    h.push_back(Feature(kRuleBefore, best_type_at(i - 1) + 2, vote.best_type + 2));
    h.push_back(Feature(kRuleAfter, vote.best_type + 2, best_type_at(i + 1) + 2));
    h.Flush();
    out->offsets.push_back(static_cast<uint32_t>(out->hashes.size()));
  }
}

void TokenFeatures::AppendAllHashes(size_t i, std::vector<uint64_t>* out) const {
  if (outside[i]) return;
  const auto j = static_cast<std::ptrdiff_t>(i);
  for (const auto& [offset, place] : {std::pair{0, kHere}, std::pair{-1, kBefore},
                                      std::pair{1, kAfter}, std::pair{-2, kTwoBefore},
                                      std::pair{2, kTwoAfter}}) {
    const std::span<const uint64_t> run = WordHashes(WordAt(j + offset), place);
    out->insert(out->end(), run.begin(), run.end());
  }
  out->insert(out->end(), hashes.begin() + offsets[i], hashes.begin() + offsets[i + 1]);
}

}  // namespace privacy::detect
