// What the rule-based name recognizer says about a text, as evidence for
// the entity tagger.
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "detect/names/gazetteer.h"
#include "detect/recognizer.h"
#include "detect/scan/pattern_scanner.h"
#include "detect/tagger/entity_tags.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {

// The rules' best candidate of each type over one token.
struct RuleVotes {
  int8_t position[kTaggedTypeCount] = {-1, -1, -1};  // TagPosition, -1 for none
  uint8_t score_bucket[kTaggedTypeCount] = {};       // tenths of the score
  int best_type = -1;                                // of the best-scored candidate, -1 for none
};

// Runs the rule-based PERSON/LOCATION/ORGANIZATION recognizer on its own
// (with a Hyperscan database of its patterns). Its raw candidates, before
// any minimum score, become features of the tagger, which learns when the
// rules are right. Immutable; safe for concurrent use.
class RuleEvidence {
 public:
  explicit RuleEvidence(std::shared_ptr<const Gazetteer> gazetteer);

  // Appends the rules' candidates for `text` to `out`, skipping spans that
  // `claimed` (earlier recognizers' candidates) overlap.
  void Find(std::string_view text, std::span<const Candidate> claimed,
            std::vector<Candidate>* out) const;

  // The candidates of Find spread over `tokens` (the tokens of `text`): one
  // RuleVotes per token.
  std::vector<RuleVotes> Votes(std::string_view text, std::span<const Candidate> claimed,
                               const std::vector<WordToken>& tokens) const;

 private:
  std::unique_ptr<Recognizer> rules_;
  std::unique_ptr<PatternScanner> scanner_;
};

}  // namespace privacy::detect
