// PHONE recognizer backed by libphonenumber.
#pragma once

#include <string>
#include <vector>

#include "detect/recognizer.h"

namespace privacy::detect {

// Finds phone numbers: Hyperscan proposes digit runs, libphonenumber's
// matcher confirms them. Numbers with a '+' country code must be valid;
// national numbers must be valid in one of the configured regions and
// grouped as that region writes them (weaker grouping only scores high with
// a context word). Immutable and safe for concurrent use.
class PhoneRecognizer : public Recognizer {
 public:
  // `regions` are ISO 3166 alpha-2 codes tried in order.
  explicit PhoneRecognizer(std::vector<std::string> regions);

  std::vector<std::string> Types() const override { return {type_}; }
  std::vector<ScanPattern> Patterns() const override;
  void Recognize(const RecognizeInput& input, std::vector<Candidate>* out) const override;

 private:
  // Confirms phone numbers in text[from, to) and appends them to `out`.
  void RecognizeSegment(std::string_view text, uint32_t from, uint32_t to,
                        std::vector<Candidate>* out) const;

  // A configured region and its national (trunk) dialling prefix.
  struct Region {
    std::string code;
    std::string trunk_prefix;
  };

  // Regions where `digits`, written without country code, can be national:
  // with a trunk prefix of "0" such numbers start with it, and numbers
  // starting with "0" are not national in regions with another prefix.
  std::vector<const Region*> PlausibleRegions(std::string_view digits) const;

  const std::string type_ = "PHONE";
  std::vector<Region> regions_;
};

}  // namespace privacy::detect
