#include "support/nats_cluster.h"

#include <stdexcept>

#include "support/accounts_config.h"
#include "support/diagnostics.h"
#include "support/loopback_port.h"
#include "support/nats_monitor.h"
#include "support/readiness.h"

namespace privacy::testing {

namespace {

const std::string kClusterName = "privacy-it";

// The string value following `"key":` in `json` (first occurrence), or "".
std::string StringAfter(const std::string& json, const std::string& key) {
  size_t at = json.find("\"" + key + "\":");
  if (at == std::string::npos) return {};
  size_t open = json.find('"', at + key.size() + 3);
  size_t close = open == std::string::npos ? open : json.find('"', open + 1);
  if (close == std::string::npos) return {};
  return json.substr(open + 1, close - open - 1);
}

size_t CountOf(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace

std::string DeployClusterConfig() {
  return std::string(TEST_DATA_DIR) + "/../../deploy/cluster/nats-cluster.conf";
}

NatsCluster::NatsCluster(int size, const std::string& config_file) {
  std::vector<uint16_t> route_ports;
  for (int i = 0; i < size; ++i) route_ports.push_back(PickFreeLoopbackPort());
  // Routes authenticate as the shipped configuration requires.
  std::vector<std::string> route_urls;
  std::string routes;
  for (uint16_t port : route_ports) {
    route_urls.push_back("nats://" + kRouteUser + ":" + kRoutePassword + "@127.0.0.1:" +
                         std::to_string(port));
    routes += (routes.empty() ? "" : ",") + route_urls.back();
  }
  Diagnostics::Register(this, [this] { return Describe(); });
  try {
    for (int i = 0; i < size; ++i) {
      NatsServerOptions options;
      options.config_file = config_file;
      options.store_dir_from_env = !config_file.empty();
      options.env = kAccountPasswords;
      options.env.emplace_back("NATS_SERVER_NAME", NodeName(i));
      options.env.emplace_back("NATS_ROUTE_PASSWORD", kRoutePassword);
      // The file names three routes; the command line's --routes wins.
      for (size_t r = 0; r < 3; ++r) {
        options.env.emplace_back("NATS_ROUTE_" + std::to_string(r + 1),
                                 route_urls[r % route_urls.size()]);
      }
      options.extra_args = {"-n", NodeName(i),
                            "--cluster_name", kClusterName,
                            // With credentials: a --cluster URL without them
                            // would clear the file's route authorization.
                            "--cluster", route_urls[i],
                            "--routes", routes};
      nodes_.push_back(std::make_unique<NatsServer>(std::move(options)));
    }
    if (!WaitForJetStream(nodes_.size(), std::chrono::seconds(30))) {
      throw std::runtime_error("JetStream cluster not formed within 30 s:\n" + Describe());
    }
  } catch (...) {
    Diagnostics::Unregister(this);
    throw;
  }
}

NatsCluster::~NatsCluster() {
  Diagnostics::Unregister(this);
  for (auto& node : nodes_) node->Stop();
}

bool NatsCluster::WaitForJetStream(size_t peers, std::chrono::milliseconds timeout) {
  return PollUntil(
      [&] {
        std::string leader;
        std::string leader_jsz;
        for (size_t i = 0; i < nodes_.size(); ++i) {
          if (!nodes_[i]->Running()) continue;
          std::string jsz;
          try {
            jsz = MonitorGet(nodes_[i]->monitor_port(), "/jsz");
          } catch (const std::exception&) {
            return false;
          }
          std::string seen = StringAfter(jsz, "leader");
          if (seen.empty() || (!leader.empty() && seen != leader)) return false;
          leader = seen;
          if (seen == NodeName(i)) leader_jsz = jsz;
        }
        // The leader lists the other peers, each "current" once caught up.
        return !leader_jsz.empty() && CountOf(leader_jsz, "\"current\": true") + 1 >= peers;
      },
      timeout);
}

namespace {

// Asks through `client` which server leads `stream`, waiting `wait_ms` (0:
// the library's default) for the answer; `leader` is empty when the answer
// names none (nats-server 2.9 has a replica answer so after ~5 s without a
// leader).
natsStatus GetStreamLeader(NatsClient& client, const std::string& stream, int64_t wait_ms,
                           std::string* leader) {
  jsOptions options;
  jsOptions_Init(&options);
  options.Wait = wait_ms;
  jsStreamInfo* raw = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  const natsStatus s = js_GetStreamInfo(&raw, client.jetstream(), stream.c_str(), &options, &err);
  nats::StreamInfoPtr info(raw);
  leader->clear();
  if (s == NATS_OK && info->Cluster != nullptr && info->Cluster->Leader != nullptr) {
    *leader = info->Cluster->Leader;
  }
  return s;
}

}  // namespace

size_t NatsCluster::StreamLeader(NatsClient& client, const std::string& stream) {
  std::string leader;
  ThrowIfNotOk(GetStreamLeader(client, stream, 0, &leader), "js_GetStreamInfo(" + stream + ")");
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (!leader.empty() && NodeName(i) == leader) return i;
  }
  throw std::runtime_error("stream " + stream + " has no known leader");
}

bool NatsCluster::WaitForStreamLeader(NatsClient& client, const std::string& stream,
                                      std::chrono::milliseconds timeout,
                                      std::optional<size_t> former) {
  // Without a leader the request may also go unanswered: asked again.
  return PollUntil(
      [&] {
        std::string leader;
        return GetStreamLeader(client, stream, 1000, &leader) == NATS_OK && !leader.empty() &&
               (!former || leader != NodeName(*former));
      },
      timeout);
}

std::string NatsCluster::Describe() const {
  std::string out;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    out += "===== cluster node " + NodeName(i) + " " + nodes_[i]->url() + " log tail:\n" +
           nodes_[i]->LogTail(1500) + "\n";
  }
  return out;
}

}  // namespace privacy::testing
