// Month names and abbreviations of the languages dates are read in:
// English, French, German, Spanish, Italian, Portuguese and Dutch.
#pragma once

#include <string_view>

namespace privacy::detect {

// What a word says about a month.
struct MonthName {
  int month = 0;              // 1-12; 0 when the word names no month
  bool abbreviation = false;  // "Feb", "févr", "mrt": may be followed by '.'
  // In lower case the word is a common word ("may") and names no month.
  bool lower_case_is_word = false;
  // The word also names something else ("Mars", "Marco"): a date needs a
  // day, and when the word is capitalised also a year.
  bool also_a_name = false;
};

// The month `word` names, as a full name or common abbreviation, ignoring
// the case of ASCII and Latin-1 letters: "février", "Feb", "MÄRZ", "mrt",
// "setiembre". Abbreviations that are everyday English words ("set",
// "out", "ago", "gen", "mag", "lug") are left out.
MonthName LookUpMonth(std::string_view word);

}  // namespace privacy::detect
