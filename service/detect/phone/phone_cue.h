// What surrounds a phone number in a text: a cue before it ("call me on",
// "Tel.", "WhatsApp") and an extension after it ("x123", "ext. 45").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "detect/scan/context_words.h"

namespace privacy::detect {

// A set of words looked for in a window of bytes before a number.
// Immutable and safe for concurrent use.
class WordsBefore {
 public:
  WordsBefore(std::vector<std::string> words, size_t window);

  // True when one of the words starts a word within the window before `start`.
  bool Before(std::string_view text, size_t start) const;

 private:
  ContextWordSet words_;
  size_t window_;
};

// Phone cues in the languages the detector reads, within 40 bytes: words
// that announce a phone number rather than any number ("number" alone is
// not one).
WordsBefore PhoneCues();

// Labels of something other than a phone, within 24 bytes ("invoice",
// "order", "ABA", "P.IVA", "VAT", "ref"): without a phone cue, a number
// right after one is not taken for a phone.
WordsBefore IdentifierLabels();

// The end of the extension written right after a phone number ending at
// `end` ("x4587", " ext. 45", " extension 12", " #12"); `end` when there is
// none.
size_t PhoneExtensionEnd(std::string_view text, size_t end);

}  // namespace privacy::detect
