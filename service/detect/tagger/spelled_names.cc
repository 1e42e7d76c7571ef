#include "detect/tagger/spelled_names.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "detect/names/gazetteer.h"
#include "detect/names/name_key.h"
#include "detect/scan/text_boundary.h"
#include "detect/tagger/entity_adjustments.h"

namespace privacy::detect {
namespace {

constexpr int kPersonType = 0;
constexpr size_t kMinLetters = 3;
constexpr size_t kWordsLookedBack = 8;
constexpr size_t kWordsSpelledTogether = 3;
constexpr size_t kMaxSpelledRuns = 64;

// A run of tokens that spells a word: tokens [first, last] and the word.
struct SpelledRun {
  size_t first = 0;
  size_t last = 0;
  std::string word;  // the letters, folded (FoldWord)
};

// True for a letter of an alphabet with capitals (Latin, Greek,
// Cyrillic), which names are spelled out in; a syllable of Hangul or a
// CJK character is a word of its own, not a spelled letter.
bool IsSpellingLetter(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || IsLetterCodePoint(cp);
}

// The number of code points of UTF-8 `text`.
size_t CodePointCount(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The one letter `word` is, or 0.
uint32_t SingleLetter(std::string_view word) {
  size_t length = 0;
  const uint32_t cp = CodePointAt(word, 0, &length);
  return length == word.size() && IsSpellingLetter(cp) ? cp : 0;
}

// The letters of a token spelled with joiners ("S-M-I-T-H", "S.M.I.T.H"):
// one letter, then a "-" or "." and one letter, again and again; empty
// when the token is not such.
std::string LettersOfJoinedToken(std::string_view word) {
  std::string letters;
  size_t pos = 0;
  while (pos < word.size()) {
    size_t length = 0;
    if (!IsSpellingLetter(CodePointAt(word, pos, &length))) return {};
    letters.append(word.substr(pos, length));
    pos += length;
    if (pos == word.size()) break;
    if (word[pos] != '-' && word[pos] != '.') return {};
    ++pos;
  }
  return letters;
}

// True when only one space, or a "-" or "." with at most a space on each
// side, lies between two tokens: what separates spelled letters.
bool SpellingGap(std::string_view between) {
  if (between == " ") return true;
  std::string_view rest = between;
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  return rest == "-" || rest == ".";
}

// The runs of tokens in `tokens` that spell a word of kMinLetters or more.
std::vector<SpelledRun> FindSpelledRuns(std::string_view text,
                                        const std::vector<WordToken>& tokens) {
  std::vector<SpelledRun> runs;
  const auto word_of = [&](size_t i) {
    return text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kWord) continue;
    // Most words are no letter, nor a letter and a joiner: one look tells.
    const std::string_view word = word_of(i);
    size_t first_length = 0;
    if (!IsSpellingLetter(CodePointAt(word, 0, &first_length)) ||
        (first_length < word.size() && word[first_length] != '-' && word[first_length] != '.')) {
      continue;
    }
    const std::string joined = LettersOfJoinedToken(word);
    if (joined.empty()) continue;
    if (first_length < word.size()) {  // "S-M-I-T-H" alone
      if (CodePointCount(joined) >= kMinLetters) runs.push_back({i, i, FoldWord(joined)});
      continue;
    }
    std::string letters = joined;
    size_t last = i;
    for (size_t next = i + 1; next < tokens.size(); ++next) {
      if (tokens[next].line_start) break;
      if (tokens[next].kind != TokenKind::kWord) {
        if (word_of(next) == "-" || word_of(next) == ".") continue;
        break;
      }
      if (SingleLetter(word_of(next)) == 0 ||
          !SpellingGap(text.substr(tokens[last].end, tokens[next].start - tokens[last].end))) {
        break;
      }
      letters.append(word_of(next));
      last = next;
    }
    if (CodePointCount(letters) >= kMinLetters) runs.push_back({i, last, FoldWord(letters)});
    i = last;
  }
  return runs;
}

// The words of `span` folded, split at spaces, hyphens, apostrophes,
// periods and commas.
std::vector<std::string> FoldedWords(std::string_view span) {
  std::vector<std::string> words;
  std::string current;
  for (const char c : FoldWord(span)) {
    if (c == ' ' || c == '-' || c == '\'' || c == '.' || c == ',') {
      if (!current.empty()) words.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) words.push_back(current);
  return words;
}

}  // namespace

void AddSpelledNames(std::string_view text, const std::vector<WordToken>& tokens,
                     const Gazetteer& gazetteer, std::vector<TaggedEntity>* entities,
                     size_t first) {
  std::vector<SpelledRun> runs = FindSpelledRuns(text, tokens);
  if (runs.empty()) return;
  // No text spells out more names than this; the bound keeps a hostile
  // one ("a b c X a b c X ...") linear.
  if (runs.size() > kMaxSpelledRuns) runs.resize(kMaxSpelledRuns);
  std::vector<TaggedEntity>& out = *entities;
  // The surest entity the model found with each word, and with all its
  // words together ("hopebanda"), folded.
  std::unordered_map<std::string, size_t> surest_with;
  const auto remember = [&](const std::string& key, size_t e) {
    const auto [it, added] = surest_with.emplace(key, e);
    if (!added && out[e].probability > out[it->second].probability) it->second = e;
  };
  for (size_t e = first; e < out.size(); ++e) {
    const std::vector<std::string> words =
        FoldedWords(text.substr(out[e].start, out[e].end - out[e].start));
    std::string all;
    for (const std::string& word : words) {
      remember(word, e);
      all += word;
    }
    remember(all, e);
  }
  // True when an entity at least `probability` sure covers [start, end).
  const auto covered = [&](uint32_t start, uint32_t end, double probability) {
    for (size_t e = first; e < out.size(); ++e) {
      if (out[e].start <= start && out[e].end >= end && out[e].probability >= probability) {
        return true;
      }
    }
    return false;
  };
  // Adds [start, end) as an entity like `like`, unless one as sure covers it.
  const auto add = [&](uint32_t start, uint32_t end, TaggedEntity like) {
    if (covered(start, end, like.probability)) return;
    like.start = start;
    like.end = end;
    out.push_back(like);
  };
  // Marks the words just before `run` that its letters spell (up to
  // kWordsSpelledTogether of them, among the kWordsLookedBack before it),
  // if any, and the letters a person's name.
  const auto mark_words_spelled = [&](const SpelledRun& run) {
    TaggedEntity name;
    name.type = kPersonType;
    name.probability = kSpelledWordProbability;
    const size_t from = run.first > kWordsLookedBack ? run.first - kWordsLookedBack : 0;
    for (size_t last = run.first; last-- > from;) {
      std::string words;
      for (size_t i = last + 1; i-- > from && i + kWordsSpelledTogether > last;) {
        if (tokens[i].kind != TokenKind::kWord) break;
        words.insert(0, FoldWord(text.substr(tokens[i].start, tokens[i].end - tokens[i].start)));
        if (words != run.word) continue;
        add(tokens[i].start, tokens[last].end, name);
        add(tokens[run.first].start, tokens[run.last].end, name);
        return;
      }
    }
  };
  for (const SpelledRun& run : runs) {
    const uint32_t start = tokens[run.first].start;
    const uint32_t end = tokens[run.last].end;
    const auto found = surest_with.find(run.word);
    if (found != surest_with.end() && out[found->second].probability >= kSpelledWordProbability) {
      add(start, end, out[found->second]);
      continue;
    }
    // Below that, the spelling is what makes it a name: not of an English
    // word ("c a t", "n e c e s s a r y", though some lists hold it as a
    // surname), unless it is a first name as well ("Hope").
    NameKey key;
    key.AddWord(run.word);
    const uint32_t flags = gazetteer.Flags(key);
    if ((flags & kWordFlags) != 0 && (flags & kFirstName) == 0) continue;
    if (found != surest_with.end()) {
      out[found->second].probability = kSpelledWordProbability;
      add(start, end, out[found->second]);
      continue;
    }
    mark_words_spelled(run);
  }
  SortEntitiesByStart(entities, first);
}

}  // namespace privacy::detect
