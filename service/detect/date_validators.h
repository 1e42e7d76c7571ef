// Validators for calendar dates written with digits or with month names.
#pragma once

#include <string_view>

namespace privacy::detect {

// A date of three numeric fields with one consistent separator ('-', '/' or
// '.'): year-month-day (optionally followed by an ISO 8601 time), or
// day-month-year / month-day-year with a 2- or 4-digit year. A two-digit
// year after '.' needs two-digit day and month, so that version numbers
// such as 2.9.10 are rejected. Day and month must form a real date.
bool IsValidNumericDate(std::string_view value);

// A date with an English month name or abbreviation and a day, a year or
// both ("Feb 3rd", "3 February 2025", "Aug 11, 2017", "May 2010"). The day
// must exist in that month; a lower-case "may" is taken for the verb.
bool IsValidTextDate(std::string_view value);

}  // namespace privacy::detect
