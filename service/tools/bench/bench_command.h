// `privacy-filter bench`: measures the privacy.* endpoints served at a NATS
// URL against a bare echo responder on the same server, in one run.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace privacy::tools {

// Adds the bench subcommand; when parsed, `*run` performs it and returns the
// exit code: 0 when every phase ran without error, 2 when some request
// failed (timeout, no responders, error reply), 1 when the run could not
// start (NATS unreachable, setup mask failed).
void AddBenchCommand(CLI::App* app, std::function<int()>* run);

}  // namespace privacy::tools
