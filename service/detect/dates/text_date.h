// Dates written with a month name, in the languages of month_names.h.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace privacy::detect {

// A date ParseTextDate read: its byte span and the parts it has besides
// the month.
struct TextDate {
  size_t start = 0;
  size_t end = 0;
  bool has_day = false;
  bool has_year = false;
};

// Reads the date whose day or year is the number starting at byte `digit`
// of `text`. The month name comes before the number when a space precedes
// it ("March 3", "Feb. 3rd, 2025", "März 2025", "febrero de 2025") or after
// it ("3 March 2025", "3. Februar", "1er mars", "3 de febrero de 2025",
// "21st of March", "3-Feb-2025"), or a range of days before the month
// ("3-5 June 2024", "June 3–5, 2024"). A year has four digits (1800-2199),
// a day one or two and must exist in its month. Returns nothing when the
// number is not part of such a date.
std::optional<TextDate> ParseTextDate(std::string_view text, size_t digit);

// True when the whole of `value` is one date that ParseTextDate reads from
// its first number (validator "text_date").
bool IsValidTextDate(std::string_view value);

}  // namespace privacy::detect
