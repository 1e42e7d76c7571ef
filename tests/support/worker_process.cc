#include "support/worker_process.h"

#include <cstdlib>

#ifndef PRIVACY_FILTER_BIN
#error "PRIVACY_FILTER_BIN must be defined by the build (path of privacy-filter)"
#endif

namespace privacy::testing {

std::string PrivacyFilterBinary() {
  if (const char* env = std::getenv("PRIVACY_FILTER_BIN"); env != nullptr && *env != '\0') return env;
  return PRIVACY_FILTER_BIN;
}

std::string TestMasterKey() {
  // 32 bytes of 0x2a: a fixed key, so every worker of a test reads the
  // sessions of the others.
  return "KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=";
}

WorkerProcess::WorkerProcess(const std::string& nats_url, std::vector<std::string> extra_args,
                             Environment env)
    : dir_("privacy-it-worker") {
  ChildProcess::Options opts;
  opts.env.emplace_back("ENCRYPTION_MASTER_KEY", TestMasterKey());
  opts.env.insert(opts.env.end(), env.begin(), env.end());
  opts.argv = {PrivacyFilterBinary(), "serve", "--nats-url", nats_url};
  opts.argv.insert(opts.argv.end(), extra_args.begin(), extra_args.end());
  opts.log_file = dir_.path() / "worker.log";
  process_ = std::make_unique<ChildProcess>(std::move(opts));
}

WorkerProcess::~WorkerProcess() { Stop(); }

ExitStatus WorkerProcess::Stop(std::chrono::milliseconds timeout) { return process_->Stop(timeout); }

}  // namespace privacy::testing
