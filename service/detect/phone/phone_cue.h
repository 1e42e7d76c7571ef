// What surrounds a phone number in a text: a cue before it ("call me on",
// "Tel.", "WhatsApp") and an extension after it ("x123", "ext. 45").
#pragma once

#include <cstddef>
#include <string_view>

#include "detect/scan/context_words.h"

namespace privacy::detect {

// Phone cues in the languages the detector reads: words that announce a
// phone number rather than any number ("number" alone is not one).
// Immutable and safe for concurrent use.
class PhoneCues {
 public:
  PhoneCues();

  // True when a cue starts a word within kCueWindow bytes before `start`.
  bool Before(std::string_view text, size_t start) const;

  static constexpr size_t kCueWindow = 40;

 private:
  ContextWordSet words_;
};

// Words that label the number after them as something other than a phone
// ("invoice", "order", "ABA", "P.IVA", "VAT", "ref"): without a phone cue,
// a number right after one is not taken for a phone. Immutable and safe
// for concurrent use.
class IdentifierLabels {
 public:
  IdentifierLabels();

  // True when a label starts a word within kLabelWindow bytes before `start`.
  bool Before(std::string_view text, size_t start) const;

  static constexpr size_t kLabelWindow = 24;

 private:
  ContextWordSet words_;
};

// The end of the extension written right after a phone number ending at
// `end` ("x4587", " ext. 45", " extension 12", " #12"); `end` when there is
// none.
size_t PhoneExtensionEnd(std::string_view text, size_t end);

}  // namespace privacy::detect
