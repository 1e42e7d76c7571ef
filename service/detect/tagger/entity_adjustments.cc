#include "detect/tagger/entity_adjustments.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <numeric>
#include <string>

#include "detect/names/name_words.h"
#include "detect/scan/literal_pattern.h"
#include "detect/tagger/tagger_model.h"

namespace privacy::detect {
namespace {

constexpr int kPersonType = 0;
constexpr int kLocationType = 1;
constexpr int kOrganizationType = 2;
static_assert(kTaggedTypes[kPersonType] == "PERSON" && kTaggedTypes[kLocationType] == "LOCATION" &&
              kTaggedTypes[kOrganizationType] == "ORGANIZATION");

// True when `value` holds an ASCII letter or digit, or any character beyond
// ASCII (the letters of other scripts).
bool HasLetterOrDigit(std::string_view value) {
  return std::any_of(value.begin(), value.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    const auto lower = static_cast<unsigned char>(byte | 0x20);
    return byte >= 0x80 || (byte >= '0' && byte <= '9') || (lower >= 'a' && lower <= 'z');
  });
}

// True when `value` is one character (one UTF-8 code point): "I", "W".
bool IsOneCharacter(std::string_view value) {
  return std::count_if(value.begin(), value.end(), [](char c) {
           return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
         }) == 1;
}

// True when `keep` holds for every word of `value` (its runs between
// spaces).
template <typename Keep>
bool EveryWord(std::string_view value, Keep keep) {
  while (!value.empty()) {
    const size_t space = std::min(value.find(' '), value.size());
    if (space > 0 && !keep(value.substr(0, space))) return false;
    value.remove_prefix(std::min(space + 1, value.size()));
  }
  return true;
}

// True when every word of `value` only joins names: one names are built
// with, in lower case ("in", "de"), or a function word that never heads a
// name and joins them in lower case ("The", "Of"). Such words join a name,
// they are none; a capitalised particle may be a surname ("Le", "Du").
bool OnlyJoiningWords(std::string_view value) {
  return EveryWord(value, [](std::string_view word) {
    const std::string lower = AsciiLower(word);
    return lower == word ? JoinsNames(word, NameWordClasses(word))
                         : IsNeverAName(word) && JoinsNames(lower, 0);
  });
}

// The end of the organization words ("Enterprises", "Group", "Holdings
// Ltd") that follow `end` one space on, or `end` when none does.
uint32_t EndOfOrganizationWords(std::string_view text, uint32_t end) {
  while (end + 1 < text.size() && text[end] == ' ') {
    size_t word_end = end + 1;
    while (word_end < text.size() && text[word_end] != ' ' && text[word_end] != ',' &&
           text[word_end] != ';' && text[word_end] != ':' && text[word_end] != '?' &&
           text[word_end] != '!' && text[word_end] != ')') {
      ++word_end;
    }
    std::string_view word = text.substr(end + 1, word_end - end - 1);
    if (word.ends_with('.') && !IsLegalForm(word)) word.remove_suffix(1);  // a sentence's end
    if (!IsOrganizationSuffix(word)) break;
    end = static_cast<uint32_t>(end + 1 + word.size());
  }
  return end;
}

// Whether `word` may be a word of a name that a cue (an honorific, a
// greeting) or a surer name beside it vouches for: capitalised, and no role
// ("Mr. President"), honorific or English function word ("Mr. And Mrs.
// Smith" in a title). Words that are names elsewhere ("Do", "Le") are.
bool MayBeNameWord(std::string_view word) {
  static constexpr std::string_view kFunctionWords[] = {"and", "or", "the", "of", "for", "in",
                                                        "on", "at", "with", "by", "to"};
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z' && !IsRoleWord(word) &&
         !IsHonorific(word) &&
         std::find(std::begin(kFunctionWords), std::end(kFunctionWords), AsciiLower(word)) ==
             std::end(kFunctionWords);
}

// Whether `word` is written in capitals ("OYEBANJI", "DR."): a capital
// and no lower-case ASCII letter.
bool IsAllCapitals(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
         std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Whether `word` is written in title case ("Thanh", not "THANH").
bool IsTitleCase(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z' &&
         std::any_of(word.begin() + 1, word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A text's tokens, read as words.
struct TokenText {
  std::string_view text;
  const std::vector<WordToken>& tokens;

  std::string_view Word(size_t i) const {
    return text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
  }
  bool OneSpaceBetween(size_t a, size_t b) const {
    return tokens[b].start == tokens[a].end + 1 && text[tokens[a].end] == ' ';
  }
  // The last token of the name that opens at word `name`: it and the
  // title-case words after it, one space apart, before token `limit`.
  size_t NameRunEnd(size_t name, size_t limit) const {
    size_t last = name;
    while (last + 1 < limit && tokens[last + 1].kind == TokenKind::kWord &&
           OneSpaceBetween(last, last + 1) && IsTitleCase(Word(last + 1)) &&
           MayBeNameWord(Word(last + 1))) {
      ++last;
    }
    return last;
  }
};

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Degrees and licences written after a person's name that are also the
// postal code of a state ("Jane Roe, MD": Doctor of Medicine, not
// Maryland).
bool IsCredentialCode(std::string_view word) {
  return IsOneOf(word, {"MD", "PA", "DO", "MA", "MS", "ND", "DC", "PE"});
}

// Whether `next`, the word after a region's code of `countries`
// (RegionCodeCountries), may follow it: a postcode of the code's country
// ("IL 62704", "NSW 2000", "ON K1A"), or a word not in capitals (not
// "NM 1341", a flight, nor "OR CALL ME").
bool FitsRegionCode(std::string_view next, uint32_t countries) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto is_capital = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (is_digit(next[0])) {
    const size_t digits = static_cast<size_t>(
        std::find_if_not(next.begin(), next.end(), is_digit) - next.begin());
    return (digits == 5 && (countries & kUnitedStatesRegion)) ||
           (digits == 4 && next.size() == 4 && (countries & kAustraliaRegion));
  }
  if (next.size() == 3 && is_capital(next[0]) && is_digit(next[1]) && is_capital(next[2])) {
    return (countries & kCanadaRegion) != 0;
  }
  return !IsAllCapitals(next);
}

// Whom a greeting addresses when it names nobody: "Hi All", "Dear Customer".
bool IsAddressee(std::string_view word) {
  return IsOneOf(word, {"All", "Team", "Everyone", "Everybody", "Folks", "Guys", "There", "Sir",
                        "Madam", "Customer", "Friends", "Colleagues", "Support", "Sales",
                        "World", "Both", "You"});
}

// The order SortEntitiesByStart keeps: by start, longer first.
bool StartsBefore(const TaggedEntity& a, const TaggedEntity& b) {
  return a.start != b.start ? a.start < b.start : a.end > b.end;
}

// Adds `added` (in text order) to the sorted `entities[first, end)`, which
// stay sorted.
void MergeAdded(std::vector<TaggedEntity>* entities, size_t first,
                const std::vector<TaggedEntity>& added) {
  const auto middle = static_cast<std::ptrdiff_t>(entities->size());
  entities->insert(entities->end(), added.begin(), added.end());
  std::inplace_merge(entities->begin() + static_cast<std::ptrdiff_t>(first),
                     entities->begin() + middle, entities->end(), StartsBefore);
}

// The first of the sorted `entities[first, end)` starting at `start` or later.
size_t FirstStartingAt(const std::vector<TaggedEntity>& entities, size_t first, uint32_t start) {
  return static_cast<size_t>(
      std::lower_bound(entities.begin() + static_cast<std::ptrdiff_t>(first), entities.end(),
                       start, [](const TaggedEntity& e, uint32_t at) { return e.start < at; }) -
      entities.begin());
}

// Removes the entities whose `dropped` entry is set, keeping the order.
void EraseDropped(std::vector<TaggedEntity>* entities, size_t first,
                  const std::vector<bool>& dropped) {
  size_t kept = first;
  for (size_t i = first; i < entities->size(); ++i) {
    if (!dropped[i]) (*entities)[kept++] = (*entities)[i];
  }
  entities->resize(kept);
}

// Whether `entity`'s last word is an organization's ("Smith Clinic").
bool EndsWithOrganizationSuffix(std::string_view text, const TaggedEntity& entity) {
  const std::string_view value = text.substr(entity.start, entity.end - entity.start);
  const size_t space = value.rfind(' ');
  return IsOrganizationSuffix(space == std::string_view::npos ? value : value.substr(space + 1));
}

// Marks [start, stop) a person's name at least kCuedNameProbability sure:
// the longest person's name the model found within it is raised to that;
// when the model found nothing there, one is added to `added`; another
// entity there stays the model's call, unless `cue_names_people` (an
// honorific) and it lies wholly within and does not end with an
// organization's suffix ("Dr. Smith Clinic"): then it is a person's name
// too. `entities[first, end)` are sorted by start; the model's two levels
// of entities each hold runs that do not overlap, so at most the last two
// starting before `start` reach into it.
void MarkPersonName(std::string_view text, uint32_t start, uint32_t stop, bool cue_names_people,
                    std::vector<TaggedEntity>* entities, size_t first,
                    std::vector<TaggedEntity>* added) {
  std::vector<TaggedEntity>& out = *entities;
  const size_t from = FirstStartingAt(out, first, start);
  bool covered = false;
  for (size_t e = from; e > first && e + 2 > from; --e) {
    covered = covered || out[e - 1].end > start;
  }
  TaggedEntity* longest = nullptr;
  for (size_t e = from; e < out.size() && out[e].start < stop; ++e) {
    TaggedEntity& found = out[e];
    covered = true;
    if (cue_names_people && found.start >= start && found.end <= stop &&
        !EndsWithOrganizationSuffix(text, found)) {
      found.type = kPersonType;
    }
    if (found.type == kPersonType && found.end <= stop &&
        (longest == nullptr || found.end - found.start > longest->end - longest->start)) {
      longest = &found;
    }
  }
  if (longest != nullptr) {
    longest->probability = std::max(longest->probability, kCuedNameProbability);
  }
  if (covered) return;
  TaggedEntity name;
  name.type = kPersonType;
  name.start = start;
  name.end = stop;
  name.margin = kMarginCap;
  name.probability = kCuedNameProbability;
  added->push_back(name);
}

// True when `entity` is written in lower case ASCII and an opening
// parenthesis follows it without a space: a function called or defined
// in code ("def f(", "print("), where a name would be capitalised or
// spaced ("Smith (2019)").
bool CalledInCode(std::string_view text, const TaggedEntity& entity) {
  if (entity.end >= text.size() || text[entity.end] != '(') return false;
  const std::string_view value = text.substr(entity.start, entity.end - entity.start);
  return std::none_of(value.begin(), value.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

}  // namespace

void SortEntitiesByStart(std::vector<TaggedEntity>* entities, size_t first) {
  std::stable_sort(entities->begin() + static_cast<std::ptrdiff_t>(first), entities->end(),
                   StartsBefore);
}

void DropNoNames(std::string_view text, std::vector<TaggedEntity>* entities, size_t first) {
  entities->erase(
      std::remove_if(entities->begin() + static_cast<std::ptrdiff_t>(first), entities->end(),
                     [&](const TaggedEntity& e) {
                       const std::string_view value = text.substr(e.start, e.end - e.start);
                       return IsDemonym(value) || ApostropheAt(value, 0) != 0 ||
                              !HasLetterOrDigit(value) || IsOneCharacter(value) ||
                              OnlyJoiningWords(value) || CalledInCode(text, e);
                     }),
      entities->end());
}

void WidenPersonsOverNameWords(std::string_view text, std::vector<TaggedEntity>* entities,
                               size_t first) {
  std::vector<TaggedEntity>& out = *entities;
  const size_t count = out.size();
  std::vector<bool> dropped(count, false);
  // The words a core leaves out must look like name words.
  const auto name_word = [](std::string_view word) {
    return IsTitleCase(word) && MayBeNameWord(word) && !IsNeverAName(word) && !IsDemonym(word);
  };
  for (size_t w = first; w < count; ++w) {
    TaggedEntity& wide = out[w];
    if (wide.type != kPersonType) continue;
    // Cores start where the wide one does or later, before it ends.
    for (size_t c = w + 1; c < count && out[c].start < wide.end; ++c) {
      const TaggedEntity& core = out[c];
      if (dropped[c] || core.type != kPersonType || core.margin <= wide.margin ||
          core.end > wide.end || (core.start == wide.start && core.end == wide.end)) {
        continue;
      }
      if (!EveryWord(text.substr(wide.start, core.start - wide.start), name_word) ||
          !EveryWord(text.substr(core.end, wide.end - core.end), name_word)) {
        continue;
      }
      wide.margin = core.margin;
      dropped[c] = true;
    }
  }
  EraseDropped(&out, first, dropped);
}

void JoinNameAndOrganizationWords(std::string_view text, std::vector<TaggedEntity>* entities,
                                  size_t first) {
  std::vector<TaggedEntity>& out = *entities;
  const size_t count = out.size();
  std::vector<bool> dropped(count, false);
  for (size_t i = first; i < count; ++i) {
    const uint32_t end = EndOfOrganizationWords(text, out[i].end);
    if (end == out[i].end) continue;
    const TaggedEntity joined{kOrganizationType, out[i].start, end, out[i].margin, 0.0};
    // What it replaces starts where it does or later, before it ends.
    for (size_t j = FirstStartingAt(out, first, joined.start); j < count && out[j].start < end;
         ++j) {
      const TaggedEntity& other = out[j];
      const bool same_span = other.start == joined.start && other.end == joined.end;
      const bool words_inside = other.start > joined.start && other.end <= joined.end &&
                                EndOfOrganizationWords(text, other.start - 1) == other.end;
      if (j != i && ((same_span && other.margin <= joined.margin) || words_inside)) {
        dropped[j] = true;
      }
    }
    out[i] = joined;
  }
  EraseDropped(&out, first, dropped);
}

void AddNamesAfterHonorifics(std::string_view text, const std::vector<WordToken>& tokens,
                             std::vector<TaggedEntity>* entities, size_t first) {
  const TokenText at{text, tokens};
  std::vector<TaggedEntity> added;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kWord || !IsHonorific(at.Word(i))) continue;
    // "Dr" after a capitalised word is a street's ("Oak Dr. Springfield").
    const bool street = at.Word(i).starts_with("Dr") && at.Word(i).size() <= 3 && i > 0 &&
                        tokens[i - 1].kind == TokenKind::kWord &&
                        IsTitleCase(at.Word(i - 1)) && !IsNeverAName(at.Word(i - 1));
    if (street) continue;
    size_t name = i + 1;
    if (name < tokens.size() && at.Word(name) == "." && tokens[name].start == tokens[i].end) {
      ++name;
    }
    if (name >= tokens.size() || tokens[name].kind != TokenKind::kWord ||
        !at.OneSpaceBetween(name - 1, name) || !MayBeNameWord(at.Word(name))) {
      continue;
    }
    // An honorific in capitals vouches for a name in capitals ("DR OYEBANJI"),
    // not for "DR Congo".
    if (IsAllCapitals(at.Word(i)) && !IsAllCapitals(at.Word(name))) continue;
    const size_t last = at.NameRunEnd(name, tokens.size());
    MarkPersonName(text, tokens[name].start, tokens[last].end, /*cue_names_people=*/true,
                   entities, first, &added);
    i = last;
  }
  MergeAdded(entities, first, added);
}

void AddNamesInGreetings(std::string_view text, const std::vector<WordToken>& tokens,
                         std::vector<TaggedEntity>* entities, size_t first) {
  const TokenText at{text, tokens};
  std::vector<TaggedEntity> added;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].line_start || tokens[i].kind != TokenKind::kWord) continue;
    // An opening greets the name after it on its line ("Hi Hope,", "Good
    // morning Faith"); a closing signs with the name after its comma, on
    // its line or the next ("Cheers, Harmony", "Best,\nApril").
    size_t cue = i;
    const std::string word = AsciiLower(at.Word(i));
    if (word == "good" && i + 1 < tokens.size() &&
        IsOneOf(AsciiLower(at.Word(i + 1)), {"morning", "afternoon", "evening"})) {
      ++cue;
    } else if (IsOneOf(word, {"kind", "best", "warm", "warmest"}) && i + 1 < tokens.size() &&
               AsciiLower(at.Word(i + 1)) == "regards") {
      ++cue;
    } else if (word == "thank" && i + 1 < tokens.size() && AsciiLower(at.Word(i + 1)) == "you") {
      ++cue;
    }
    const bool opening = cue > i ? !IsOneOf(AsciiLower(at.Word(cue)), {"regards", "you"})
                                 : IsOneOf(word, {"hi", "hello", "hey", "dear", "hiya"});
    const bool closing =
        !opening && (cue > i || IsOneOf(word, {"best", "regards", "cheers", "thanks", "sincerely",
                                               "love", "warmly", "yours"}));
    size_t name = cue + 1;
    if (closing) {
      if (name >= tokens.size() || (at.Word(name) != "," && at.Word(name) != "!")) continue;
      ++name;
      if (name < tokens.size() && !tokens[name].line_start && !at.OneSpaceBetween(name - 1, name)) {
        continue;
      }
    } else if (!opening || name >= tokens.size() || !at.OneSpaceBetween(cue, name)) {
      continue;
    }
    if (name >= tokens.size() || tokens[name].kind != TokenKind::kWord ||
        !IsTitleCase(at.Word(name)) || !MayBeNameWord(at.Word(name)) ||
        IsAddressee(at.Word(name))) {
      continue;
    }
    const size_t last = at.NameRunEnd(name, std::min(tokens.size(), name + 3));
    // The name ends its line, or a comma, "!" or ":" follows it.
    const size_t after = last + 1;
    const bool ends = after >= tokens.size() || tokens[after].line_start ||
                      IsOneOf(at.Word(after), {",", "!", ":"}) ||
                      (closing && at.Word(after) == ".");
    if (!ends) continue;
    MarkPersonName(text, tokens[name].start, tokens[last].end, /*cue_names_people=*/false,
                   entities, first, &added);
    i = last;
  }
  MergeAdded(entities, first, added);
}

void AddRegionCodesAfterPlaces(std::string_view text, const std::vector<WordToken>& tokens,
                               std::vector<TaggedEntity>* entities, size_t first) {
  const TokenText at{text, tokens};
  std::vector<TaggedEntity>& out = *entities;
  std::vector<bool> dropped(out.size(), false);
  std::vector<TaggedEntity> added;
  // The model's entities in the order of their ends, to find those that
  // end at a comma; sorted at the first code, as most texts have none.
  std::vector<size_t> by_end;
  for (size_t code = 2; code < tokens.size(); ++code) {
    const size_t comma = code - 1;
    const size_t place = code - 2;
    if (tokens[code].kind != TokenKind::kWord || at.Word(comma) != "," ||
        tokens[comma].start != tokens[place].end || !at.OneSpaceBetween(comma, code)) {
      continue;
    }
    const uint32_t countries = RegionCodeCountries(at.Word(code));
    if (countries == 0) continue;
    const size_t next = code + 1;
    if (next < tokens.size() &&
        (tokens[next].kind == TokenKind::kWord || tokens[next].kind == TokenKind::kNumber) &&
        !tokens[next].line_start && !FitsRegionCode(at.Word(next), countries)) {
      continue;
    }
    if (by_end.empty()) {
      by_end.resize(out.size() - first);
      std::iota(by_end.begin(), by_end.end(), first);
      std::stable_sort(by_end.begin(), by_end.end(),
                       [&](size_t a, size_t b) { return out[a].end < out[b].end; });
    }
    // The names the model found ending at the comma.
    const auto ends_before = [&](size_t e, uint32_t end) { return out[e].end < end; };
    const auto ends_after = [&](uint32_t end, size_t e) { return end < out[e].end; };
    const auto names_begin =
        std::lower_bound(by_end.begin(), by_end.end(), tokens[place].end, ends_before);
    const auto names_end =
        std::upper_bound(names_begin, by_end.end(), tokens[place].end, ends_after);
    const bool credential = IsCredentialCode(at.Word(code)) &&
                            std::any_of(names_begin, names_end, [&](size_t e) {
                              return out[e].type == kPersonType;
                            });
    if (credential) {
      for (size_t e = FirstStartingAt(out, first, tokens[code].start);
           e < out.size() && out[e].start == tokens[code].start; ++e) {
        dropped[e] = out[e].end == tokens[code].end;
      }
      continue;
    }
    if (names_begin == names_end) continue;
    for (auto e = names_begin; e != names_end; ++e) {
      if (out[*e].type != kOrganizationType || !EndsWithOrganizationSuffix(text, out[*e])) {
        out[*e].type = kLocationType;
      }
    }
    bool covered = false;
    for (size_t e = FirstStartingAt(out, first, tokens[code].start);
         e < out.size() && out[e].start < tokens[code].end; ++e) {
      covered = true;
      if (out[e].end == tokens[code].end) {
        out[e].type = kLocationType;
        out[e].probability = std::max(out[e].probability, kCuedNameProbability);
      }
    }
    if (!covered) {
      added.push_back({kLocationType, tokens[code].start, tokens[code].end, kMarginCap,
                       kCuedNameProbability});
    }
  }
  EraseDropped(entities, first, dropped);
  MergeAdded(entities, first, added);
}

}  // namespace privacy::detect
