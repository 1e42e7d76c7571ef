// Command-line options that choose how PERSON, LOCATION and ORGANIZATION
// are found, shared by the subcommands that build a detector.
#pragma once

#include <CLI/CLI.hpp>

#include "detect/detector.h"

namespace privacy::app {

// Adds --gazetteer, --tagger-model and --name-detector (with their
// environment variables) to `command`, writing into `config`.
void AddNameDetectionOptions(CLI::App* command, detect::DetectorConfig* config);

}  // namespace privacy::app
