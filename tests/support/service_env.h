// A ready-to-use privacy-filter deployment: nats-server, workers, client.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "support/nats_client.h"
#include "support/nats_server.h"
#include "support/worker_process.h"

namespace privacy::testing {

// What to start: `workers` worker processes with extra `serve` arguments
// `worker_args`; `name` labels the environment in diagnostics.
struct ServiceEnvOptions {
  ServiceEnvOptions(std::string name, int workers = 1, std::vector<std::string> worker_args = {})
      : name(std::move(name)), workers(workers), worker_args(std::move(worker_args)) {}

  std::string name;
  int workers;
  std::vector<std::string> worker_args;
};

// Starts a NatsServer and `workers` WorkerProcesses and waits until every
// worker has subscribed and the service answers; tears down in reverse order.
class ServiceEnv {
 public:
  explicit ServiceEnv(ServiceEnvOptions options);
  ~ServiceEnv();
  ServiceEnv(const ServiceEnv&) = delete;
  ServiceEnv& operator=(const ServiceEnv&) = delete;

  NatsServer& server() { return *server_; }
  WorkerProcess& worker(size_t i = 0) { return *workers_.at(i); }
  size_t worker_count() const { return workers_.size(); }
  NatsClient& client() { return *client_; }
  const ServiceEnvOptions& options() const { return options_; }

  // Starts one more worker with `args` (default: the env's worker_args) and
  // waits until it has subscribed.
  WorkerProcess& AddWorker(std::vector<std::string> args);
  WorkerProcess& AddWorker() { return AddWorker(options_.worker_args); }

  // A new, separate connection to the server.
  std::unique_ptr<NatsClient> NewClient() const;

  // Log tails of the server and workers.
  std::string Describe() const;

 private:
  ServiceEnvOptions options_;
  std::unique_ptr<NatsServer> server_;
  std::vector<std::unique_ptr<WorkerProcess>> workers_;
  std::unique_ptr<NatsClient> client_;
};

// A ServiceEnv shared by the test cases of one file: started on first use,
// stopped at the end of the test run (ShutdownSharedEnvs). A start failure
// is remembered, so later test cases fail fast with the same message.
class SharedServiceEnv {
 public:
  explicit SharedServiceEnv(ServiceEnvOptions options);
  ServiceEnv& Get();

 private:
  ServiceEnvOptions options_;
  std::unique_ptr<ServiceEnv> env_;
  std::string failure_;
};

// Stops every shared environment (called when the test run ends).
void ShutdownSharedEnvs();

}  // namespace privacy::testing
