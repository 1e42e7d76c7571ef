// Allow values: values never reported.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "detect/detector.h"

namespace privacy::detect {

// Decides whether a finding's text is allowed (and so dropped), from the
// deployment's allow list and the call's. A value that is also a deny value
// (of the deployment or of the call) is never allowed. Immutable and safe
// for concurrent use.
class AllowList {
 public:
  explicit AllowList(const DetectorConfig& config);

  bool empty() const { return exact_.empty() && caseless_.empty(); }

  // True when a finding whose text is `value` must not be reported.
  bool Allows(std::string_view value, const DetectOptions& options) const;

 private:
  bool IsDenied(std::string_view value, const DetectOptions& options) const;

  std::unordered_set<std::string> exact_;
  std::unordered_set<std::string> caseless_;  // lower-cased
  std::unordered_set<std::string> denied_exact_;
  std::unordered_set<std::string> denied_caseless_;  // lower-cased
};

}  // namespace privacy::detect
