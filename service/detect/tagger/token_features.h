// The features the entity tagger sees for each token of a text: hashed
// facts about the word, its neighbours, what the gazetteer and the
// rule-based recognizer say of them, and how the text is cased.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "detect/names/gazetteer.h"
#include "detect/recognizer.h"
#include "detect/tagger/rule_evidence.h"
#include "detect/tagger/thai_word_breaker.h"
#include "detect/tagger/word_clusters.h"
#include "detect/tagger/word_vectors.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {

// The tokens of one text and, for each, the 64-bit hashes of its features.
// Tokens that cannot be part of a name here (punctuation other than "." and
// "&", numbers, words with three digits or more, @handles, JSON keys, card
// schemes, identifier systems and common acronyms, and in ordinary prose
// lower-case English words other than the ones names are built with, like
// "of" and "de") are marked `outside` and get no features: the tagger gives
// them the Outside tag without scoring them, in training as in use.
struct TokenFeatures {
  std::vector<WordToken> tokens;
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> offsets;  // token i's features: hashes[offsets[i], offsets[i + 1])
  std::vector<uint8_t> outside;   // 1: Outside without scoring
  // Token i's word vector (WordVectors); nullptr for an unknown word and
  // for tokens other than words. Neighbours' vectors count even for tokens
  // that are Outside.
  std::vector<const int8_t*> vectors;

  size_t size() const { return tokens.size(); }
  const uint64_t* begin(size_t i) const { return hashes.data() + offsets[i]; }
  const uint64_t* end(size_t i) const { return hashes.data() + offsets[i + 1]; }
};

// Computes TokenFeatures. The same extractor serves training and inference,
// so a model only works with the feature set it was trained on (the model
// file records kFeatureSetVersion). Immutable; safe for concurrent use.
class FeatureExtractor {
 public:
  // Bumped whenever the features change; a model trained on another version
  // is refused at load.
  static constexpr uint32_t kFeatureSetVersion = 28;

  FeatureExtractor(std::shared_ptr<const Gazetteer> gazetteer,
                   std::shared_ptr<const WordClusters> clusters,
                   std::shared_ptr<const WordVectors> vectors);

  // Tokenizes `text` (Thai into its words) and fills `out` (cleared
  // first). Spans in `claimed` (structured findings such as e-mail
  // addresses) are not offered to the rules. Linear in the size of the text.
  void Extract(std::string_view text, std::span<const Candidate> claimed,
               TokenFeatures* out) const;

  // The same for a text already split: `words` are its tokens as Extract
  // would make them (TokenizeWords, then Thai split into its words).
  void ExtractFromWords(std::string_view text, std::span<const WordToken> words,
                        std::span<const Candidate> claimed, TokenFeatures* out) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const WordClusters& clusters() const { return *clusters_; }
  const WordVectors& vectors() const { return *vectors_; }

 private:
  // Fills `out` but its tokens, which are set.
  void Describe(std::string_view text, std::span<const Candidate> claimed,
                TokenFeatures* out) const;

  std::shared_ptr<const Gazetteer> gazetteer_;
  std::shared_ptr<const WordClusters> clusters_;
  std::shared_ptr<const WordVectors> vectors_;
  RuleEvidence rules_;
  ThaiWordBreaker thai_;
};

}  // namespace privacy::detect
