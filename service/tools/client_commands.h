// The client side of the binary: `privacy-filter mask|detect|resolve|demask|
// delete` send one request over NATS and print the JSON reply.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace privacy::tools {

// Adds the client subcommands to `app`. When one of them is parsed,
// `*run` is set to the action that performs it and returns the exit code.
void AddClientCommands(CLI::App* app, std::function<int()>* run);

}  // namespace privacy::tools
