// A privacy-filter worker process under test.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "support/child_process.h"
#include "support/temp_dir.h"

namespace privacy::testing {

// Environment variables of a process under test.
using Environment = std::vector<std::pair<std::string, std::string>>;

// The encryption master key workers get unless a test sets its own.
std::string TestMasterKey();

// Runs `PRIVACY_FILTER_BIN serve --nats-url URL ARGS...` with its stderr in a
// log file of its own temp dir; stopped (SIGTERM) on destruction. Its
// environment has ENCRYPTION_MASTER_KEY=TestMasterKey() unless `env` sets it.
class WorkerProcess {
 public:
  WorkerProcess(const std::string& nats_url, std::vector<std::string> extra_args = {},
                Environment env = {});
  ~WorkerProcess();
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  // SIGTERM, wait up to `timeout`, then SIGKILL; returns the exit status
  // (0 for a graceful shutdown). Idempotent.
  ExitStatus Stop(std::chrono::milliseconds timeout = std::chrono::seconds(15));

  bool Running() { return process_->Running(); }
  // Waits up to `timeout` for the worker to exit by itself.
  std::optional<ExitStatus> WaitFor(std::chrono::milliseconds timeout) {
    return process_->WaitFor(timeout);
  }
  std::optional<ExitStatus> exit_status() const { return process_->exit_status(); }
  pid_t pid() const { return process_->pid(); }

  std::string Log() const { return process_->Log(); }
  std::string LogTail(size_t max_bytes = 4000) const { return process_->LogTail(max_bytes); }
  std::string CommandLine() const { return process_->CommandLine(); }

 private:
  TempDir dir_;
  std::unique_ptr<ChildProcess> process_;
};

// The privacy-filter binary under test: $PRIVACY_FILTER_BIN if set, else the
// path compiled in by CMake.
std::string PrivacyFilterBinary();

}  // namespace privacy::testing
