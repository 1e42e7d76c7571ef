// The plug-in interface of the detection library and the values it exchanges
// with the detector.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detect/tagger/word_tokens.h"

namespace privacy::detect {

// A Hyperscan expression a recognizer wants located in the text.
struct ScanPattern {
  std::string expression;
  bool caseless = false;
  // When false the scan does not track where hits start (much cheaper for
  // patterns opening with a repeated class); such hits are reported with
  // start == end and the recognizer finds the start itself.
  bool leftmost_start = true;
};

// One hit of a ScanPattern; `pattern` indexes the recognizer's own
// Patterns() list. Hits of patterns with a leftmost start are leftmost-longest
// and non-overlapping; the others are every end, with start == end.
struct PatternMatch {
  uint32_t pattern = 0;
  uint32_t start = 0;
  uint32_t end = 0;
};

// A scored span proposed by a recognizer; the overlap resolver picks among
// them. `type` views a string owned by the recognizer.
struct Candidate {
  std::string_view type;
  uint32_t start = 0;
  uint32_t end = 0;
  double score = 0.0;
  bool denied = false;  // a deny value: wins every overlap
};

// What a recognizer is given for one text.
struct RecognizeInput {
  std::string_view text;
  // Hits of the recognizer's Patterns(), ordered by pattern, then start.
  std::span<const PatternMatch> matches;
  // Candidates of the recognizers that ran before this one (registry order).
  // A costly recognizer may skip text they already claim.
  std::span<const Candidate> earlier;
  // The text split into words (TokenizeWords, Thai into its words) when
  // names are wanted, shared by the recognizers of names and the steps that
  // read names in the whole text; nullptr otherwise.
  const std::vector<WordToken>* words = nullptr;
};

// A Recognizer finds candidate spans of the types it declares. The detector
// runs every recognizer's patterns in a single Hyperscan pass and hands each
// recognizer its own hits. Implementations are immutable and safe for
// concurrent use.
class Recognizer {
 public:
  virtual ~Recognizer() = default;

  // Type names this recognizer can emit.
  virtual std::vector<std::string> Types() const = 0;

  // Expressions whose hits Recognize() needs; may be empty.
  virtual std::vector<ScanPattern> Patterns() const = 0;

  // Appends to `out` the candidates found in `input.text`.
  virtual void Recognize(const RecognizeInput& input, std::vector<Candidate>* out) const = 0;

  // The minimum score this recognizer recommends for `type` when the
  // deployment sets none (DetectorConfig::min_scores), for recognizers
  // whose scores mean something else than the usual 0.5 cut suits.
  virtual std::optional<double> RecommendedMinScore(std::string_view type) const {
    return std::nullopt;
  }
};

}  // namespace privacy::detect
