#include "detect/lists/allow_list.h"

#include <algorithm>

#include "detect/scan/literal_pattern.h"

namespace privacy::detect {

AllowList::AllowList(const DetectorConfig& config) {
  for (const std::string& v : config.allow_values) {
    exact_.insert(v);
    if (config.allow_values_ignore_case) caseless_.insert(AsciiLower(v));
  }
  for (const DenyValue& d : config.deny_values) {
    (d.ignore_case ? denied_caseless_ : denied_exact_)
        .insert(d.ignore_case ? AsciiLower(d.value) : d.value);
  }
}

bool AllowList::IsDenied(std::string_view value, const DetectOptions& options) const {
  if (denied_exact_.count(std::string(value)) > 0) return true;
  if (!denied_caseless_.empty() && denied_caseless_.count(AsciiLower(value)) > 0) return true;
  return std::any_of(options.deny_values.begin(), options.deny_values.end(),
                     [&](const auto& d) { return d.first == value; });
}

bool AllowList::Allows(std::string_view value, const DetectOptions& options) const {
  const bool allowed =
      exact_.count(std::string(value)) > 0 ||
      (!caseless_.empty() && caseless_.count(AsciiLower(value)) > 0) ||
      std::find(options.allow_values.begin(), options.allow_values.end(), value) !=
          options.allow_values.end();
  return allowed && !IsDenied(value, options);
}

}  // namespace privacy::detect
