// `privacy-filter keygen`: prints a new encryption master key.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace privacy::tools {

// Adds the `keygen` subcommand; when chosen, `*run` prints a new random
// master key in base64 on stdout.
void AddKeygenCommand(CLI::App* app, std::function<int()>* run);

}  // namespace privacy::tools
