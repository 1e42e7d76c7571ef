// The statistical entity tagger: PERSON, LOCATION and ORGANIZATION spans of
// a text from a linear model over token features, decoded as BILOU tags.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "detect/names/gazetteer.h"
#include "detect/scan/object_pool.h"
#include "detect/tagger/feature_scores.h"
#include "detect/tagger/sequence_decoder.h"
#include "detect/tagger/tagger_model.h"
#include "detect/tagger/token_features.h"

namespace privacy::detect {

// One entity the tagger found: a type index into kTaggedTypes, the UTF-8
// byte span [start, end), the margin of its weakest token (how much the
// best tagging that makes it part of an entity outscores the best that
// does not; negative when the latter wins), and the calibrated probability
// that it is right.
struct TaggedEntity {
  int type = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  float margin = 0.0f;
  double probability = 0.0;
};

// Tags texts with a trained model. Immutable but for a pool of buffers;
// safe for concurrent use (each call borrows buffers of its own).
class EntityTagger {
 public:
  // Throws std::invalid_argument when `model` was trained with other word
  // clusters or vectors than `clusters` and `vectors`.
  EntityTagger(std::shared_ptr<const Gazetteer> gazetteer,
               std::shared_ptr<const WordClusters> clusters,
               std::shared_ptr<const WordVectors> vectors, TaggerModel model);
  EntityTagger(const EntityTagger&) = delete;
  EntityTagger& operator=(const EntityTagger&) = delete;

  // Appends the entities of `text` to `out`, in text order (they may
  // overlap: a run the model is unsure of, and inside it the tokens it is
  // more sure of than not, each with its own probability; never a
  // nationality alone, "Syrian"); spans in `claimed` (structured findings)
  // are not offered to the rules whose findings are features. Linear in the
  // size of the text.
  void Tag(std::string_view text, std::span<const Candidate> claimed,
           std::vector<TaggedEntity>* out) const;

  // The same for a text already split into `words` (TokenizeWords, then
  // Thai split into its words), which the caller shares with other steps.
  void TagWords(std::string_view text, std::span<const WordToken> words,
                std::span<const Candidate> claimed, std::vector<TaggedEntity>* out) const;

 private:
  // The buffers of one call, reused by the next.
  struct Buffers {
    TokenFeatures features;
    FeatureScoreScratch scores;
    std::vector<float> emissions;
    DecoderScratch decoder;
    std::vector<float> margins;
    std::vector<uint8_t> entity_tags;
  };

  // Tags the text whose features `buffers` holds.
  void TagFeatures(std::string_view text, Buffers* buffers, std::vector<TaggedEntity>* out) const;

  TaggerModel model_;
  StretchTransitions stretch_transitions_;
  FeatureExtractor extractor_;
  float inverse_vector_scale_;  // a word vector's coordinate per stored unit
  mutable ObjectPool<Buffers> buffers_;
};

// Entities read off per-token entity margins (EntityMargins): runs of
// tokens whose margin is above the floor of their best entity tag's type,
// cut where that tag opens a new entity, closes one, or changes type, and
// at line breaks (a list of names, one per line, is many entities). Each
// entity's margin is its weakest token's; appended to `out` without a
// probability.
void EntitiesFromMargins(const std::vector<WordToken>& tokens, const std::vector<float>& margins,
                         const std::vector<uint8_t>& entity_tags,
                         const std::array<float, kTaggedTypeCount>& floors,
                         std::vector<TaggedEntity>* out);

}  // namespace privacy::detect
