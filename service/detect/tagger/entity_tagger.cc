#include "detect/tagger/entity_tagger.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <utility>

#include "detect/names/name_words.h"
#include "detect/tagger/sequence_decoder.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {
namespace {

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

// True when every word of `value` only joins names: one names are built
// with, in lower case ("in", "de"), or a function word that never heads a
// name and joins them in lower case ("The", "Of"). Such words join a name,
// they are none; a capitalised particle may be a surname ("Le", "Du").
bool OnlyJoiningWords(std::string_view value) {
  while (!value.empty()) {
    const size_t space = std::min(value.find(' '), value.size());
    const std::string_view word = value.substr(0, space);
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool joins = lower == word ? JoinsNames(word, NameWordClasses(word))
                                     : IsNeverAName(word) && JoinsNames(lower, 0);
    if (!joins) return false;
    value.remove_prefix(std::min(space + 1, value.size()));
  }
  return true;
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

// A name followed by organization words is one organization, as sure as
// the name is: "Wayne Enterprises", "Stark Industries", "Boston
// University" (a firm's last word alone names no firm, and the model may
// leave it out, make it an organization of its own, or be unsure of the
// whole). Extends such entities in `entities[first, end)` over those words
// and drops what the extended ones replace: the same span less sure, and
// organization words alone inside it.
void JoinNameAndOrganizationWords(std::string_view text, std::vector<TaggedEntity>* entities,
                                  size_t first) {
  constexpr int kOrganization = 2;
  static_assert(kTaggedTypes[kOrganization] == "ORGANIZATION");
  std::vector<TaggedEntity>& out = *entities;
  const size_t count = out.size();
  std::vector<bool> dropped(count, false);
  for (size_t i = first; i < count; ++i) {
    const uint32_t end = EndOfOrganizationWords(text, out[i].end);
    if (end == out[i].end) continue;
    const TaggedEntity joined{kOrganization, out[i].start, end, out[i].margin, 0.0};
    for (size_t j = first; j < count; ++j) {
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
  size_t kept = first;
  for (size_t i = first; i < count; ++i) {
    if (!dropped[i]) out[kept++] = out[i];
  }
  out.resize(kept);
}

}  // namespace

EntityTagger::EntityTagger(std::shared_ptr<const Gazetteer> gazetteer,
                           std::shared_ptr<const WordClusters> clusters,
                           std::shared_ptr<const WordVectors> vectors, TaggerModel model)
    : model_(std::move(model)),
      stretch_transitions_(model_.transitions()),
      extractor_(std::move(gazetteer), std::move(clusters), std::move(vectors)),
      inverse_vector_scale_(1.0f / extractor_.vectors().scale()) {
  if (model_.word_clusters_checksum() != extractor_.clusters().checksum()) {
    throw std::invalid_argument(
        "the model was trained with other word clusters (set --word-clusters to the ones it "
        "was trained with, or retrain it)");
  }
  if (model_.word_vectors_checksum() != extractor_.vectors().checksum()) {
    throw std::invalid_argument(
        "the model was trained with other word vectors (set --word-vectors to the ones it "
        "was trained with, or retrain it)");
  }
}

void EntityTagger::Tag(std::string_view text, std::span<const Candidate> claimed,
                       std::vector<TaggedEntity>* out) const {
  const ObjectPool<Buffers>::Lease buffers = buffers_.Acquire();
  TokenFeatures& features = buffers->features;
  extractor_.Extract(text, claimed, &features);
  const size_t n = features.size();
  if (n == 0) return;
  std::vector<float>& emissions = buffers->emissions;
  emissions.assign(n * kTagCount, 0.0f);
  model_.AddEmissions(features.hashes, features.offsets, emissions.data());
  model_.AddVectorEmissions(features.vectors, features.outside.data(), inverse_vector_scale_,
                            emissions.data());
  std::vector<float>& margins = buffers->margins;
  std::vector<uint8_t>& entity_tags = buffers->entity_tags;
  StretchEntityMargins(emissions.data(), n, stretch_transitions_, features.outside.data(),
                       &buffers->decoder, &margins, &entity_tags);
  // Entities at two levels: every run the model may call an entity, and the
  // runs of tokens it is more sure of than not. A weak edge ("Contractor"
  // before "Sarah Wong") then costs the wide span its score, not the name.
  const size_t first = out->size();
  std::array<float, kTaggedTypeCount> floors;
  floors.fill(model_.MarginFloor());
  EntitiesFromMargins(features.tokens, margins, entity_tags, floors, out);
  const size_t wide_end = out->size();
  for (int t = 0; t < kTaggedTypeCount; ++t) floors[t] = model_.EvenOddsMargin(t);
  EntitiesFromMargins(features.tokens, margins, entity_tags, floors, out);
  // Both levels come in text order: one merge pass drops the trimmed
  // entities that equal a wide one.
  size_t wide = first;
  size_t kept = wide_end;
  for (size_t i = wide_end; i < out->size(); ++i) {
    const TaggedEntity& core = (*out)[i];
    while (wide < wide_end && (*out)[wide].start < core.start) ++wide;
    bool duplicate = false;
    for (size_t w = wide; w < wide_end && (*out)[w].start == core.start; ++w) {
      duplicate = duplicate || ((*out)[w].end == core.end && (*out)[w].type == core.type);
    }
    if (!duplicate) (*out)[kept++] = core;
  }
  out->resize(kept);
  // A nationality alone ("Syrian", "French") names no person, place or
  // organization, whatever its neighbours made the model think; nor does a
  // run that opens with a possessive ending ("'s", cut from its name), one
  // without a letter or digit (a lone "." or "&"), one character alone
  // (the pronoun "I", trimmed from "Carlos I"), or words that only join
  // names ("in" between two of them, "The" trimmed from a title).
  out->erase(std::remove_if(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                            [&](const TaggedEntity& e) {
                              const std::string_view value = text.substr(e.start, e.end - e.start);
                              return IsDemonym(value) || ApostropheAt(value, 0) != 0 ||
                                     !HasLetterOrDigit(value) || IsOneCharacter(value) ||
                                     OnlyJoiningWords(value);
                            }),
             out->end());
  JoinNameAndOrganizationWords(text, out, first);
  for (size_t i = first; i < out->size(); ++i) {
    TaggedEntity& e = (*out)[i];
    e.probability = model_.Probability(e.type, e.margin);
  }
  std::stable_sort(out->begin() + first, out->end(),
                   [](const TaggedEntity& a, const TaggedEntity& b) { return a.start < b.start; });
}

void EntitiesFromMargins(const std::vector<WordToken>& tokens, const std::vector<float>& margins,
                         const std::vector<uint8_t>& entity_tags,
                         const std::array<float, kTaggedTypeCount>& floors,
                         std::vector<TaggedEntity>* out) {
  bool open = false;
  TaggedEntity current;
  const auto close = [&] {
    if (open) out->push_back(current);
    open = false;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const int type = TypeOf(entity_tags[i]);
    if (margins[i] <= floors[type]) {
      close();
      continue;
    }
    const TagPosition position = PositionOf(entity_tags[i]);
    const bool starts = position == TagPosition::kBegin || position == TagPosition::kUnit;
    if (open && (starts || type != current.type || tokens[i].line_start)) close();
    if (!open) {
      current = {type, tokens[i].start, tokens[i].end, margins[i], 0.0};
      open = true;
    } else {
      current.end = tokens[i].end;
      current.margin = std::min(current.margin, margins[i]);
    }
    if (position == TagPosition::kLast || position == TagPosition::kUnit) close();
  }
  close();
}

}  // namespace privacy::detect
