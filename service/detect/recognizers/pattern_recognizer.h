// A recognizer composed from data: patterns, validators, context words.
#pragma once

#include <bitset>
#include <string>
#include <utility>
#include <vector>

#include "detect/recognizer.h"
#include "detect/scan/context_words.h"
#include "detect/validators/validator_table.h"

namespace privacy::detect {

// One expression of a pattern recognizer and how its hits are judged.
struct PatternRule {
  PatternRule(std::string expression_, double score_, std::string validator_,
              bool caseless_ = false, std::string extend_left_ = {},
              std::string extend_right_ = {})
      : expression(std::move(expression_)),
        score(score_),
        validator(std::move(validator_)),
        caseless(caseless_),
        extend_left(std::move(extend_left_)),
        extend_right(std::move(extend_right_)) {}

  std::string expression;  // Hyperscan syntax; matched leftmost-longest
  double score = 0.5;      // score of a validated hit without context
  std::string validator;   // name in the validator table; empty accepts all
  bool caseless = false;
  // When non-empty, a hit is first widened to the left over these ASCII
  // characters and any non-ASCII bytes (at most kMaxExtendLeft bytes). Lets
  // a pattern start at a literal or a digit (the '@' of an e-mail, the check
  // digits of an IBAN) instead of a leading letter class, which Hyperscan
  // scans slowly over prose.
  std::string extend_left;
  // The same to the right (at most kMaxExtendRight bytes), so that a pattern
  // can end at a short fixed-width literal ("https://") instead of a long
  // variable tail whose start Hyperscan would have to track. The validator
  // then returns the valid part of the widened hit.
  std::string extend_right;

  static constexpr size_t kMaxExtendLeft = 256;    // longer than a domain name
  static constexpr size_t kMaxExtendRight = 2048;  // the practical limit of URLs
};

// Everything that defines a pattern recognizer for one type.
struct PatternSpec {
  std::string type;
  std::vector<PatternRule> rules;
  // Lower-case words that, near a hit, add `context_boost` to its score.
  std::vector<std::string> context_words;
  double context_boost = 0.35;
  // Separators through which a hit must not touch more digits (see
  // ContinuesNumber); empty disables the check.
  std::string number_separators;
  // True for deny values: candidates win every overlap.
  bool denied = false;
};

// Turns the Hyperscan hits of its rules into scored candidates: each hit is
// validated (possibly trimmed), must sit on token boundaries, and gains
// score from context words. Immutable and safe for concurrent use.
class PatternRecognizer : public Recognizer {
 public:
  // Throws std::runtime_error if a rule names an unknown validator.
  explicit PatternRecognizer(PatternSpec spec);

  std::vector<std::string> Types() const override { return {spec_.type}; }
  std::vector<ScanPattern> Patterns() const override;
  void Recognize(const RecognizeInput& input, std::vector<Candidate>* out) const override;

 private:
  // The ASCII characters of a rule's extend_left and extend_right.
  struct Extension {
    std::bitset<128> left;
    std::bitset<128> right;
  };

  PatternSpec spec_;
  std::vector<Validator> validators_;  // parallel to spec_.rules
  std::vector<Extension> extensions_;  // parallel to spec_.rules
  ContextWordSet context_words_;
};

}  // namespace privacy::detect
