// Waiting until privacy-filter workers serve requests.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "support/nats_client.h"

namespace privacy::testing {

class WorkerProcess;

// Polls privacy.detect (short request timeout) until some worker answers it
// with a non-error reply. Throws std::runtime_error on timeout, or at once if
// `worker` (when given) exits meanwhile, with the worker's log tail.
void WaitUntilReady(NatsClient& client, WorkerProcess* worker = nullptr,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10));

// Polls the server's /subsz until `count` connections (workers) subscribe to
// privacy.detect. Throws on timeout.
void WaitForWorkerSubscriptions(uint16_t monitor_port, int count,
                                std::chrono::milliseconds timeout = std::chrono::seconds(10));

// Polls `condition` every 20 ms until it holds; false on timeout.
bool PollUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

}  // namespace privacy::testing
