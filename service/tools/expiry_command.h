// `privacy-filter expiry requeue`: queues an expiry check for every live
// session of the bucket, once, after upgrading from a build without the
// expiry queue (whose sessions have no check).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace privacy::tools {

// Adds the `expiry` subcommand (with `requeue`) to `app`; when it is
// parsed, `*run` is set to the action that performs it and returns the exit
// code.
void AddExpiryCommand(CLI::App* app, std::function<int()>* run);

}  // namespace privacy::tools
