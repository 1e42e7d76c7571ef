// Validator for calendar dates written with digits.
#pragma once

#include <string_view>

namespace privacy::detect {

// A date of three numeric fields with one consistent separator ('-', '/' or
// '.'): year-month-day (optionally followed by an ISO 8601 time), or
// day-month-year / month-day-year with a 2- or 4-digit year. A two-digit
// year after '.' needs two-digit day and month, so that version numbers
// such as 2.9.10 are rejected. Day and month must form a real date.
bool IsValidNumericDate(std::string_view value);

}  // namespace privacy::detect
