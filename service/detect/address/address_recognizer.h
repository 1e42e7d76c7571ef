// ADDRESS recognizer: street addresses, post-office boxes and the lines
// that complete them.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detect/address/address_tokens.h"
#include "detect/address/street_words.h"
#include "detect/recognizer.h"
#include "detect/scan/context_words.h"

namespace privacy::detect {

// Finds street addresses around house numbers and postcodes: a street (a
// house number before or after a name with a street-type word, a compound
// street name such as "Koskikatu", a "rue"/"Via"/"Calle" before the name)
// or a post-office box, widened by the unit, postcode, city, region and
// country that follow on the same line or the next lines, and by a c/o or
// unit line before. Every digit run is a hit; only a bounded stretch of
// text around hits is read, so the work is linear in the text.
// Immutable and safe for concurrent use.
class AddressRecognizer : public Recognizer {
 public:
  AddressRecognizer();

  std::vector<std::string> Types() const override { return {type_}; }
  std::vector<ScanPattern> Patterns() const override;
  void Recognize(const RecognizeInput& input, std::vector<Candidate>* out) const override;

  // A street found around a number: tokens [first, last], how sure.
  struct Street {
    size_t first = 0;
    size_t last = 0;
    bool weak = false;         // a weak type word or a year for a house number
    bool number_next = false;  // a house number may follow ("Koskikatu 25")
    bool box = false;          // a post-office box, whose number may be grouped
  };

 private:
  using Tokens = std::span<const AddressToken>;

  // The street whose house number (or post-box number) is tokens[i], if any.
  bool FindStreet(std::string_view text, Tokens tokens, size_t i, Street* street) const;
  bool NumberAfterStreet(std::string_view text, Tokens tokens, size_t i, Street* street) const;
  bool NumberBeforeStreet(std::string_view text, Tokens tokens, size_t i, Street* street) const;

  // Widens `street` over what completes the address; returns the last token
  // and sets `evidence` when something beyond the street was taken.
  size_t ExtendRight(std::string_view text, Tokens tokens, const Street& street,
                     bool* evidence) const;
  size_t ExtendLeft(std::string_view text, Tokens tokens, size_t first, bool* evidence) const;

  // Parses the segment of tokens starting at `i` up to the next comma, line
  // break or stop; see address_recognizer.cc.
  struct Segment {
    size_t end = 0;             // one past its last token
    size_t strong_end = 0;      // one past its last postcode or unit
    bool ok = false;            // every token fits an address
    bool sentence_end = false;  // its last word ends a sentence
    bool postcode = false;
    bool unit = false;
    size_t words = 0;  // capitalised words (city, region, country)
  };
  Segment ParseSegment(std::string_view text, Tokens tokens, size_t i) const;

  // True when the number text[start, end) stands next to a word that can
  // be its street; a cheap test before any tokenizing.
  bool NextToStreetWord(std::string_view text, size_t start, size_t end) const;

  // Classification of single tokens.
  uint8_t KindsOf(std::string_view text, const AddressToken& t) const;
  bool IsNameWord(std::string_view text, const AddressToken& t) const;
  bool IsParticle(std::string_view text, const AddressToken& t) const;
  // "CO", "NSW", "RM": an upper-case code of a state, province or region.
  bool IsRegionCode(const AddressToken& t) const;
  size_t UnitLength(std::string_view text, Tokens tokens, size_t i) const;
  size_t PostBoxStart(std::string_view text, Tokens tokens, size_t i) const;

  const std::string type_ = "ADDRESS";
  StreetWords words_;
  ContextWordSet context_words_;
};

}  // namespace privacy::detect
