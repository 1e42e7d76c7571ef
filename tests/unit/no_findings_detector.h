// A detector that finds nothing, for tests and benches that put their
// values into sessions directly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detect/detector.h"

namespace privacy::testing {

// Finds nothing and knows no type.
class NoFindingsDetector : public detect::Detector {
 public:
  std::vector<detect::Finding> Detect(std::string_view,
                                      const detect::DetectOptions&) const override {
    return {};
  }
  bool IsKnownType(std::string_view) const override { return false; }
  std::vector<std::string> KnownTypes() const override { return {}; }
};

}  // namespace privacy::testing
