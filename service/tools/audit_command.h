// `privacy-filter audit tail`: prints audit events as JSON lines through a
// durable consumer, acknowledging each stream message after printing its
// events.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace privacy::tools {

// Adds the `audit` subcommand (with `tail`) to `app`; when it is parsed,
// `*run` is set to the action that performs it and returns the exit code.
void AddAuditCommand(CLI::App* app, std::function<int()>* run);

}  // namespace privacy::tools
