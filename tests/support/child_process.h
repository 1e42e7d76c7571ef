// A spawned child process whose output goes to a log file.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace privacy::testing {

// Exit status of a child: the exit code, or 128 + signal number if a signal
// ended it (shell convention).
using ExitStatus = int;

// A child process (fork/exec) with stdout and stderr appended to a log file;
// killed (SIGTERM, then SIGKILL) and reaped on destruction, and killed by the
// kernel if the test binary dies.
class ChildProcess {
 public:
  struct Options {
    // argv[0] is looked up in PATH when it holds no '/'.
    std::vector<std::string> argv;
    std::filesystem::path log_file;
    // When set, stdout goes to this file instead of the log file.
    std::filesystem::path stdout_file;
    // Added to (or overriding) the environment of the test binary.
    std::vector<std::pair<std::string, std::string>> env;
  };

  explicit ChildProcess(Options options);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }

  // True while the process has not exited (reaps it when it has).
  bool Running();

  // The exit status once the process has exited.
  std::optional<ExitStatus> exit_status() const { return status_; }

  // Waits up to `timeout` for the process to exit by itself.
  std::optional<ExitStatus> WaitFor(std::chrono::milliseconds timeout);

  // SIGTERM, wait up to `grace`, then SIGKILL; returns the exit status.
  // Idempotent: returns the recorded status if the process already exited.
  ExitStatus Stop(std::chrono::milliseconds grace = std::chrono::seconds(10));

  // Sends `signal` to the process (no-op once it has exited).
  void Signal(int signal);

  // Whole log file, or its last `max_bytes` bytes.
  std::string Log() const;
  std::string LogTail(size_t max_bytes = 4000) const;

  const std::filesystem::path& log_file() const { return options_.log_file; }
  std::string CommandLine() const;

 private:
  Options options_;
  pid_t pid_ = -1;
  std::optional<ExitStatus> status_;
};

// Human-readable form of an ExitStatus, e.g. "exit 0" or "signal 9".
std::string DescribeExitStatus(ExitStatus status);

}  // namespace privacy::testing
