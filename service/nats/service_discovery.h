// The NATS services API (ADR-32) face of a service: answers $SRV.PING,
// $SRV.INFO and $SRV.STATS (plain, .<name> and .<name>.<id>) so that
// `nats micro ls|info|stats` find it. nats.c 3.4.1 has no micro API.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "nats/request_server.h"

namespace privacy::nats {

// Who the service is, as discovery reports it.
struct ServiceIdentity {
  std::string name;  // ^[A-Za-z0-9_-]+$
  std::string id;    // unique per worker
  std::string version;  // semver
  std::string description;
};

// Safe for concurrent use; reads the served endpoints' counters on demand.
class ServiceDiscovery {
 public:
  // Extra members of the `data` object of an endpoint's stats, as the text
  // of a JSON object, by endpoint name; empty for none. Called concurrently.
  // The endpoint's latency figures are always in `data` as well.
  using EndpointData = std::function<std::string(std::string_view endpoint_name)>;

  // `endpoint_data`: every source of extra `data` members, in the order
  // their members are printed.
  ServiceDiscovery(ServiceIdentity identity, const RequestServer* served,
                   std::vector<EndpointData> endpoint_data = {});

  // Subscribes the nine $SRV subjects on `server` (no queue group: every
  // worker answers).
  Status Register(RequestServer* server);

  std::string PingJson() const;
  std::string InfoJson() const;
  std::string StatsJson() const;

 private:
  // {"type":..,"name":..,"id":..,"version":..,"metadata":{}} without the
  // closing brace.
  std::string Header(const char* type) const;

  ServiceIdentity identity_;
  const RequestServer* served_;
  std::vector<EndpointData> endpoint_data_;
  std::string started_;
};

}  // namespace privacy::nats
