#include "nats/worker_health.h"

#include "common/json_text.h"
#include "nats/stream_inspection.h"

namespace privacy::nats {

namespace {

const char* ConnectionStatusName(natsConnStatus status) {
  switch (status) {
    case NATS_CONN_STATUS_DISCONNECTED: return "disconnected";
    case NATS_CONN_STATUS_CONNECTING: return "connecting";
    case NATS_CONN_STATUS_CONNECTED: return "connected";
    case NATS_CONN_STATUS_CLOSED: return "closed";
    case NATS_CONN_STATUS_RECONNECTING: return "reconnecting";
    case NATS_CONN_STATUS_DRAINING_SUBS:
    case NATS_CONN_STATUS_DRAINING_PUBS: return "draining";
  }
  return "unknown";
}

void AppendKey(std::string* out, const char* key) {
  AppendJsonString(out, key);
  out->push_back(':');
}

void AppendNumber(std::string* out, const char* key, int64_t value) {
  AppendKey(out, key);
  out->append(std::to_string(value));
}

void AppendString(std::string* out, const char* key, std::string_view value) {
  AppendKey(out, key);
  AppendJsonString(out, value);
}

void AppendBool(std::string* out, const char* key, bool value) {
  AppendKey(out, key);
  out->append(value ? "true" : "false");
}

}  // namespace

std::string HealthSubject(std::string_view worker_id) {
  return "privacy.health." + std::string(worker_id);
}

WorkerHealth::WorkerHealth(natsConnection* conn, jsCtx* js, std::string worker_id,
                           HealthTarget bucket, HealthTarget audit_stream,
                           SelfCheck detector_check, int64_t timeout_ms)
    : conn_(conn),
      js_(js),
      worker_id_(std::move(worker_id)),
      bucket_(std::move(bucket)),
      audit_stream_(std::move(audit_stream)),
      detector_check_(std::move(detector_check)),
      timeout_ms_(timeout_ms) {}

Status WorkerHealth::Register(RequestServer* server) {
  return server->AddEndpoint("health", HealthSubject(worker_id_), "",
                             [this](const IncomingRequest&) {
                               return OutgoingReply{ReportJson(), std::nullopt};
                             });
}

bool WorkerHealth::AppendTarget(std::string* out, const char* key,
                                const HealthTarget& target) const {
  auto found = InspectStream(js_, target.stream, timeout_ms_);
  AppendKey(out, key);
  out->push_back('{');
  AppendString(out, "name", target.name);
  out->push_back(',');
  AppendBool(out, "usable", found.ok());
  if (!found) {
    out->push_back(',');
    AppendString(out, "error", found.error().message);
    out->push_back('}');
    return false;
  }
  const StreamSettings& actual = found->settings;
  out->push_back(',');
  AppendNumber(out, "replicas", actual.replicas);
  out->push_back(',');
  AppendString(out, "storage", actual.memory_storage ? "memory" : "file");
  out->push_back(',');
  AppendNumber(out, "max_age_s", actual.max_age.count());
  out->push_back(',');
  AppendNumber(out, "messages", static_cast<int64_t>(found->messages));
  out->push_back(',');
  AppendString(out, "leader", found->leader);
  out->append(",\"differences\":[");
  bool first = true;
  for (const SettingDifference& d : DiffStreamSettings(target.configured, actual)) {
    if (!first) out->push_back(',');
    first = false;
    out->push_back('{');
    AppendString(out, "setting", d.setting);
    out->push_back(',');
    AppendString(out, "configured", d.configured);
    out->push_back(',');
    AppendString(out, "actual", d.actual);
    out->push_back('}');
  }
  out->append("]}");
  return true;
}

std::string WorkerHealth::ReportJson() const {
  natsConnStatus status = natsConnection_Status(conn_);
  char url[256] = "";
  natsConnection_GetConnectedUrl(conn_, url, sizeof url);
  bool connected = status == NATS_CONN_STATUS_CONNECTED;

  std::string body;
  body.push_back(',');
  AppendKey(&body, "nats");
  body.push_back('{');
  AppendString(&body, "status", ConnectionStatusName(status));
  body.push_back(',');
  AppendString(&body, "server", url);
  body.append("},");
  bool bucket_ok = AppendTarget(&body, "kv_bucket", bucket_);
  body.push_back(',');
  bool stream_ok = AppendTarget(&body, "audit_stream", audit_stream_);
  Status detector = detector_check_ ? detector_check_() : Status::Ok();
  body.push_back(',');
  AppendKey(&body, "detector");
  body.push_back('{');
  AppendBool(&body, "ok", detector.ok());
  if (!detector) {
    body.push_back(',');
    AppendString(&body, "error", detector.error().message);
  }
  body.append("}}");

  std::string out = "{";
  AppendString(&out, "id", worker_id_);
  out.push_back(',');
  AppendBool(&out, "healthy", connected && bucket_ok && stream_ok && detector.ok());
  return out + body;
}

}  // namespace privacy::nats
