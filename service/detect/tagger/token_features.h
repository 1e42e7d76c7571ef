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

// Where a word stands from the token being scored. What a word tells a
// token depends only on the word and this place ("Dr" just before it), so
// a text's features are worked out, and looked up in the model, once per
// distinct word and place, however often the word occurs.
enum WordPlace : uint8_t { kHere, kBefore, kAfter, kTwoBefore, kTwoAfter };
inline constexpr int kWordPlaces = 5;

// The tokens of one text and, for each, the 64-bit hashes of its features.
// Tokens that cannot be part of a name here (punctuation other than "." and
// "&", numbers, words with three digits or more, @handles, JSON keys, card
// schemes, identifier systems and common acronyms, and in ordinary prose
// lower-case English words other than the ones names are built with, like
// "of" and "de") are marked `outside` and get no features: the tagger gives
// them the Outside tag without scoring them, in training as in use.
//
// A token's features are those of the words at its five places (its own,
// one and two before, one and two after) and its own: what only this
// token has (its neighbours taken together, its place in the line, the
// rules' votes around it).
struct TokenFeatures {
  std::vector<WordToken> tokens;
  // Token i's word: an index into the text's distinct words, which are
  // followed by two stand-ins for what lies before and after the text.
  std::vector<uint32_t> words;
  // Word w at place p gives word_hashes[word_offsets[w * kWordPlaces + p],
  // word_offsets[w * kWordPlaces + p + 1]), worked out only where the word
  // stands at that place beside a token that is not outside (else empty).
  std::vector<uint64_t> word_hashes;
  std::vector<uint32_t> word_offsets;
  std::vector<uint64_t> hashes;   // the features only a token has
  std::vector<uint32_t> offsets;  // token i's: hashes[offsets[i], offsets[i + 1])
  std::vector<uint8_t> outside;   // 1: Outside without scoring
  // Token i's word vector (WordVectors); nullptr for an unknown word and
  // for tokens other than words. Neighbours' vectors count even for tokens
  // that are Outside.
  std::vector<const int8_t*> vectors;

  size_t size() const { return tokens.size(); }

  // The word at token index j, which may lie before or after the text.
  uint32_t WordAt(std::ptrdiff_t j) const {
    return WordAtOrEdge(j, (word_offsets.size() - 1) / kWordPlaces - 2);
  }
  // The same while the text's `word_count` distinct words are known but
  // word_offsets is not yet filled.
  uint32_t WordAtOrEdge(std::ptrdiff_t j, size_t word_count) const {
    if (j < 0) return static_cast<uint32_t>(word_count);
    return j >= static_cast<std::ptrdiff_t>(words.size()) ? static_cast<uint32_t>(word_count + 1)
                                                          : words[static_cast<size_t>(j)];
  }
  // The run of word_hashes of word w at place p.
  std::span<const uint64_t> WordHashes(uint32_t w, WordPlace p) const {
    const size_t run = size_t{w} * kWordPlaces + p;
    return std::span<const uint64_t>(word_hashes).subspan(
        word_offsets[run], word_offsets[run + 1] - word_offsets[run]);
  }

  // Appends every feature of token i, its words' then its own: what
  // training learns from and what scoring adds up. Nothing for a token
  // that is outside.
  void AppendAllHashes(size_t i, std::vector<uint64_t>* out) const;
};

// Computes TokenFeatures. The same extractor serves training and inference,
// so a model only works with the feature set it was trained on (the model
// file records kFeatureSetVersion). Immutable; safe for concurrent use.
class FeatureExtractor {
 public:
  // Bumped whenever the features change; a model trained on another version
  // is refused at load.
  static constexpr uint32_t kFeatureSetVersion = 29;

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
