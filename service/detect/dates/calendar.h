// Calendar checks shared by the date validators.
#pragma once

namespace privacy::detect {

// True when `day` exists in `month` (1-12) of `year`; an unknown year (0)
// allows 29 February.
bool DayExists(int day, int month, int year);

// True for years a date in a prompt plausibly carries (1800-2199).
bool PlausibleYear(int year);

}  // namespace privacy::detect
