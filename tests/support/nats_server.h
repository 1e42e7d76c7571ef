// A private nats-server with JetStream for one test (or one test file).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "support/child_process.h"
#include "support/temp_dir.h"

namespace privacy::testing {

// How to run a test's nats-server beyond the defaults.
struct NatsServerOptions {
  // A configuration file (`-c`), e.g. accounts or TLS; the command-line
  // port, monitoring port, JetStream and store dir still apply.
  std::string config_file;
  // Environment of the server (a configuration can refer to $VARIABLES).
  std::vector<std::pair<std::string, std::string>> env;
  // More command-line arguments (e.g. a server name and cluster routes).
  std::vector<std::string> extra_args;
  // The configuration file sets its JetStream `store_dir: $NATS_STORE_DIR`:
  // the private store dir goes there instead of to `-sd` (nats-server
  // refuses a store dir set both ways).
  bool store_dir_from_env = false;
};

// Runs `nats-server -js` on free loopback ports (client + HTTP monitoring)
// with a fresh store dir; stops it and removes the dir on destruction.
class NatsServer {
 public:
  // Starts the server and waits until it accepts connections; throws if it
  // cannot be started.
  explicit NatsServer(NatsServerOptions options = {});
  ~NatsServer();
  NatsServer(const NatsServer&) = delete;
  NatsServer& operator=(const NatsServer&) = delete;

  uint16_t port() const { return port_; }
  uint16_t monitor_port() const { return monitor_port_; }
  std::string url() const;

  // Stops the server (SIGTERM, then SIGKILL) and starts it again on the same
  // ports with the same JetStream store dir.
  void Restart();

  // Stops the server; Start() brings it back on the same ports and store.
  void Stop();
  void Start();
  bool Running();
  // Sends `signal` to the server process (e.g. SIGUSR2: lame-duck mode).
  void Signal(int signal);

  std::string LogTail(size_t max_bytes = 4000) const;
  const std::filesystem::path& store_dir() const { return store_dir_; }

 private:
  // Spawns the server on the current ports; false if it exited before it
  // accepted connections (e.g. a port collision).
  bool Launch(std::chrono::milliseconds timeout);

  NatsServerOptions options_;
  TempDir dir_;
  std::filesystem::path store_dir_;
  std::filesystem::path log_file_;
  uint16_t port_ = 0;
  uint16_t monitor_port_ = 0;
  std::unique_ptr<ChildProcess> process_;
};

// Path of the nats-server binary: $NATS_SERVER_BIN, else /usr/sbin/nats-server
// if present, else "nats-server" from PATH.
std::string NatsServerBinary();

}  // namespace privacy::testing
