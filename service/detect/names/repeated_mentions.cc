#include "detect/names/repeated_mentions.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "detect/scan/text_boundary.h"
#include "detect/tagger/entity_tags.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {
namespace {

// Different mentions starting with the same word that are looked for; more
// are dropped, so that a hostile text cannot make the search quadratic.
constexpr size_t kMaxMentionsPerFirstWord = 16;

// Words of a person's name shorter than this are not looked for alone
// ("Al", "Jo" are too often something else).
constexpr size_t kMinPartCodePoints = 3;

// A word sequence to look for: the tokens [first, first + size) of a
// finding, and what an occurrence becomes.
struct Mention {
  uint64_t first_word_hash = 0;
  uint32_t first = 0;
  uint32_t size = 0;
  int type = 0;  // index into kTaggedTypes
  double score = 0.0;
};

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// FNV-1a 64 of `word` with ASCII letters lower-cased.
uint64_t HashOfLowerCase(std::string_view word) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : word) hash = (hash ^ static_cast<unsigned char>(AsciiLower(c))) * 0x100000001b3ULL;
  return hash;
}

bool EqualIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](char x, char y) { return AsciiLower(x) == AsciiLower(y); });
}

// Capitalised and with lower-case letters ("Gonzalez", not "NASA" or "van"),
// at least kMinPartCodePoints long.
bool IsNamePart(std::string_view word) {
  size_t length = 0;
  const uint32_t first = CodePointAt(word, 0, &length);
  if (!IsUpperCodePoint(first)) return false;
  size_t code_points = 1;
  bool lower = false;
  for (size_t pos = length; pos < word.size(); pos += length) {
    const uint32_t cp = CodePointAt(word, pos, &length);
    ++code_points;
    lower = lower || (cp >= 'a' && cp <= 'z') || (cp >= 0x80 && !IsUpperCodePoint(cp));
  }
  return lower && code_points >= kMinPartCodePoints;
}

}  // namespace

void AddRepeatedMentions(std::string_view text, std::span<const WordToken> tokens,
                         std::vector<Finding>* findings) {
  const bool any_name = std::any_of(findings->begin(), findings->end(),
                                    [](const Finding& f) { return TaggedTypeIndex(f.type) >= 0; });
  if (!any_name) return;
  const size_t n = tokens.size();
  auto word_at = [&](size_t i) { return text.substr(tokens[i].start, tokens[i].end - tokens[i].start); };

  // Tokens touching a finding (findings are sorted and apart, so their ends
  // are sorted too).
  std::vector<uint8_t> covered(n, 0);
  for (size_t i = 0, f = 0; i < n; ++i) {
    while (f < findings->size() && (*findings)[f].end <= tokens[i].start) ++f;
    covered[i] = f < findings->size() && (*findings)[f].start < tokens[i].end;
  }

  const auto same_words = [&](uint32_t a, uint32_t b, uint32_t size) {
    for (uint32_t k = 0; k < size; ++k) {
      if (word_at(a + k) != word_at(b + k)) return false;
    }
    return true;
  };
  std::vector<Mention> mentions;
  for (size_t f = 0, t = 0; f < findings->size(); ++f) {
    const Finding& finding = (*findings)[f];
    const int type = TaggedTypeIndex(finding.type);
    while (t < n && tokens[t].start < finding.start) ++t;
    if (type < 0) continue;
    size_t end = t;
    size_t words = 0;
    for (; end < n && tokens[end].end <= finding.end; ++end) {
      if (tokens[end].kind == TokenKind::kWord) ++words;
    }
    if (end == t) continue;
    mentions.push_back({HashOfLowerCase(word_at(t)), static_cast<uint32_t>(t),
                        static_cast<uint32_t>(end - t), type, finding.score});
    if (kTaggedTypes[type] != "PERSON" || words < 2) continue;
    for (size_t i = t; i < end; ++i) {
      if (tokens[i].kind == TokenKind::kWord && IsNamePart(word_at(i))) {
        mentions.push_back(
            {HashOfLowerCase(word_at(i)), static_cast<uint32_t>(i), 1, type, finding.score});
      }
    }
  }
  // By first word, longest first ("Maria Gonzalez" wins over "Maria"),
  // the same words once (with their best score), and at most
  // kMaxMentionsPerFirstWord of one first word.
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    if (a.first_word_hash != b.first_word_hash) return a.first_word_hash < b.first_word_hash;
    if (a.size != b.size) return a.size > b.size;
    return a.score > b.score;
  });
  std::vector<Mention> kept;
  for (size_t i = 0, run = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (i > 0 && m.first_word_hash != mentions[i - 1].first_word_hash) run = 0;
    const bool repeated = std::any_of(kept.end() - static_cast<std::ptrdiff_t>(run), kept.end(), [&](const Mention& k) {
      return k.size == m.size && same_words(k.first, m.first, m.size);
    });
    if (repeated || run == kMaxMentionsPerFirstWord) continue;
    kept.push_back(m);
    ++run;
  }

  // The first bytes, in lower case, that mentions start with: the scans
  // below hash only the words that could be one.
  std::array<bool, 256> starts_mention = {};
  std::array<bool, 256> starts_one_word = {};
  for (const Mention& m : kept) {
    const auto first = static_cast<unsigned char>(AsciiLower(word_at(m.first)[0]));
    starts_mention[first] = true;
    if (m.size == 1) starts_one_word[first] = true;
  }

  // Words written in lower case outside the findings: a one-word mention
  // that is also such a word ("Will", "will") is not looked for.
  std::vector<uint64_t> one_word_forms;
  for (const Mention& m : kept) {
    if (m.size == 1) one_word_forms.push_back(HashOfLowerCase(word_at(m.first)));
  }
  std::sort(one_word_forms.begin(), one_word_forms.end());
  std::vector<uint64_t> also_lower_case;
  for (size_t i = 0; i < n && !one_word_forms.empty(); ++i) {
    const std::string_view word = word_at(i);
    if (covered[i] || tokens[i].kind != TokenKind::kWord || word[0] < 'a' || word[0] > 'z' ||
        !starts_one_word[static_cast<unsigned char>(word[0])]) {
      continue;
    }
    const uint64_t hash = HashOfLowerCase(word);
    if (std::binary_search(one_word_forms.begin(), one_word_forms.end(), hash)) {
      also_lower_case.push_back(hash);
    }
  }
  std::sort(also_lower_case.begin(), also_lower_case.end());

  // A place or organization found as one word that is also a word of a
  // person's name in the text is that person ("Charles J. Fillmore ...
  // Fillmore's frames").
  const auto person_part = [&](size_t i) {
    const uint64_t hash = HashOfLowerCase(word_at(i));
    auto it = std::lower_bound(kept.begin(), kept.end(), hash,
                               [](const Mention& m, uint64_t h) { return m.first_word_hash < h; });
    for (; it != kept.end() && it->first_word_hash == hash; ++it) {
      if (it->size == 1 && kTaggedTypes[it->type] == "PERSON" && word_at(it->first) == word_at(i)) {
        return true;
      }
    }
    return false;
  };
  for (size_t f = 0, t = 0; f < findings->size(); ++f) {
    Finding& finding = (*findings)[f];
    while (t < n && tokens[t].start < finding.start) ++t;
    const int type = TaggedTypeIndex(finding.type);
    if (type < 0 || kTaggedTypes[type] == "PERSON" || t >= n || tokens[t].start != finding.start ||
        tokens[t].end != finding.end || tokens[t].kind != TokenKind::kWord) {
      continue;
    }
    if (person_part(t)) finding.type = "PERSON";
  }

  std::vector<Finding> added;
  for (size_t i = 0; i < n;) {
    const Mention* hit = nullptr;
    if (!covered[i] && tokens[i].kind == TokenKind::kWord &&
        starts_mention[static_cast<unsigned char>(AsciiLower(text[tokens[i].start]))]) {
      const uint64_t hash = HashOfLowerCase(word_at(i));
      auto it = std::lower_bound(kept.begin(), kept.end(), hash,
                                 [](const Mention& m, uint64_t h) { return m.first_word_hash < h; });
      for (; it != kept.end() && it->first_word_hash == hash && hit == nullptr; ++it) {
        if (i + it->size > n) continue;
        // One word must match in case ("Mark" is not "mark"), and must not
        // be an ordinary word of the text; several in any case ("maria
        // gonzalez", "MARIA GONZALEZ").
        const bool one_word = it->size == 1;
        bool same = true;
        for (uint32_t k = 0; k < it->size && same; ++k) {
          const std::string_view here = word_at(i + k), there = word_at(it->first + k);
          same = (k == 0 || !covered[i + k]) &&
                 (one_word ? here == there : EqualIgnoringAsciiCase(here, there));
        }
        if (same && one_word) {
          same = !std::binary_search(also_lower_case.begin(), also_lower_case.end(), hash);
        }
        if (same) hit = &*it;
      }
    }
    if (hit == nullptr) {
      ++i;
      continue;
    }
    const size_t last = i + hit->size - 1;
    added.push_back({std::string(kTaggedTypes[hit->type]), tokens[i].start, tokens[last].end, hit->score});
    i = last + 1;
  }
  if (added.empty()) return;
  findings->insert(findings->end(), added.begin(), added.end());
  std::sort(findings->begin(), findings->end(),
            [](const Finding& a, const Finding& b) { return a.start < b.start; });
}

}  // namespace privacy::detect
