// A graceful stop ends within its drain timeout whatever NATS does: with
// NATS down, with the audit connection stalled (acknowledgements never
// come), with every connection stalled, and under load. Its last log line
// counts the audit events it could not get stored; the exit code is 3 when
// any were lost, 0 otherwise.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "integration/test_values.h"
#include "support/mask_load.h"
#include "support/nats_server.h"
#include "support/readiness.h"
#include "support/service_env.h"
#include "support/tcp_relay.h"
#include "support/worker_process.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

constexpr auto kDrainTimeout = std::chrono::milliseconds(3000);
// Process start-up and reaping on two busy cores, beyond the drain timeout.
constexpr auto kSlack = std::chrono::milliseconds(700);
constexpr int kExitAuditEventsLost = 3;

// Worker arguments: a short drain timeout; with `hold_audit`, audit events
// wait for their message until the stop (so that a stop has some to lose).
std::vector<std::string> StopArgs(bool hold_audit) {
  std::vector<std::string> args = {"--drain-timeout-ms", std::to_string(kDrainTimeout.count())};
  if (hold_audit) args.insert(args.end(), {"--audit-batch-delay-ms", "60000"});
  return args;
}

// How a stop went.
struct StopOutcome {
  ExitStatus status = -1;
  std::chrono::milliseconds took{0};
  std::string last_line;
};

StopOutcome StopWorker(WorkerProcess& worker) {
  const auto started = std::chrono::steady_clock::now();
  StopOutcome outcome;
  outcome.status = worker.Stop(std::chrono::seconds(20));
  outcome.took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  std::string log = worker.Log();
  while (!log.empty() && log.back() == '\n') log.pop_back();
  outcome.last_line = log.substr(log.rfind('\n') + 1);
  return outcome;
}

// Checks that `stop` ended on time, lost `lost` audit events and said so.
void CheckStop(const StopOutcome& stop, int lost) {
  CHECK(stop.took < kDrainTimeout + kSlack);
  CHECK(stop.status == (lost > 0 ? kExitAuditEventsLost : 0));
  CHECK(stop.last_line.find("\"event\":\"worker_stopped\"") != std::string::npos);
  CHECK(stop.last_line.find("\"audit_events_lost\":" + std::to_string(lost) + ",") !=
        std::string::npos);
}

void MaskSome(NatsClient& client, int n) {
  for (int i = 0; i < n; ++i) Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
}

}  // namespace

TEST_SUITE("stop") {
  TEST_CASE("with NATS down, a stop ends on time and counts the audit events it lost") {
    NatsServer server;
    WorkerProcess worker(server.url(), StopArgs(true));
    NatsClient client(server.url());
    WaitUntilReady(client, &worker);
    MaskSome(client, 3);
    server.Stop();
    StopOutcome stop = StopWorker(worker);
    INFO(worker.LogTail());
    CheckStop(stop, 3);
    CHECK(worker.Log().find(kEmail.value) == std::string::npos);
  }

  TEST_CASE("with the audit stream's acknowledgements stalled, a stop ends on time") {
    NatsServer server;
    TcpRelay relay(server.port(), "-audit\"");
    WorkerProcess worker(relay.url(), StopArgs(false));
    NatsClient client(server.url());
    WaitUntilReady(client, &worker);
    REQUIRE(relay.marked_connections() == 1);
    relay.Stall();
    MaskSome(client, 5);
    StopOutcome stop = StopWorker(worker);
    INFO(worker.LogTail());
    CheckStop(stop, 5);
  }

  TEST_CASE("with every connection stalled, the deadline ends the stop") {
    NatsServer server;
    TcpRelay relay(server.port(), "\"name\":\"privacy-filter-");
    WorkerProcess worker(relay.url(), StopArgs(true));
    NatsClient client(server.url());
    WaitUntilReady(client, &worker);
    REQUIRE(relay.marked_connections() == 4);  // requests, texts, feed, audit
    MaskSome(client, 2);
    relay.Stall();
    StopOutcome stop = StopWorker(worker);
    INFO(worker.LogTail());
    CheckStop(stop, 2);
  }

  TEST_CASE("under load, a stop answers every request, loses no event and exits 0") {
    ServiceEnv env({"stop-under-load", 2, StopArgs(false)});
    MaskLoad load({env.server().url()}, 6);
    REQUIRE(load.WaitForSuccesses(200, std::chrono::seconds(20)));
    StopOutcome stop = StopWorker(env.worker(0));
    INFO(env.worker(0).LogTail());
    CheckStop(stop, 0);
    CHECK(stop.last_line.find("\"ended_by\":\"graceful_stop\"") != std::string::npos);
    REQUIRE(load.WaitForSuccesses(load.successes() + 100, std::chrono::seconds(20)));
    load.Stop();
    INFO(load.Summary());
    CHECK(load.failures().empty());
  }
}
