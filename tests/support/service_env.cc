#include "support/service_env.h"

#include <mutex>
#include <stdexcept>

#include "support/diagnostics.h"
#include "support/readiness.h"

namespace privacy::testing {

ServiceEnv::ServiceEnv(ServiceEnvOptions options) : options_(std::move(options)) {
  server_ = std::make_unique<NatsServer>();
  Diagnostics::Register(this, [this] { return Describe(); });
  try {
    client_ = std::make_unique<NatsClient>(server_->url());
    for (int i = 0; i < options_.workers; ++i) AddWorker();
    WaitUntilReady(*client_, workers_.empty() ? nullptr : workers_.front().get());
  } catch (...) {
    Diagnostics::Unregister(this);
    throw;
  }
}

ServiceEnv::~ServiceEnv() {
  Diagnostics::Unregister(this);
  client_.reset();
  for (auto it = workers_.rbegin(); it != workers_.rend(); ++it) (*it)->Stop();
  workers_.clear();
  server_.reset();
}

WorkerProcess& ServiceEnv::AddWorker(std::vector<std::string> args) {
  const int expected = static_cast<int>(workers_.size()) + 1;
  workers_.push_back(std::make_unique<WorkerProcess>(server_->url(), std::move(args)));
  WorkerProcess& w = *workers_.back();
  // Readiness of *this* worker: its subscription shows up on the server.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::string error;
  while (true) {
    if (!w.Running()) {
      throw std::runtime_error("worker exited (" + DescribeExitStatus(w.exit_status().value_or(-1)) +
                               ") at startup: " + w.CommandLine() + "\nlog:\n" + w.LogTail());
    }
    try {
      WaitForWorkerSubscriptions(server_->monitor_port(), expected, std::chrono::milliseconds(200));
      break;
    } catch (const std::exception& e) {
      error = e.what();
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw std::runtime_error("worker not subscribed within 10 s (" + error + "): " +
                               w.CommandLine() + "\nlog:\n" + w.LogTail());
    }
  }
  return w;
}

std::unique_ptr<NatsClient> ServiceEnv::NewClient() const {
  return std::make_unique<NatsClient>(server_->url());
}

std::string ServiceEnv::Describe() const {
  std::string out = "===== [" + options_.name + "] nats-server " + server_->url() + " log tail:\n" +
                    server_->LogTail(1500) + "\n";
  for (size_t i = 0; i < workers_.size(); ++i) {
    out += "===== [" + options_.name + "] worker " + std::to_string(i) + ": " +
           workers_[i]->CommandLine() + "\n" + workers_[i]->LogTail(3000) + "\n";
  }
  return out;
}

namespace {

std::mutex& SharedMutex() {
  static std::mutex* mu = new std::mutex();
  return *mu;
}

std::vector<std::unique_ptr<ServiceEnv>*>& SharedSlots() {
  static auto* slots = new std::vector<std::unique_ptr<ServiceEnv>*>();
  return *slots;
}

}  // namespace

SharedServiceEnv::SharedServiceEnv(ServiceEnvOptions options) : options_(std::move(options)) {
  std::lock_guard lock(SharedMutex());
  SharedSlots().push_back(&env_);
}

ServiceEnv& SharedServiceEnv::Get() {
  if (env_) return *env_;
  if (!failure_.empty()) {
    throw std::runtime_error("shared environment '" + options_.name +
                             "' failed to start earlier: " + failure_);
  }
  try {
    env_ = std::make_unique<ServiceEnv>(options_);
  } catch (const std::exception& e) {
    failure_ = e.what();
    throw;
  }
  return *env_;
}

void ShutdownSharedEnvs() {
  std::lock_guard lock(SharedMutex());
  for (auto* slot : SharedSlots()) slot->reset();
}

}  // namespace privacy::testing

