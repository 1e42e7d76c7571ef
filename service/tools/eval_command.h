// `privacy-filter eval FILE.jsonl`: scores detection on a labelled corpus.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace privacy::tools {

// Adds the eval subcommand; when parsed, `*run` performs it and returns the
// exit code (0 when the corpus was scored, 1 when it could not be read).
void AddEvalCommand(CLI::App* app, std::function<int()>* run);

}  // namespace privacy::tools
