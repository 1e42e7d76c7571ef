#include "nats/worker_health.h"

#include "common/json_text.h"
#include "nats/stream_inspection.h"
#include "wire/subjects.h"

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

// [{"setting":..,"configured":..,"actual":..},...]
std::string DifferencesJson(const StreamSettings& configured, const StreamSettings& actual) {
  std::string out = "[";
  for (const SettingDifference& d : DiffStreamSettings(configured, actual)) {
    if (out.size() > 1) out.push_back(',');
    out += JsonObject()
               .String("setting", d.setting)
               .String("configured", d.configured)
               .String("actual", d.actual)
               .Close();
  }
  return out + "]";
}

}  // namespace

std::string HealthSubject(std::string_view worker_id) {
  return std::string(wire::kHealthSubjectPrefix) + std::string(worker_id);
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
                             RequestServer::Answering([this](const IncomingRequest&) {
                               return OutgoingReply{ReportJson(), std::nullopt};
                             }));
}

std::string WorkerHealth::TargetJson(const HealthTarget& target, bool* usable) const {
  auto found = InspectStream(js_, target.stream, timeout_ms_);
  *usable = found.ok();
  JsonObject out;
  out.String("name", target.name).Bool("usable", found.ok());
  if (!found) return out.String("error", found.error().message).Close();
  const StreamSettings& actual = found->settings;
  return out.Number("replicas", actual.replicas)
      .String("storage", actual.memory_storage ? "memory" : "file")
      .Number("max_age_s", actual.max_age.count())
      .Number("messages", static_cast<int64_t>(found->messages))
      .String("leader", found->leader)
      .Raw("differences", DifferencesJson(target.configured, actual))
      .Close();
}

std::string WorkerHealth::ReportJson() const {
  natsConnStatus status = natsConnection_Status(conn_);
  char url[256] = "";
  natsConnection_GetConnectedUrl(conn_, url, sizeof url);
  std::string nats =
      JsonObject().String("status", ConnectionStatusName(status)).String("server", url).Close();
  bool bucket_ok = false;
  bool stream_ok = false;
  std::string bucket = TargetJson(bucket_, &bucket_ok);
  std::string stream = TargetJson(audit_stream_, &stream_ok);
  Status detector_status = detector_check_ ? detector_check_() : Status::Ok();
  JsonObject detector;
  detector.Bool("ok", detector_status.ok());
  if (!detector_status) detector.String("error", detector_status.error().message);
  bool healthy =
      status == NATS_CONN_STATUS_CONNECTED && bucket_ok && stream_ok && detector_status.ok();
  return JsonObject()
      .String("id", worker_id_)
      .Bool("healthy", healthy)
      .Raw("nats", nats)
      .Raw("kv_bucket", bucket)
      .Raw("audit_stream", stream)
      .Raw("detector", detector.Close())
      .Close();
}

}  // namespace privacy::nats
