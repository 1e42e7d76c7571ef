#include "detect/tagger/entity_tagger.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "detect/tagger/entity_adjustments.h"
#include "detect/tagger/sequence_decoder.h"
#include "detect/tagger/spelled_names.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {

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
  extractor_.Extract(text, claimed, &buffers->features);
  TagFeatures(text, &*buffers, out);
}

void EntityTagger::TagWords(std::string_view text, std::span<const WordToken> words,
                            std::span<const Candidate> claimed,
                            std::vector<TaggedEntity>* out) const {
  const ObjectPool<Buffers>::Lease buffers = buffers_.Acquire();
  extractor_.ExtractFromWords(text, words, claimed, &buffers->features);
  TagFeatures(text, &*buffers, out);
}

void EntityTagger::TagFeatures(std::string_view text, Buffers* buffers,
                               std::vector<TaggedEntity>* out) const {
  TokenFeatures& features = buffers->features;
  const size_t n = features.size();
  if (n == 0) return;
  std::vector<float>& emissions = buffers->emissions;
  emissions.assign(n * kTagCount, 0.0f);
  AddFeatureScores(model_, features, inverse_vector_scale_, &buffers->scores, emissions.data());
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
  SortEntitiesByStart(out, first);
  DropNoNames(text, out, first);
  WidenPersonsOverNameWords(text, out, first);
  JoinNameAndOrganizationWords(text, out, first);
  for (size_t i = first; i < out->size(); ++i) {
    TaggedEntity& e = (*out)[i];
    e.probability = model_.Probability(e.type, e.margin);
  }
  AddNamesAfterHonorifics(text, features.tokens, out, first);
  AddNamesInGreetings(text, features.tokens, out, first);
  AddRegionCodesAfterPlaces(text, features.tokens, out, first);
  AddSpelledNames(text, features.tokens, extractor_.gazetteer(), out, first);
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
    // No entity starts with punctuation (a trimmed run may begin at the "."
    // after an initial).
    if (!open && tokens[i].kind == TokenKind::kPunctuation) continue;
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
