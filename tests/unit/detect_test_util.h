// Helpers shared by the detection unit tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detect/detector.h"

namespace privacy::detect::testing {

// One detector for all tests (construction compiles the Hyperscan database).
inline const Detector& SharedDetector() {
  static const std::unique_ptr<Detector> detector = CreateDetector(DetectorConfig{});
  return *detector;
}

// "TYPE:value" for each finding, in order.
inline std::vector<std::string> Found(std::string_view text,
                                      std::vector<std::string> only_types = {}) {
  DetectOptions options;
  options.only_types = std::move(only_types);
  std::vector<std::string> out;
  for (const Finding& f : SharedDetector().Detect(text, options)) {
    out.push_back(f.type + ":" + std::string(text.substr(f.start, f.end - f.start)));
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace privacy::detect::testing
