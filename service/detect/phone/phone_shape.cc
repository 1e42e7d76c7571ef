#include "detect/phone/phone_shape.h"

#include <algorithm>

namespace privacy::detect {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The bytes between digit groups `i` and `i + 1`.
std::string_view Between(std::string_view candidate, std::span<const DigitGroup> groups,
                         size_t i) {
  const size_t from = groups[i].offset + groups[i].length;
  return candidate.substr(from, groups[i + 1].offset - from);
}

bool IsDateShape(std::string_view candidate, std::span<const DigitGroup> groups) {
  if (groups.size() != 3) return false;
  const std::string_view first = Between(candidate, groups, 0);
  const std::string_view second = Between(candidate, groups, 1);
  if (first.size() != 1 || first != second) return false;
  const char sep = first[0];
  if (sep != '/' && sep != '.' && sep != '-') return false;
  const uint32_t a = groups[0].length, b = groups[1].length, c = groups[2].length;
  const bool day_month_year = a <= 2 && b <= 2 && (c == 4 || (sep == '/' && c == 2));
  const bool year_month_day = a == 4 && b <= 2 && c <= 2;
  return day_month_year || year_month_day;
}

bool IsVersionShape(std::string_view candidate, std::span<const DigitGroup> groups) {
  if (groups.size() < 3) return false;
  for (size_t i = 0; i + 1 < groups.size(); ++i) {
    if (Between(candidate, groups, i) != ".") return false;
  }
  return std::any_of(groups.begin() + 1, groups.end(),
                     [](const DigitGroup& g) { return g.length == 1; });
}

bool HasBadSeparator(std::string_view candidate, std::span<const DigitGroup> groups) {
  for (size_t i = 0; i + 1 < groups.size(); ++i) {
    const std::string_view sep = Between(candidate, groups, i);
    const auto count = [&](char c) { return std::count(sep.begin(), sep.end(), c); };
    if (count('.') + count('-') > 1 || count('(') > 1 || count(')') > 1 || count('+') > 0) {
      return true;
    }
    if (count(' ') > 2) return true;
  }
  return false;
}

bool HasUnbalancedBrackets(std::string_view candidate) {
  int depth = 0;
  for (char c : candidate) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth < 0 || depth > 1) return true;
  }
  return depth != 0;
}

// PhoneNumberMatcher's limit on the punctuation between two digit groups.
constexpr size_t kMaxMatcherPunctuation = 4;

}  // namespace

std::vector<DigitGroup> DigitGroupsOf(std::string_view candidate) {
  std::vector<DigitGroup> groups;
  for (size_t i = 0; i < candidate.size();) {
    if (!IsDigit(candidate[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < candidate.size() && IsDigit(candidate[end])) ++end;
    groups.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(end - i)});
    i = end;
  }
  return groups;
}

bool IsNonPhoneShape(std::string_view candidate, std::span<const DigitGroup> groups) {
  if (groups.empty()) return true;
  const size_t plus = candidate.find('+');
  if (plus != std::string_view::npos && plus > groups[0].offset) return true;
  return HasUnbalancedBrackets(candidate) || HasBadSeparator(candidate, groups) ||
         IsDateShape(candidate, groups) || IsVersionShape(candidate, groups);
}

bool IsWholeMatcherCandidate(std::string_view candidate, std::span<const DigitGroup> groups) {
  if (groups.empty()) return false;
  const std::string_view lead = candidate.substr(0, groups[0].offset);
  if (lead != "+" && lead != "(+") return false;
  for (size_t i = 0; i + 1 < groups.size(); ++i) {
    if (Between(candidate, groups, i).size() > kMaxMatcherPunctuation) return false;
  }
  const size_t open = candidate.find('(');
  if (open == std::string_view::npos) return candidate.find(')') == std::string_view::npos;
  const size_t close = candidate.find(')');
  return std::count(candidate.begin(), candidate.end(), '(') == 1 &&
         std::count(candidate.begin(), candidate.end(), ')') == 1 && close > open + 1 &&
         candidate.find('-') > open;
}

bool IsNorthAmericanShape(std::string_view candidate, std::span<const DigitGroup> groups) {
  size_t first = 0;
  std::string_view lead = candidate.substr(0, groups.empty() ? 0 : groups[0].offset);
  // "1-", "1 ", "+1 " before the area code.
  if (groups.size() == 4 && groups[0].length == 1 && candidate[groups[0].offset] == '1' &&
      (lead.empty() || lead == "+")) {
    const std::string_view gap = Between(candidate, groups, 0);
    if (gap != "-" && gap != " " && gap != "." && gap != " (") return false;
    first = 1;
    lead = gap == " (" ? "(" : "";
  }
  if (groups.size() != first + 3 || groups[first].length != 3 || groups[first + 1].length != 3 ||
      groups[first + 2].length != 4) {
    return false;
  }
  const DigitGroup& last = groups[first + 2];
  if (last.offset + last.length != candidate.size()) return false;
  const std::string_view area_gap = Between(candidate, groups, first);
  const std::string_view line_gap = Between(candidate, groups, first + 1);
  if (line_gap != "-" && line_gap != "." && line_gap != " ") return false;
  if (lead == "(") return area_gap == ") " || area_gap == ")";
  return lead.empty() && area_gap == line_gap;
}

}  // namespace privacy::detect
