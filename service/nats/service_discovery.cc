#include "nats/service_discovery.h"

#include <ctime>

#include "common/json_text.h"

namespace privacy::nats {

namespace {

// RFC 3339 with nanoseconds, UTC, as Go's time.Time marshals.
std::string Rfc3339Now() {
  auto now = std::chrono::system_clock::now();
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(ns / 1'000'000'000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buf[64];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(buf + n, sizeof buf - n, ".%09lldZ", static_cast<long long>(ns % 1'000'000'000));
  return buf;
}

void AppendField(std::string* out, const char* key, std::string_view value) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
  AppendJsonString(out, value);
}

// Opens an endpoint object with its name, subject and queue group.
void AppendEndpointIdentity(std::string* out, const RequestServer::EndpointInfo& e) {
  out->push_back('{');
  AppendField(out, "name", e.name);
  out->push_back(',');
  AppendField(out, "subject", e.subject);
  out->push_back(',');
  AppendField(out, "queue_group", e.queue_group);
}

// The endpoint's latency figures over the recent window, as a JSON member.
std::string LatencyMember(const LatencyHistogram& latency) {
  LatencySummary s = latency.Summary();
  return "\"latency\":" + JsonObject()
                              .Number("window_s", latency.window().count())
                              .Number("count", static_cast<int64_t>(s.count))
                              .Number("p50_ns", s.p50_ns)
                              .Number("p90_ns", s.p90_ns)
                              .Number("p99_ns", s.p99_ns)
                              .Number("max_ns", s.max_ns)
                              .Close();
}

// The requests refused for overload before any work, per limit, as a JSON
// member.
std::string OverloadMember(const EndpointStats& stats) {
  return "\"overload\":" +
         JsonObject()
             .Number("byte_budget", static_cast<int64_t>(stats.refused_byte_budget))
             .Number("queue_wait", static_cast<int64_t>(stats.refused_queue_wait))
             .Close();
}

// One `data` object: the latency and overload members, then the members of
// each of `extras` (a JSON object's text, or empty).
std::string EndpointDataObject(const EndpointStats& stats,
                               const std::vector<std::string>& extras) {
  std::string out = "{" + LatencyMember(stats.latency) + "," + OverloadMember(stats);
  for (std::string_view extra : extras) {
    if (extra.size() > 2 && extra.front() == '{' && extra.back() == '}') {
      out.push_back(',');
      out.append(extra.substr(1, extra.size() - 2));
    }
  }
  out.push_back('}');
  return out;
}

}  // namespace

ServiceDiscovery::ServiceDiscovery(ServiceIdentity identity, const RequestServer* served,
                                   std::vector<EndpointData> endpoint_data)
    : identity_(std::move(identity)),
      served_(served),
      endpoint_data_(std::move(endpoint_data)),
      started_(Rfc3339Now()) {}

std::string ServiceDiscovery::Header(const char* type) const {
  std::string out = "{";
  AppendField(&out, "type", type);
  out.push_back(',');
  AppendField(&out, "name", identity_.name);
  out.push_back(',');
  AppendField(&out, "id", identity_.id);
  out.push_back(',');
  AppendField(&out, "version", identity_.version);
  out.append(",\"metadata\":{}");
  return out;
}

std::string ServiceDiscovery::PingJson() const {
  return Header("io.nats.micro.v1.ping_response") + "}";
}

std::string ServiceDiscovery::InfoJson() const {
  std::string out = Header("io.nats.micro.v1.info_response");
  out.push_back(',');
  AppendField(&out, "description", identity_.description);
  out.append(",\"endpoints\":[");
  bool first = true;
  for (const auto& e : served_->Endpoints()) {
    if (!first) out.push_back(',');
    first = false;
    AppendEndpointIdentity(&out, e);
    out.append(",\"metadata\":null}");
  }
  out.append("]}");
  return out;
}

std::string ServiceDiscovery::StatsJson() const {
  std::string out = Header("io.nats.micro.v1.stats_response");
  out.push_back(',');
  AppendField(&out, "started", started_);
  out.append(",\"endpoints\":[");
  bool first = true;
  for (const auto& e : served_->Endpoints()) {
    if (!first) out.push_back(',');
    first = false;
    const EndpointStats& s = e.stats;
    int64_t average = s.requests == 0 ? 0 : s.processing_time_ns / static_cast<int64_t>(s.requests);
    AppendEndpointIdentity(&out, e);
    out.append(",\"num_requests\":" + std::to_string(s.requests));
    out.append(",\"num_errors\":" + std::to_string(s.errors));
    out.push_back(',');
    AppendField(&out, "last_error", s.last_error);
    out.append(",\"processing_time\":" + std::to_string(s.processing_time_ns));
    out.append(",\"average_processing_time\":" + std::to_string(average));
    std::vector<std::string> extras;
    for (const EndpointData& data : endpoint_data_) {
      if (data) extras.push_back(data(e.name));
    }
    out.append(",\"data\":" + EndpointDataObject(s, extras) + "}");
  }
  out.append("]}");
  return out;
}

Status ServiceDiscovery::Register(RequestServer* server) {
  struct Verb {
    const char* name;
    std::string (ServiceDiscovery::*render)() const;
  };
  const Verb verbs[] = {{"PING", &ServiceDiscovery::PingJson},
                        {"INFO", &ServiceDiscovery::InfoJson},
                        {"STATS", &ServiceDiscovery::StatsJson}};
  for (const auto& verb : verbs) {
    std::string base = std::string("$SRV.") + verb.name;
    for (const std::string& subject :
         {base, base + "." + identity_.name, base + "." + identity_.name + "." + identity_.id}) {
      auto render = verb.render;
      auto status = server->AddEndpoint(
          subject, subject, "", RequestServer::Answering([this, render](const IncomingRequest&) {
            return OutgoingReply{(this->*render)(), std::nullopt};
          }));
      if (!status) return status;
    }
  }
  return Status::Ok();
}

}  // namespace privacy::nats
