// Command-line options of the detector, shared by the subcommands that
// build one (serve, eval).
#pragma once

#include <CLI/CLI.hpp>

#include "detect/detector.h"

namespace privacy::cli {

// Adds --phone-regions, --min-score, --gazetteer, --tagger-model and
// --name-detector (with their environment variables) to `command`, writing
// into `config`.
void AddDetectorOptions(CLI::App* command, detect::DetectorConfig* config);

}  // namespace privacy::cli
