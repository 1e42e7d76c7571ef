#include "detect/names/repeated_mentions.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "detect/names/name_chunks.h"
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

// A word sequence to look for, with what an occurrence becomes.
struct Mention {
  std::vector<std::string_view> words;  // token texts
  int type = 0;                         // index into kTaggedTypes
  double score = 0.0;
};

int NameTypeIndex(std::string_view type) {
  for (int t = 0; t < kTaggedTypeCount; ++t) {
    if (kTaggedTypes[t] == type) return t;
  }
  return -1;
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

std::string AsciiLower(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// The mentions to look for, by their first word.
class MentionIndex {
 public:
  void Add(Mention mention) {
    std::vector<Mention>& list = by_first_word_[mention.words.front()];
    for (Mention& known : list) {
      if (known.words != mention.words) continue;
      if (mention.score > known.score) known = std::move(mention);
      return;
    }
    if (list.size() < kMaxMentionsPerFirstWord) list.push_back(std::move(mention));
  }

  // Longest first, so that "Maria Gonzalez" wins over "Maria".
  void Finish() {
    for (auto& [word, list] : by_first_word_) {
      std::stable_sort(list.begin(), list.end(), [](const Mention& a, const Mention& b) {
        return a.words.size() > b.words.size();
      });
    }
  }

  bool empty() const { return by_first_word_.empty(); }

  const std::vector<Mention>* StartingWith(std::string_view word) const {
    const auto it = by_first_word_.find(word);
    return it == by_first_word_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string_view, std::vector<Mention>> by_first_word_;
};

}  // namespace

void AddRepeatedMentions(std::string_view text, std::vector<Finding>* findings) {
  const bool any_name = std::any_of(findings->begin(), findings->end(),
                                    [](const Finding& f) { return NameTypeIndex(f.type) >= 0; });
  if (!any_name) return;
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  const size_t n = tokens.size();
  auto word_at = [&](size_t i) { return text.substr(tokens[i].start, tokens[i].end - tokens[i].start); };

  // Tokens touching a finding (findings are sorted and apart, so their ends
  // are sorted too).
  std::vector<uint8_t> covered(n, 0);
  for (size_t i = 0, f = 0; i < n; ++i) {
    while (f < findings->size() && (*findings)[f].end <= tokens[i].start) ++f;
    covered[i] = f < findings->size() && (*findings)[f].start < tokens[i].end;
  }

  MentionIndex mentions;
  for (size_t f = 0, t = 0; f < findings->size(); ++f) {
    const Finding& finding = (*findings)[f];
    const int type = NameTypeIndex(finding.type);
    while (t < n && tokens[t].start < finding.start) ++t;
    if (type < 0) continue;
    size_t end = t;
    while (end < n && tokens[end].end <= finding.end) ++end;
    if (end == t) continue;
    Mention whole{{}, type, finding.score};
    size_t words = 0;
    for (size_t i = t; i < end; ++i) {
      whole.words.push_back(word_at(i));
      if (tokens[i].kind == TokenKind::kWord) ++words;
    }
    mentions.Add(std::move(whole));
    if (kTaggedTypes[type] != "PERSON" || words < 2) continue;
    for (size_t i = t; i < end; ++i) {
      if (tokens[i].kind == TokenKind::kWord && IsNamePart(word_at(i))) {
        mentions.Add({{word_at(i)}, type, finding.score});
      }
    }
  }
  mentions.Finish();

  // Words written in lower case outside the findings: a one-word mention
  // that is also such a word ("Will", "will") is not looked for.
  std::unordered_set<std::string_view> lower_case_words;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view word = word_at(i);
    if (!covered[i] && tokens[i].kind == TokenKind::kWord && word[0] >= 'a' && word[0] <= 'z') {
      lower_case_words.insert(word);
    }
  }

  std::vector<Finding> added;
  for (size_t i = 0; i < n;) {
    const std::vector<Mention>* candidates =
        covered[i] || tokens[i].kind != TokenKind::kWord ? nullptr : mentions.StartingWith(word_at(i));
    const Mention* hit = nullptr;
    for (size_t c = 0; candidates != nullptr && c < candidates->size() && hit == nullptr; ++c) {
      const Mention& mention = (*candidates)[c];
      const size_t size = mention.words.size();
      if (i + size > n) continue;
      bool same = true;
      for (size_t k = 1; k < size && same; ++k) {
        same = !covered[i + k] && word_at(i + k) == mention.words[k];
      }
      if (same && size == 1) same = !lower_case_words.count(AsciiLower(mention.words[0]));
      if (same) hit = &mention;
    }
    if (hit == nullptr) {
      ++i;
      continue;
    }
    const size_t last = i + hit->words.size() - 1;
    added.push_back({std::string(kTaggedTypes[hit->type]), tokens[i].start, tokens[last].end, hit->score});
    i = last + 1;
  }
  if (added.empty()) return;
  findings->insert(findings->end(), added.begin(), added.end());
  std::sort(findings->begin(), findings->end(),
            [](const Finding& a, const Finding& b) { return a.start < b.start; });
}

}  // namespace privacy::detect
