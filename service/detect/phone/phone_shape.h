// Cheap shape checks on phone candidates, run before libphonenumber.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace privacy::detect {

// One run of ASCII digits inside a candidate: its byte offset and length.
struct DigitGroup {
  uint32_t offset = 0;
  uint32_t length = 0;
};

// The digit runs of `candidate`, in order.
std::vector<DigitGroup> DigitGroupsOf(std::string_view candidate);

// True when `candidate` (a run of digits, spaces, brackets, dots, hyphens
// and '+', with `groups` its digit runs) has a shape that is not a phone
// number: a date (12/05/2024, 2024-05-12), a version (10.0.19045.3693),
// doubled separators (1--2, 1..2), a '+' after the start (arithmetic), or
// unbalanced brackets.
bool IsNonPhoneShape(std::string_view candidate, std::span<const DigitGroup> groups);

// True when libphonenumber's PhoneNumberMatcher, given `candidate` (a shape
// IsNonPhoneShape accepts) as its whole text, would take all of it as one
// candidate and pass its bracket and page-reference checks: it opens with
// "+" or "(+", at most four characters separate its digit groups, and it
// holds at most one pair of brackets, not after a hyphen ("12-34 (5").
bool IsWholeMatcherCandidate(std::string_view candidate, std::span<const DigitGroup> groups);

// True when `candidate` is grouped as North American numbers are written,
// whole: "555-123-4567", "555.123.4567", "555 123 4567", "(555) 123-4567",
// optionally after "1-", "1 " or "+1 ". Such a number is a phone number
// even where no area code or exchange of it is assigned (and so
// libphonenumber finds it invalid): made-up and test numbers are written
// so too.
bool IsNorthAmericanShape(std::string_view candidate, std::span<const DigitGroup> groups);

}  // namespace privacy::detect
