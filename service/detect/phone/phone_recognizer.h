// PHONE recognizer backed by libphonenumber.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detect/phone/phone_cue.h"
#include "detect/phone/phone_lengths.h"
#include "detect/phone/phone_shape.h"
#include "detect/phone/phone_validity.h"
#include "detect/recognizer.h"
#include "detect/scan/context_words.h"

namespace privacy::detect {

// Finds phone numbers: Hyperscan proposes digit runs, cheap shape and length
// checks drop what cannot be a number, and libphonenumber's matcher confirms
// the rest (a number with a '+' that the matcher would take whole is
// confirmed by PhoneValidity instead, with the same verdict). Numbers with a
// '+' country code must be valid; national numbers must be valid in one of
// the configured regions and grouped as that region writes them (weaker
// grouping only scores high with a context word). After a phone cue ("call
// me on", "Tel.", "WhatsApp"), a phone-shaped number whose digit count is
// possible in one of the regions counts even when it is not valid there.
// An extension ("x123", "ext. 45") joins the number's span.
// Immutable and safe for concurrent use.
class PhoneRecognizer : public Recognizer {
 public:
  // `regions` are ISO 3166 alpha-2 codes tried in order.
  explicit PhoneRecognizer(std::vector<std::string> regions);

  std::vector<std::string> Types() const override { return {type_}; }
  std::vector<ScanPattern> Patterns() const override;
  void Recognize(const RecognizeInput& input, std::vector<Candidate>* out) const override;

  // libphonenumber's verdict on one candidate: spans relative to it and the
  // base score they share.
  struct Verdict {
    struct Span {
      uint32_t start;
      uint32_t end;
    };
    std::vector<Span> spans;
    double score = 0;
  };

 private:
  // A configured region, its calling code and national (trunk) prefix.
  struct Region {
    std::string code;
    int calling_code = 0;
    std::string trunk_prefix;
  };

  // Verdicts already reached within one Recognize() call, by candidate text:
  // texts often repeat a number. Lives only as long as that call.
  using Memo = std::unordered_map<std::string, Verdict>;

  // Confirms phone numbers in text[from, to) and appends them to `out`.
  void RecognizeSegment(std::string_view text, uint32_t from, uint32_t to, Memo* memo,
                        std::vector<Candidate>* out) const;

  // Regions where `digits`, written without country code, can be national:
  // with a trunk prefix of "0" such numbers start with it, and numbers
  // starting with "0" are not national in regions with another prefix.
  std::vector<const Region*> PlausibleRegions(std::string_view digits) const;

  // True when some run of consecutive digit groups has a length possible for
  // a number with a '+' (`international`) or a national number of `region`.
  bool MayBeInternational(std::string_view digits, std::span<const DigitGroup> groups) const;
  bool MayBeNational(std::string_view digits, std::span<const DigitGroup> groups,
                     const Region& region) const;

  // True when all of `digits` (in at most five `groups`) has a length some
  // configured region allows for a national number, with or without its
  // trunk prefix, or (`international`) its calling code allows.
  bool PossibleSomewhere(std::string_view digits, std::span<const DigitGroup> groups,
                         bool international) const;

  // Asks libphonenumber about a candidate that passed the cheap checks.
  Verdict Verify(const std::string& candidate, std::string_view digits,
                 std::span<const DigitGroup> groups) const;

  const std::string type_ = "PHONE";
  std::vector<Region> regions_;
  PhoneLengths lengths_;
  ContextWordSet context_words_;
  WordsBefore cues_ = PhoneCues();
  WordsBefore labels_ = IdentifierLabels();
  std::unique_ptr<PhoneValidity> validity_;
};

}  // namespace privacy::detect
