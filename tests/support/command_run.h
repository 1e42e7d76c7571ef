// Running a command (privacy-filter health, audit tail, a script) to
// completion and reading what it printed.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "support/child_process.h"
#include "support/worker_process.h"

namespace privacy::testing {

// A finished command: its exit status, standard output and standard error.
struct CommandRun {
  ExitStatus status = -1;
  std::string out;
  std::string err;

  // For assertion messages.
  std::string Describe() const;
};

// Runs `argv` with `env` added to the environment; a command still running
// after `timeout` is stopped and reported as such.
CommandRun RunCommand(const std::vector<std::string>& argv, const Environment& env = {},
                      std::chrono::milliseconds timeout = std::chrono::seconds(20));

// RunCommand of `PRIVACY_FILTER_BIN args...`.
CommandRun RunPrivacyFilter(const std::vector<std::string>& args, const Environment& env = {},
                            std::chrono::milliseconds timeout = std::chrono::seconds(20));

// The non-empty lines of `text`.
std::vector<std::string> Lines(const std::string& text);

}  // namespace privacy::testing
