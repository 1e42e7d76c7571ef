// The table of built-in recognizers the detector is assembled from.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "detect/detector.h"
#include "detect/recognizer.h"

namespace privacy::detect {

// Builds one recognizer; may throw std::runtime_error on bad configuration.
using RecognizerFactory = std::unique_ptr<Recognizer> (*)(const DetectorConfig& config);

// Where the detector compiles a recognizer's patterns. A call scans only the
// databases holding patterns of recognizers it wants.
enum class ScanDatabase {
  kShared,  // one database with the patterns of every kShared recognizer
  // A database of its own, for patterns that hit very often (every capital
  // letter): calls without the recognizer do not pay for them, and two
  // smaller databases scan prose faster than one holding both.
  kOwn,
};

// A named entry of the registry.
struct RecognizerEntry {
  std::string_view name;
  RecognizerFactory make;
  ScanDatabase database = ScanDatabase::kShared;
};

// Every built-in recognizer, in the order of recognizers/builtin_recognizers.def.
std::span<const RecognizerEntry> BuiltinRecognizers();

// The factories of the built-in recognizers, one per recognizers/recognizer_*.cc.
#define BUILTIN_RECOGNIZER(name, factory, database) \
  std::unique_ptr<Recognizer> factory(const DetectorConfig& config);
#include "detect/recognizers/builtin_recognizers.def"
#undef BUILTIN_RECOGNIZER

}  // namespace privacy::detect
