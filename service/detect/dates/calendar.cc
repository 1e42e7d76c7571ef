#include "detect/dates/calendar.h"

namespace privacy::detect {
namespace {

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

bool DayExists(int day, int month, int year) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  if (month == 2 && year != 0 && !IsLeap(year)) return day <= 28;
  return day <= kDays[month - 1];
}

bool PlausibleYear(int year) { return year >= 1800 && year <= 2199; }

}  // namespace privacy::detect
