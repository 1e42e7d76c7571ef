// A private cluster of nats-servers with JetStream for failover tests.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/nats_client.h"
#include "support/nats_server.h"

namespace privacy::testing {

// The shipped cluster configuration, deploy/cluster/nats-cluster.conf. Its
// nodes take clients of deploy/nats-accounts.conf only (see
// accounts_config.h) and routes of this user and password.
std::string DeployClusterConfig();
inline const std::string kRouteUser = "route";
inline const std::string kRoutePassword = "route-secret";

// `size` nats-servers named n0, n1, ... on free loopback ports, each with its
// own JetStream store dir, routed to each other as cluster "privacy-it".
// Stopped on destruction; nodes can be stopped and started again one by one.
class NatsCluster {
 public:
  // Starts every node and waits until JetStream has elected a meta leader
  // that every node knows; throws if that does not happen in time. With a
  // `config_file` (e.g. deploy/cluster/nats-cluster.conf), every node runs
  // it with its name in $NATS_SERVER_NAME and its store dir in
  // $NATS_STORE_DIR, the passwords of accounts_config.h and the route
  // credentials above; the ports, routes and cluster name of the command
  // line take precedence over the file's.
  explicit NatsCluster(int size = 3, const std::string& config_file = "");
  ~NatsCluster();
  NatsCluster(const NatsCluster&) = delete;
  NatsCluster& operator=(const NatsCluster&) = delete;

  size_t size() const { return nodes_.size(); }
  NatsServer& node(size_t i) { return *nodes_.at(i); }
  static std::string NodeName(size_t i) { return "n" + std::to_string(i); }

  // Waits until every running node names the same JetStream meta leader and
  // sees `peers` current peers in it; false on timeout.
  bool WaitForJetStream(size_t peers, std::chrono::milliseconds timeout);

  // The node leading JetStream stream `stream`, asked through `client`.
  size_t StreamLeader(NatsClient& client, const std::string& stream);
  // Waits until `stream` has a leader, other than node `former` when set,
  // asking through `client`; false when it has none within `timeout`.
  static bool WaitForStreamLeader(NatsClient& client, const std::string& stream,
                                  std::chrono::milliseconds timeout,
                                  std::optional<size_t> former = std::nullopt);

  // Log tails of every node.
  std::string Describe() const;

 private:
  std::vector<std::unique_ptr<NatsServer>> nodes_;
};

}  // namespace privacy::testing
