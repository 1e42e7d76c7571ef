#include "detect/tagger/entity_tagger.h"

#include <algorithm>
#include <utility>

#include "detect/tagger/sequence_decoder.h"

namespace privacy::detect {

EntityTagger::EntityTagger(std::shared_ptr<const Gazetteer> gazetteer, TaggerModel model)
    : model_(std::move(model)), extractor_(std::move(gazetteer)) {}

void EntityTagger::Tag(std::string_view text, std::span<const Candidate> claimed,
                       std::vector<TaggedEntity>* out) const {
  TokenFeatures features;
  extractor_.Extract(text, claimed, &features);
  const size_t n = features.size();
  if (n == 0) return;
  std::vector<float> emissions(n * kTagCount, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    model_.AddEmissions(features.begin(i), features.end(i), &emissions[i * kTagCount]);
  }
  DecoderScratch scratch;
  std::vector<uint8_t> tags;
  DecodeBest(emissions.data(), n, model_.transitions(), nullptr, &scratch, &tags);
  std::vector<float> margins;
  std::vector<uint8_t> entity_tags;
  EntityMargins(emissions.data(), n, model_.transitions(), &scratch, &margins, &entity_tags);
  const size_t first = out->size();
  EntitiesFromMargins(features.tokens, margins, entity_tags, model_.MarginFloor(), out);
  for (size_t i = first; i < out->size(); ++i) {
    TaggedEntity& e = (*out)[i];
    e.probability = model_.Probability(e.type, e.margin);
  }
}

void EntitiesFromMargins(const std::vector<WordToken>& tokens, const std::vector<float>& margins,
                         const std::vector<uint8_t>& entity_tags, float floor,
                         std::vector<TaggedEntity>* out) {
  bool open = false;
  TaggedEntity current;
  const auto close = [&] {
    if (open) out->push_back(current);
    open = false;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (margins[i] <= floor) {
      close();
      continue;
    }
    const int type = TypeOf(entity_tags[i]);
    const TagPosition position = PositionOf(entity_tags[i]);
    const bool starts = position == TagPosition::kBegin || position == TagPosition::kUnit;
    if (open && (starts || type != current.type)) close();
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
