// Builds the worker's Detector from its settings and the files they name
// (custom recognizers, allow list, deny list), at start-up and on reload.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "detect/detector.h"

namespace privacy::worker {

// Detection settings of a worker: the detector's own configuration plus the
// list files, which are read anew on every build.
struct DetectionSettings {
  detect::DetectorConfig detector;
  // One value per line; blank lines and lines starting with '#' are skipped.
  std::string allow_list_file;
  // "TYPE value" per line (the value is the rest of the line); blank lines
  // and lines starting with '#' are skipped.
  std::string deny_list_file;
};

// Reads the files and builds a detector; on failure the error names the
// file and line.
Result<std::shared_ptr<const detect::Detector>> BuildDetector(const DetectionSettings& settings);

}  // namespace privacy::worker
