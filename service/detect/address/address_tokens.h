// The tokens the ADDRESS recognizer reads a stretch of text as.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace privacy::detect {

// One token of an address: a word, a number, or a separator.
struct AddressToken {
  enum class Kind : uint8_t {
    kWord,    // starts with a letter: "Main", "SW1A", "Saint-Denis", "c/o"
    kNumber,  // starts with a digit: "12", "221B", "12-14", "00-950", "5th"
    kComma,
    kNewline,  // one line break
    kBlank,    // two or more line breaks: the end of a block
    kHash,     // '#', as in "#12"
    kStop,     // any other punctuation: ends an address
  };
  Kind kind = Kind::kStop;
  uint32_t start = 0;
  uint32_t end = 0;
  bool dot = false;       // a '.' follows right after (kept out of the token)
  bool capital = false;   // a word starting with an upper-case letter
  bool all_caps = false;  // a word of upper-case letters only

  std::string_view In(std::string_view text) const { return text.substr(start, end - start); }
  bool Is(Kind k) const { return kind == k; }
};

// The tokens of text[from, to), in order; spaces and tabs separate tokens
// and are dropped. A '.' right after a word or number sets its `dot` and is
// otherwise a kStop. Linear in to - from.
std::vector<AddressToken> TokenizeAddressText(std::string_view text, size_t from, size_t to);

}  // namespace privacy::detect
