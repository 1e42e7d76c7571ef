// Lame duck: when its nats-server announces lame-duck mode, a worker stops
// taking requests, answers those in flight, flushes its audit events and
// exits 0, while a worker on another node keeps serving: no request fails.
#include <doctest/doctest.h>

#include <signal.h>

#include "integration/test_values.h"
#include "support/mask_load.h"
#include "support/accounts_config.h"
#include "support/nats_cluster.h"
#include "support/nats_monitor.h"
#include "support/readiness.h"
#include "support/worker_process.h"

using namespace privacy::testing;

TEST_SUITE("lame duck") {
  TEST_CASE("a worker leaves on its server's lame-duck notice without failing a request") {
    NatsCluster cluster(3, DeployClusterConfig());
    const std::vector<std::string> args = {"--replicas", "3"};
    // One worker at a time: the first creates the R3 bucket and stream (a
    // worker that exits meanwhile fails the test at once, with its log).
    NatsClient probe(AsPrivacyService(cluster.node(0).url()));
    std::vector<std::unique_ptr<WorkerProcess>> workers;
    for (size_t node : {0, 1}) {
      workers.push_back(
          std::make_unique<WorkerProcess>(AsPrivacyService(cluster.node(node).url()), args));
      WaitUntilReady(probe, workers.back().get(), std::chrono::seconds(30));
      WaitForWorkerSubscriptions(cluster.node(node).monitor_port(), 1, std::chrono::seconds(30));
    }
    // The leaving node does not lead the session bucket (its JetStream
    // leadership moving away is the cluster test's subject, not this one's).
    const size_t leaving = cluster.StreamLeader(probe, "KV_privacy_sessions") == 0 ? 1 : 0;
    const size_t staying = 1 - leaving;
    WorkerProcess& leaver = *workers[leaving];
    WorkerProcess& stayer = *workers[staying];

    MaskLoad load({AsPrivacyService(cluster.node(staying).url()),
                   AsPrivacyService(cluster.node(2).url())},
                  6);
    REQUIRE(load.WaitForSuccesses(300, std::chrono::seconds(20)));
    // The leaving worker has its share of the load (from the node without a
    // worker) when the notice comes.
    auto delivered = [&] {
      auto deliveries = SubscriberDeliveries(cluster.node(leaving).monitor_port(), kMask);
      return deliveries.size() == 1 && deliveries.begin()->second > 0;
    };
    REQUIRE(PollUntil(delivered, std::chrono::seconds(10)));
    const auto notice_at = std::chrono::steady_clock::now();
    cluster.node(leaving).Signal(SIGUSR2);  // what `nats-server --signal ldm=<pid>` sends
    auto status = leaver.WaitFor(std::chrono::seconds(20));
    const auto left_after = std::chrono::steady_clock::now() - notice_at;
    REQUIRE_MESSAGE(status.has_value(), "the worker did not leave; log:\n", leaver.LogTail());
    CHECK(*status == 0);
    CHECK(leaver.Log().find("\"reason\":\"lame_duck\"") != std::string::npos);
    REQUIRE(load.WaitForSuccesses(load.successes() + 300, std::chrono::seconds(20)));
    load.Stop();

    MESSAGE("load: ", load.Summary(), "; the worker left ",
            std::chrono::duration_cast<std::chrono::milliseconds>(left_after).count(),
            " ms after the notice");
    CHECK(load.failures().empty());
    CHECK(stayer.Running());
    CHECK(stayer.Stop() == 0);
    // In lame-duck mode the node only exits after evicting its last clients,
    // once its grace period (10 s) is over; nothing is left to see there.
    cluster.node(leaving).Signal(SIGKILL);
  }
}
