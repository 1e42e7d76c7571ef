// Read-after-delete on a 3-node JetStream cluster (deploy/cluster's
// configuration) with the session bucket and the audit stream at 3
// replicas: a worker on every node, each taking the requests of clients on
// its node; once a delete through one node has answered, no worker on any
// node serves the session's values. A replica answering for a bucket
// without a leader does not confirm a worker's copy.
#include <doctest/doctest.h>

#include <signal.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "integration/read_after_delete_checks.h"
#include "integration/test_values.h"
#include "support/accounts_config.h"
#include "support/audit_events.h"
#include "support/jetstream_reader.h"
#include "support/nats_cluster.h"
#include "support/readiness.h"
#include "support/worker_process.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

TEST_SUITE("cluster") {
  TEST_CASE("R3: mask and resolve on every node, and no value is served once delete has answered") {
    NatsCluster cluster(3, DeployClusterConfig());
    std::vector<std::unique_ptr<NatsClient>> clients;
    std::vector<std::unique_ptr<WorkerProcess>> workers;
    for (size_t i = 0; i < cluster.size(); ++i) {
      clients.push_back(std::make_unique<NatsClient>(AsPrivacyService(cluster.node(i).url())));
      // One at a time: the first creates the R3 bucket and stream.
      workers.push_back(std::make_unique<WorkerProcess>(
          AsPrivacyService(cluster.node(i).url()), std::vector<std::string>{"--replicas", "3"}));
      WaitUntilReady(*clients.back(), workers.back().get(), std::chrono::seconds(30));
      WaitForWorkerSubscriptions(cluster.node(i).monitor_port(), 1, std::chrono::seconds(30));
    }
    for (const std::string& stream : {std::string("KV_privacy_sessions"), kAuditStream}) {
      auto summary = GetStream(*clients[0], stream);
      REQUIRE(summary.has_value());
      CHECK(summary->replicas == 3);
    }

    // Where nats-server placed the workers' change feed consumers (each
    // node logs the consumers it leads), for the record.
    const size_t bucket_leader = cluster.StreamLeader(*clients[0], "KV_privacy_sessions");
    for (size_t i = 0; i < cluster.size(); ++i) {
      const std::string log = cluster.node(i).LogTail(1 << 20);
      size_t led = 0;
      const std::string mark = "new consumer leader for 'PRIVACY > KV_privacy_sessions >";
      for (size_t at = log.find(mark); at != std::string::npos; at = log.find(mark, at + 1)) ++led;
      const std::string role = i == bucket_leader ? " (bucket leader)" : "";
      MESSAGE(NatsCluster::NodeName(i), role, " leads ", led, " change feed consumers");
    }

    AfterDelete total;
    for (size_t round = 0; round < 6; ++round) {
      // Masked through one node, read through every node (so that every
      // worker holds the session), deleted through the next.
      MaskedSession session = MaskEmail(*clients[round % 3]);
      for (auto& client : clients) ResolveEverywhere(*client, session, 5);
      NatsClient& deleter = *clients[(round + 1) % 3];
      AfterDelete seen = DeleteThenRead(deleter, session, 10);
      for (auto& client : clients) {
        if (client.get() != &deleter) seen += ResolveDeleted(*client, session, 30);
      }
      total += seen;
    }
    CHECK(total.values_served == 0);
    CHECK(total.other == 0);
    CHECK(total.not_found == 6 * (12 + 2 * 30));
    // Every worker answered reads of deleted sessions.
    for (auto& worker : workers) CHECK(LoggedReplies(worker->Log(), "resolve", 404) > 0);
    // The deletions reached the replicated audit stream.
    CHECK(PollUntil(
        [&] {
          size_t deletes = 0;
          for (const AuditRecord& record : ReadAuditEvents(*clients[2])) {
            if (record.event.kind() == "delete" && record.event.error_code() == 0) ++deletes;
          }
          return deletes == 6;
        },
        std::chrono::seconds(10)));
    for (auto& worker : workers) CHECK(worker->Stop() == 0);
  }

  TEST_CASE("R3: while the bucket has no leader, no worker answers from its copy") {
    NatsCluster cluster(3, DeployClusterConfig());
    // A first worker makes the R3 bucket; the one under test runs on a node
    // following the bucket's leader (a leader that lost its quorum goes on
    // answering alone until it notices, which is another matter).
    size_t kept = 0;
    {
      NatsClient first_client(AsPrivacyService(cluster.node(0).url()));
      WorkerProcess first(AsPrivacyService(cluster.node(0).url()), {"--replicas", "3"});
      WaitUntilReady(first_client, &first, std::chrono::seconds(30));
      MaskEmail(first_client);
      kept = (cluster.StreamLeader(first_client, "KV_privacy_sessions") + 1) % cluster.size();
      CHECK(first.Stop() == 0);
    }
    NatsClient client(AsPrivacyService(cluster.node(kept).url()));
    WorkerProcess worker(AsPrivacyService(cluster.node(kept).url()), {"--replicas", "3"});
    WaitUntilReady(client, &worker, std::chrono::seconds(30));
    // The worker holds the session (it wrote and read it).
    MaskedSession session = MaskEmail(client);
    ResolveEverywhere(client, session, 5);

    // Two of the three replicas gone: no leader can be elected. After about
    // 5 s without one, nats-server 2.9.10 has the remaining replica answer
    // stream info requests with its own state, naming no leader; the
    // worker's copy has applied that state, but it is no leader's word, so
    // the copy answers nothing and reads go to the bucket, which cannot
    // answer either.
    for (size_t i = 0; i < cluster.size(); ++i) {
      if (i == kept) continue;
      cluster.node(i).Signal(SIGKILL);
      cluster.node(i).Stop();
    }
    std::this_thread::sleep_for(std::chrono::seconds(8));
    // A resolve waiting on the bucket may also go unanswered in time: that
    // serves no value either.
    AfterDelete seen;
    int unanswered = 0;
    for (int i = 0; i < 10; ++i) {
      Reply reply = Send(client, kResolve, ResolveReq(session.id, {session.token}));
      if (reply.ok()) {
        seen.Count(reply);
      } else {
        ++unanswered;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    MESSAGE("without a leader: ", seen.not_found, " not found, ", seen.other, " other errors, ",
            unanswered, " unanswered");
    CHECK_MESSAGE(seen.values_served == 0, "served from a copy no leader confirmed:\n",
                  worker.LogTail());

    // With the replicas back, the bucket has a leader again and the session
    // resolves.
    for (size_t i = 0; i < cluster.size(); ++i) {
      if (i != kept) cluster.node(i).Start();
    }
    CHECK(cluster.WaitForJetStream(3, std::chrono::seconds(30)));
    CHECK(PollUntil(
        [&] {
          Reply reply = Send(client, kResolve, ResolveReq(session.id, {session.token}));
          return reply.ok() && !reply.Header("Nats-Service-Error-Code");
        },
        std::chrono::seconds(30)));
    // The audit events of the resolves made without a leader are published
    // again once the audit stream has one; a stop before that loses them.
    CHECK(NatsCluster::WaitForStreamLeader(client, kAuditStream, std::chrono::seconds(60)));
    CHECK(worker.Stop() == 0);
  }
}
