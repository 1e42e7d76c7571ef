// `privacy-filter health`: checks one worker or all of them over NATS and
// exits 0 when healthy, 1 otherwise (for Kubernetes exec probes).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace privacy::tools {

// Adds the `health` subcommand to `app`; when it is parsed, `*run` is set
// to the action that performs it and returns the exit code.
void AddHealthCommand(CLI::App* app, std::function<int()>* run);

}  // namespace privacy::tools
