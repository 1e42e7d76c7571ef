// The street-type, unit and post-box words of the ADDRESS recognizer,
// compiled in from data/street_words.txt.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace privacy::detect {

// What a word can be in an address (data/street_words.txt's kinds).
enum StreetWordKind : uint8_t {
  kStreetAfter = 1 << 0,   // "12 Baker Street": type after the name, number first
  kStreetPost = 1 << 1,    // "Berliner Straße 5": type after the name, number after
  kStreetBefore = 1 << 2,  // "rue de la Paix", "Via Roma 1": type before the name
  kStreetSuffix = 1 << 3,  // the end of a compound name: "Koskikatu", "Hauptstr."
  kStreetWeak = 1 << 4,    // "Gardens", "View": a type that is also an everyday word
  kUnit = 1 << 5,          // "Apt", "Suite", "c/o"
  kPostBox = 1 << 6,       // "PO Box", "Postfach"
};

// Looks up words of the table, in lower case (ASCII folded), with or
// without a final dot. Immutable after construction and safe for concurrent
// use.
class StreetWords {
 public:
  StreetWords();

  // The kinds of `word` (lower case, possibly several words joined by one
  // space); 0 when the table does not hold it.
  uint8_t KindsOf(std::string_view word) const;

  // True when `word` (lower case) is a compound ending with a street suffix
  // and at least kMinStem letters before it: "koskikatu", "hauptstr.".
  bool IsCompoundStreet(std::string_view word) const;

  // True when `squashed` (lower case, dots and spaces removed: "pobox",
  // "caixapostal") names a post-office box.
  bool IsPostBox(std::string_view squashed) const;

  static constexpr size_t kMinStem = 3;

 private:
  std::unordered_map<std::string, uint8_t> kinds_;
  std::vector<std::string> suffixes_;
  std::vector<std::string> post_boxes_;  // squashed
};

}  // namespace privacy::detect
