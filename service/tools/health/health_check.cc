#include "tools/health/health_check.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <set>
#include <utility>

#include "nats/nats_status.h"
#include "nats/request_client.h"
#include "nats/worker_health.h"
#include "wire/subjects.h"

namespace privacy::tools {

namespace {

using google::protobuf::Struct;
using google::protobuf::Value;
using Clock = std::chrono::steady_clock;

// A tiny text the detector must find one e-mail address in.
constexpr const char* kProbeRequest =
    R"({"text":"health check: probe@example.com","entities_to_mask":["EMAIL"]})";

// The time left of the check's budget, at least 1 ms.
class Budget {
 public:
  explicit Budget(std::chrono::milliseconds total) : end_(Clock::now() + total) {}
  std::chrono::milliseconds left() const {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end_ - Clock::now());
    return std::max(left, std::chrono::milliseconds(1));
  }

 private:
  Clock::time_point end_;
};

bool ParseJson(const std::string& text, Struct* out) {
  return google::protobuf::util::JsonStringToMessage(text, out).ok();
}

const Value* Find(const Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  return it == s.fields().end() ? nullptr : &it->second;
}

std::string StringField(const Struct& s, const std::string& key) {
  const Value* v = Find(s, key);
  return v != nullptr ? v->string_value() : std::string();
}

const Struct& StructField(const Struct& s, const std::string& key) {
  const Value* v = Find(s, key);
  return v != nullptr ? v->struct_value() : Struct::default_instance();
}

// The endpoint objects of an INFO or STATS response.
std::vector<const Struct*> Endpoints(const Struct& response) {
  std::vector<const Struct*> out;
  if (const Value* list = Find(response, "endpoints")) {
    for (const Value& e : list->list_value().values()) out.push_back(&e.struct_value());
  }
  return out;
}

// The reply to `body`, sent without headers on `subject`; an error when
// none came (503 for a timeout or no responders).
Result<nats::Reply> Ask(natsConnection* conn, const std::string& subject, std::string_view body,
                        const Budget& budget) {
  nats::Reply reply = nats::Request(conn, subject, body, {}, budget.left());
  if (!reply.ok()) return nats::FromNatsStatus(reply.status, subject);
  return reply;
}

// A $SRV request to one worker, parsed; a problem recorded on failure.
bool AskWorker(natsConnection* conn, const std::string& verb, WorkerFindings* worker,
               const Budget& budget, Struct* out) {
  std::string subject = "$SRV." + verb + "." + std::string(wire::kServiceName) + "." + worker->id;
  auto reply = Ask(conn, subject, "", budget);
  if (!reply) {
    worker->problems.push_back("no answer on " + subject + ": " + reply.error().message);
    return false;
  }
  if (!ParseJson(reply->data, out)) {
    worker->problems.push_back("unreadable answer on " + subject);
    return false;
  }
  return true;
}

// The ids (and versions) of the workers that answer PING.
void DiscoverWorkers(natsConnection* conn, const HealthCheckOptions& options,
                     const Budget& budget, HealthFindings* findings) {
  std::vector<std::string> pongs;
  std::string subject = "$SRV.PING." + std::string(wire::kServiceName);
  if (!options.worker_id.empty()) {
    subject += "." + options.worker_id;
    auto reply = Ask(conn, subject, "", budget);
    if (reply) pongs.push_back(reply->data);
  } else {
    auto replies = nats::GatherReplies(conn, subject, std::min(options.timeout / 4, budget.left()));
    if (replies) pongs = std::move(*replies);
  }
  std::set<std::string> seen;
  for (const std::string& pong : pongs) {
    Struct parsed;
    if (!ParseJson(pong, &parsed)) continue;
    std::string id = StringField(parsed, "id");
    if (id.empty() || !seen.insert(id).second) continue;
    WorkerFindings worker;
    worker.id = id;
    worker.version = StringField(parsed, "version");
    findings->workers.push_back(std::move(worker));
  }
  if (findings->workers.empty()) {
    findings->problems.push_back(options.worker_id.empty()
                                     ? "no worker answered " + subject
                                     : "worker " + options.worker_id + " did not answer " + subject);
  }
}

// The endpoint count and whether privacy.detect is among them.
void ReadInfo(natsConnection* conn, const Budget& budget, WorkerFindings* worker) {
  Struct info;
  if (!AskWorker(conn, "INFO", worker, budget, &info)) return;
  bool detect = false;
  for (const Struct* endpoint : Endpoints(info)) {
    worker->endpoints++;
    detect = detect || StringField(*endpoint, "subject") == wire::kDetectEndpoint.subject;
  }
  if (!detect) worker->problems.push_back("does not serve privacy.detect");
}

void ReadStats(natsConnection* conn, const Budget& budget, WorkerFindings* worker) {
  Struct stats;
  if (!AskWorker(conn, "STATS", worker, budget, &stats)) return;
  for (const Struct* endpoint : Endpoints(stats)) {
    if (const Value* v = Find(*endpoint, "num_requests")) worker->requests += v->number_value();
    if (const Value* v = Find(*endpoint, "num_errors")) worker->errors += v->number_value();
    Struct counts = StructField(*endpoint, "data");
    counts.mutable_fields()->erase("latency");
    (*worker->counts.mutable_fields())[StringField(*endpoint, "name")]
        .mutable_struct_value()
        ->Swap(&counts);
  }
}

// A stream or bucket entry of the health report: a problem unless usable.
void CheckTarget(const Struct& report, const char* key, const char* label,
                 WorkerFindings* worker) {
  const Struct& target = StructField(report, key);
  const Value* usable = Find(target, "usable");
  if (usable != nullptr && usable->bool_value()) return;
  worker->problems.push_back(std::string(label) + " " + StringField(target, "name") +
                             " not usable: " + StringField(target, "error"));
}

void ReadHealth(natsConnection* conn, const Budget& budget, WorkerFindings* worker) {
  std::string subject = nats::HealthSubject(worker->id);
  auto reply = Ask(conn, subject, "", budget);
  if (!reply) {
    worker->problems.push_back("no answer on " + subject + ": " + reply.error().message);
    return;
  }
  if (!ParseJson(reply->data, &worker->report)) {
    worker->problems.push_back("unreadable answer on " + subject);
    return;
  }
  worker->report_json = reply->data;
  std::string nats_status = StringField(StructField(worker->report, "nats"), "status");
  if (nats_status != "connected") worker->problems.push_back("NATS connection " + nats_status);
  CheckTarget(worker->report, "kv_bucket", "kv bucket", worker);
  CheckTarget(worker->report, "audit_stream", "audit stream", worker);
  const Struct& detector = StructField(worker->report, "detector");
  const Value* detector_ok = Find(detector, "ok");
  if (detector_ok == nullptr || !detector_ok->bool_value()) {
    worker->problems.push_back("detector self-check failed: " + StringField(detector, "error"));
  }
}

RoundTrip DetectRoundTrip(natsConnection* conn, const Budget& budget) {
  RoundTrip out;
  auto started = Clock::now();
  auto reply = Ask(conn, std::string(wire::kDetectEndpoint.subject), kProbeRequest, budget);
  out.milliseconds =
      std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  Struct parsed;
  if (!reply) {
    out.error = reply.error().message;
  } else if (auto error = reply->ServiceError()) {
    out.error = "error reply " + std::to_string(static_cast<unsigned>(error->code)) + ": " +
                error->message;
  } else if (!ParseJson(reply->data, &parsed)) {
    out.error = "unreadable reply";
  } else if (const Value* entities = Find(parsed, "entities");
             entities == nullptr || entities->list_value().values_size() != 1) {
    out.error = "the probe text's e-mail address was not detected";
  } else {
    out.ok = true;
  }
  return out;
}

}  // namespace

bool HealthFindings::healthy() const {
  if (!problems.empty() || workers.empty() || !round_trip.ok) return false;
  return std::all_of(workers.begin(), workers.end(),
                     [](const WorkerFindings& w) { return w.problems.empty(); });
}

HealthFindings CheckHealth(natsConnection* conn, const HealthCheckOptions& options) {
  Budget budget(options.timeout);
  HealthFindings findings;
  DiscoverWorkers(conn, options, budget, &findings);
  for (WorkerFindings& worker : findings.workers) {
    ReadHealth(conn, budget, &worker);
    ReadInfo(conn, budget, &worker);
    ReadStats(conn, budget, &worker);
  }
  findings.round_trip = DetectRoundTrip(conn, budget);
  return findings;
}

}  // namespace privacy::tools
