// Possible lengths of phone numbers per country calling code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace privacy::detect {

// A table of the national significant number lengths libphonenumber deems
// possible for each country calling code, read from libphonenumber once when
// built. Checking a length is a bit test, so candidates of impossible length
// are rejected without a (costly) libphonenumber parse. Immutable after
// construction and safe for concurrent use.
class PhoneLengths {
 public:
  // Largest length tracked; longer numbers are never possible.
  static constexpr size_t kMaxLength = 17;

  PhoneLengths();

  // True when `code` is an assigned country calling code.
  bool IsCallingCode(int code) const;

  // True when a national significant number of `length` digits is possible
  // under calling code `code`.
  bool IsPossible(int code, size_t length) const;

  // The calling code that `digits` (an international number without its
  // '+') starts with, and its length in digits; {0, 0} when none.
  struct Prefix {
    int code = 0;
    size_t length = 0;
  };
  Prefix CallingCodePrefix(std::string_view digits) const;

 private:
  std::vector<uint32_t> lengths_;  // indexed by calling code: bit n = length n
};

}  // namespace privacy::detect
