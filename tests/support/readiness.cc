#include "support/readiness.h"

#include <stdexcept>
#include <thread>

#include "support/nats_monitor.h"
#include "support/privacy_wire.h"
#include "support/worker_process.h"

namespace privacy::testing {

bool PollUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (condition()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void WaitUntilReady(NatsClient& client, WorkerProcess* worker, std::chrono::milliseconds timeout) {
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + timeout;
  const std::string probe = Encode(DetectReq("readiness probe"), Encoding::kProtobuf);
  Reply last;
  while (std::chrono::steady_clock::now() < deadline) {
    if (worker != nullptr && !worker->Running()) {
      throw std::runtime_error("worker exited (" + DescribeExitStatus(worker->exit_status().value_or(-1)) +
                               ") before it was ready: " + worker->CommandLine() + "\nlog:\n" +
                               worker->LogTail());
    }
    last = client.Request(kDetect, probe, {}, std::chrono::milliseconds(500));
    if (last.ok() && !last.Header("Nats-Service-Error-Code")) return;
    if (last.ok() || last.status == NATS_NO_RESPONDERS) {
      // Not subscribed yet (no responders return at once) or not ready (error).
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  std::string msg = "privacy.detect not answered within " +
                    std::to_string(timeout.count()) + " ms; last reply: " + last.Describe();
  if (worker != nullptr) msg += "\nworker log:\n" + worker->LogTail();
  throw std::runtime_error(msg);
}

void WaitForWorkerSubscriptions(uint16_t monitor_port, int count,
                                std::chrono::milliseconds timeout) {
  int seen = 0;
  if (PollUntil(
          [&] {
            seen = static_cast<int>(SubscriberDeliveries(monitor_port, kDetect).size());
            return seen >= count;
          },
          timeout)) {
    return;
  }
  throw std::runtime_error("expected " + std::to_string(count) +
                           " workers subscribed to privacy.detect, saw " + std::to_string(seen));
}

}  // namespace privacy::testing
