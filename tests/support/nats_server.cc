#include "support/nats_server.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "support/loopback_port.h"

namespace privacy::testing {

std::string NatsServerBinary() {
  if (const char* env = std::getenv("NATS_SERVER_BIN"); env != nullptr && *env != '\0') return env;
  if (std::filesystem::exists("/usr/sbin/nats-server")) return "/usr/sbin/nats-server";
  return "nats-server";
}

NatsServer::NatsServer(NatsServerOptions options)
    : options_(std::move(options)),
      dir_("privacy-it-nats"), store_dir_(dir_.path() / "jetstream"),
      log_file_(dir_.path() / "nats-server.log") {
  constexpr int kAttempts = 5;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    port_ = PickFreeLoopbackPort();
    do {
      monitor_port_ = PickFreeLoopbackPort();
    } while (monitor_port_ == port_);
    if (Launch(std::chrono::seconds(15))) return;
  }
  throw std::runtime_error("nats-server did not start after " + std::to_string(kAttempts) +
                           " attempts; log:\n" + LogTail());
}

NatsServer::~NatsServer() { Stop(); }

std::string NatsServer::url() const { return "nats://127.0.0.1:" + std::to_string(port_); }

bool NatsServer::Launch(std::chrono::milliseconds timeout) {
  ChildProcess::Options opts;
  opts.argv = {NatsServerBinary(), "-js",
               "-a", "127.0.0.1",
               "-p", std::to_string(port_),
               "-m", std::to_string(monitor_port_)};
  if (!options_.config_file.empty()) {
    opts.argv.insert(opts.argv.begin() + 1, {"-c", options_.config_file});
  }
  opts.argv.insert(opts.argv.end(), options_.extra_args.begin(), options_.extra_args.end());
  opts.env = options_.env;
  if (options_.store_dir_from_env) {
    opts.env.emplace_back("NATS_STORE_DIR", store_dir_.string());
  } else {
    opts.argv.insert(opts.argv.end(), {"-sd", store_dir_.string()});
  }
  opts.log_file = log_file_;
  process_ = std::make_unique<ChildProcess>(std::move(opts));
  ChildProcess* p = process_.get();
  if (WaitForLoopbackPort(port_, timeout, [p] { return p->Running(); }) && p->Running()) {
    return true;
  }
  process_->Stop(std::chrono::seconds(2));
  process_.reset();
  return false;
}

void NatsServer::Stop() {
  if (process_) {
    process_->Stop(std::chrono::seconds(10));
    process_.reset();
  }
}

void NatsServer::Start() {
  if (process_) return;
  // The ports were ours a moment ago; retry briefly in case of a transient
  // collision but keep the same ports (clients reconnect to them).
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (Launch(std::chrono::seconds(15))) return;
  }
  throw std::runtime_error("nats-server did not restart on port " + std::to_string(port_) +
                           "; log:\n" + LogTail());
}

void NatsServer::Restart() {
  Stop();
  Start();
}

bool NatsServer::Running() { return process_ && process_->Running(); }

void NatsServer::Signal(int signal) {
  if (process_) process_->Signal(signal);
}

std::string NatsServer::LogTail(size_t max_bytes) const {
  if (process_) return process_->LogTail(max_bytes);
  std::ifstream in(log_file_, std::ios::binary);
  std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return log.size() <= max_bytes ? log : "[...]" + log.substr(log.size() - max_bytes);
}

}  // namespace privacy::testing
