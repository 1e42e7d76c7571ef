// Least privilege in deploy/: the audit-reader user of nats-accounts.conf
// reads the audit stream only through its own durable pull consumer (made
// ahead by privacy-service) and sees nothing else of the service account;
// the cluster configuration takes no client and no route without
// credentials, and serves monitoring on localhost only.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include "integration/test_values.h"
#include "support/accounts_config.h"
#include "support/command_run.h"
#include "support/loopback_port.h"
#include "support/nats_cluster.h"
#include "nats/handles.h"
#include "support/nats_monitor.h"
#include "support/readiness.h"
#include "support/worker_process.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

const ClientCredentials kAuditReader = UserPassword("audit-reader", "audit-secret");
const ClientCredentials kService = UserPassword("privacy-service", "service-secret");

// Whether the server reported a permissions violation naming `subject` on
// `client`'s connection (nats.c keeps it as the connection's last error).
bool Refused(NatsClient& client, const std::string& subject) {
  natsConnection_Flush(client.connection());
  const char* text = nullptr;
  natsStatus last = natsConnection_GetLastError(client.connection(), &text);
  return last == NATS_NOT_PERMITTED && text != nullptr &&
         std::string(text).find("\"" + subject + "\"") != std::string::npos;
}

// A synchronous subscription of `client` to `subject`.
privacy::nats::SubscriptionPtr Subscribe(NatsClient& client, const std::string& subject) {
  natsSubscription* raw = nullptr;
  ThrowIfNotOk(natsConnection_SubscribeSync(&raw, client.connection(), subject.c_str()),
               "natsConnection_SubscribeSync(" + subject + ")");
  return privacy::nats::SubscriptionPtr(raw);
}

// Whether `subscription` received a message within `wait`.
bool Received(natsSubscription* subscription, std::chrono::milliseconds wait) {
  natsMsg* raw = nullptr;
  natsStatus s = natsSubscription_NextMsg(&raw, subscription, wait.count());
  natsMsg_Destroy(raw);
  return s == NATS_OK;
}

bool ConsumerExists(NatsClient& client, const std::string& name) {
  jsConsumerInfo* raw = nullptr;
  natsStatus s =
      js_GetConsumerInfo(&raw, client.jetstream(), "PRIVACY_AUDIT", name.c_str(), nullptr, nullptr);
  jsConsumerInfo_Destroy(raw);
  return s == NATS_OK;
}

std::vector<std::string> AuditArgs(const std::string& command, const std::string& url,
                                   const ClientCredentials& user) {
  return {"audit", command,        "--nats-url", url,          "--nats-user",
          user.user, "--nats-password", user.password, "--durable", "compliance"};
}

// nats-server with deploy/nats-accounts.conf, a worker as privacy-service
// and a client of the service account, ready.
struct AccountsDeployment {
  AccountsDeployment() { WaitUntilReady(service, &worker); }
  NatsServer server{AccountsServerOptions()};
  WorkerProcess worker{server.url(),
                       {"--nats-user", "privacy-service", "--nats-password", "service-secret"}};
  NatsClient service{server.url(), kService};
};

}  // namespace

TEST_SUITE("least privilege") {
  TEST_CASE("the audit reader cannot make its consumer; privacy-service makes it ahead") {
    AccountsDeployment deployment;
    NatsServer& server = deployment.server;
    NatsClient& service = deployment.service;

    CommandRun own = RunPrivacyFilter(AuditArgs("create-consumer", server.url(), kAuditReader));
    CHECK(own.status == 1);
    CommandRun tail = RunPrivacyFilter(AuditArgs("tail", server.url(), kAuditReader));
    CHECK(tail.status == 1);
    CHECK_FALSE(ConsumerExists(service, "compliance"));

    CommandRun ahead = RunPrivacyFilter(AuditArgs("create-consumer", server.url(), kService));
    INFO(ahead.Describe());
    CHECK(ahead.status == 0);
    CHECK(ConsumerExists(service, "compliance"));
    Call<v1::MaskReply>(service, kMask, MaskReq("mail " + kEmail.value));
    CommandRun read = RunPrivacyFilter(AuditArgs("tail", server.url(), kAuditReader));
    INFO(read.Describe());
    CHECK(read.status == 0);
    CHECK(Lines(read.out).size() >= 1);
    CHECK(read.out.find(kEmail.value) == std::string::npos);
  }

  TEST_CASE("the audit reader sees no inbox of the service account and cannot touch consumers") {
    AccountsDeployment deployment;
    NatsServer& server = deployment.server;
    NatsClient& service = deployment.service;
    REQUIRE(RunPrivacyFilter(AuditArgs("create-consumer", server.url(), kService)).status == 0);
    NatsClient reader(server.url(), kAuditReader);

    // Subscriptions to the service's inboxes, or to everything, are refused.
    std::vector<privacy::nats::SubscriptionPtr> attempts;
    for (const std::string subject : {"_INBOX.>", ">", "privacy.>", "$JS.API.>"}) {
      CAPTURE(subject);
      attempts.push_back(Subscribe(reader, subject));
      CHECK(Refused(reader, subject));
    }
    // Its own reply prefix is allowed, and a resolve the service account
    // makes reaches none of its subscriptions.
    attempts.push_back(Subscribe(reader, "_AUDIT_INBOX.>"));
    natsConnection_Flush(reader.connection());
    auto m = Call<v1::MaskReply>(service, kMask, MaskReq("mail " + kEmail.value));
    auto r = Call<v1::ResolveReply>(service, kResolve,
                                    ResolveReq(m.session_id(), {m.entities(0).token()}));
    REQUIRE(r.resolved().at(m.entities(0).token()) == kEmail.value);
    for (auto& subscription : attempts) {
      CHECK_FALSE(Received(subscription.get(), std::chrono::milliseconds(300)));
    }

    // No consumer can be made (push consumers deliver anywhere) nor deleted.
    const std::string push_config =
        R"({"stream_name":"PRIVACY_AUDIT","config":{"durable_name":"spy",)"
        R"("deliver_subject":"spy.events","ack_policy":"none"}})";
    for (const std::string& subject :
         {std::string("$JS.API.CONSUMER.DURABLE.CREATE.PRIVACY_AUDIT.spy"),
          std::string("$JS.API.CONSUMER.CREATE.PRIVACY_AUDIT"),
          std::string("$JS.API.CONSUMER.DURABLE.CREATE.PRIVACY_AUDIT.compliance")}) {
      CAPTURE(subject);
      natsConnection_PublishString(reader.connection(), subject.c_str(), push_config.c_str());
      CHECK(Refused(reader, subject));
    }
    const std::string remove = "$JS.API.CONSUMER.DELETE.PRIVACY_AUDIT.compliance";
    natsConnection_PublishString(reader.connection(), remove.c_str(), "");
    CHECK(Refused(reader, remove));
    CHECK_FALSE(ConsumerExists(service, "spy"));
    CHECK(ConsumerExists(service, "compliance"));
  }

  TEST_CASE("a node of the cluster configuration takes no client or route without credentials") {
    const uint16_t cluster_port = PickFreeLoopbackPort();
    NatsServerOptions options;
    options.config_file = DeployClusterConfig();
    options.store_dir_from_env = true;
    options.env = kAccountPasswords;
    options.env.emplace_back("NATS_SERVER_NAME", "n0");
    options.env.emplace_back("NATS_ROUTE_PASSWORD", kRoutePassword);
    // Its own route and two absent peers.
    for (const char* route : {"NATS_ROUTE_1", "NATS_ROUTE_2", "NATS_ROUTE_3"}) {
      const uint16_t port = route[11] == '1' ? cluster_port : PickFreeLoopbackPort();
      options.env.emplace_back(
          route, "nats://route:" + kRoutePassword + "@127.0.0.1:" + std::to_string(port));
    }
    // A --cluster URL without credentials would clear the file's route
    // authorization: the flag names it again.
    options.extra_args = {"--cluster", "nats://route:" + kRoutePassword + "@127.0.0.1:" +
                                           std::to_string(cluster_port)};
    NatsServer node(options);

    CHECK_THROWS(NatsClient(node.url()));
    CHECK_THROWS(NatsClient(node.url(), UserPassword("privacy-service", "wrong")));
    NatsClient service(node.url(), kService);
    CHECK(service.Connected());
    CHECK(node.LogTail(100000).find("Starting http monitor on 127.0.0.1:") != std::string::npos);

    // A server dialling the node's route port without the route password
    // is turned away.
    NatsServerOptions intruder_options;
    intruder_options.extra_args = {
        "-n", "intruder", "--cluster_name", "privacy", "--cluster",
        "nats://127.0.0.1:" + std::to_string(PickFreeLoopbackPort()), "--routes",
        "nats://127.0.0.1:" + std::to_string(cluster_port)};
    NatsServer intruder(intruder_options);
    CHECK(PollUntil(
        [&] {
          return node.LogTail(100000).find("Authorization Violation") != std::string::npos ||
                 node.LogTail(100000).find("authentication error") != std::string::npos;
        },
        std::chrono::seconds(10)));
    const std::string routes = MonitorGet(node.monitor_port(), "/routez");
    INFO(routes);
    CHECK(routes.find("\"num_routes\": 0") != std::string::npos);
  }
}
