#include "tools/health/health_report.h"

#include <google/protobuf/util/json_util.h>

#include <cstdio>
#include <map>

#include "common/json_text.h"
#include "wire/subjects.h"

namespace privacy::tools {

namespace {

using google::protobuf::Struct;

std::string Milliseconds(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f ms", ms);
  return buf;
}

const Struct& Member(const Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  return it == s.fields().end() ? Struct::default_instance() : it->second.struct_value();
}

std::string Text(const Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  if (it == s.fields().end()) return {};
  if (it->second.has_number_value()) {
    return std::to_string(static_cast<int64_t>(it->second.number_value()));
  }
  return it->second.string_value();
}

// "  kv bucket NAME: usable, file, 1 replica(s), max age N s, N messages"
// and one line per setting that differs from the configuration.
void AppendTargetLines(std::string* out, const Struct& report, const char* key,
                       const char* label) {
  const Struct& target = Member(report, key);
  if (target.fields().empty()) return;
  *out += std::string("  ") + label + " " + Text(target, "name") + ": ";
  auto usable = target.fields().find("usable");
  if (usable == target.fields().end() || !usable->second.bool_value()) {
    *out += "NOT USABLE (" + Text(target, "error") + ")\n";
    return;
  }
  *out += "usable, " + Text(target, "storage") + ", " + Text(target, "replicas") +
          " replica(s), max age " + Text(target, "max_age_s") + " s, " +
          Text(target, "messages") + " messages\n";
  auto differences = target.fields().find("differences");
  if (differences == target.fields().end()) return;
  for (const auto& d : differences->second.list_value().values()) {
    const Struct& difference = d.struct_value();
    *out += "    differs from the configuration: " + Text(difference, "setting") +
            " configured " + Text(difference, "configured") + ", actual " +
            Text(difference, "actual") + "\n";
  }
}

// `s` as compact JSON; whole numbers without a fraction.
std::string JsonText(const Struct& s) {
  std::string out;
  if (!google::protobuf::util::MessageToJsonString(s, &out).ok()) return "{}";
  return out;
}

std::string JsonStrings(const std::vector<std::string>& values) {
  std::string out = "[";
  for (const std::string& value : values) {
    if (out.size() > 1) out.push_back(',');
    AppendJsonString(&out, value);
  }
  return out + "]";
}

}  // namespace

std::string HumanHealthReport(const HealthFindings& findings) {
  std::string out = findings.healthy() ? "healthy" : "UNHEALTHY";
  out += ": " + std::to_string(findings.workers.size()) + " worker(s); privacy.detect round trip ";
  out += findings.round_trip.ok ? "ok in " + Milliseconds(findings.round_trip.milliseconds)
                                : "FAILED (" + findings.round_trip.error + ")";
  out += "\n";
  for (const std::string& problem : findings.problems) out += "problem: " + problem + "\n";
  for (const WorkerFindings& worker : findings.workers) {
    out += "worker " + worker.id + " (version " + worker.version + "): " +
           (worker.problems.empty() ? "healthy" : "UNHEALTHY") + "\n";
    for (const std::string& problem : worker.problems) out += "  problem: " + problem + "\n";
    if (!worker.report_json.empty()) {
      const Struct& nats = Member(worker.report, "nats");
      out += "  nats: " + Text(nats, "status") + " (" + Text(nats, "server") + ")\n";
      AppendTargetLines(&out, worker.report, "kv_bucket", "kv bucket");
      AppendTargetLines(&out, worker.report, "audit_stream", "audit stream");
      const Struct& detector = Member(worker.report, "detector");
      auto ok = detector.fields().find("ok");
      out += std::string("  detector: ") +
             (ok != detector.fields().end() && ok->second.bool_value()
                  ? "ok"
                  : "FAILED (" + Text(detector, "error") + ")") +
             "\n";
    }
    out += "  endpoints: " + std::to_string(worker.endpoints) + ", requests " +
           std::to_string(worker.requests) + ", errors " + std::to_string(worker.errors) + "\n";
    const Struct& masked = Member(Member(worker.counts, "mask"), "entities");
    if (!masked.fields().empty()) {
      std::map<std::string, std::string> by_type;
      for (const auto& [type, count] : masked.fields()) by_type[type] = Text(masked, type);
      out += "  masked since start:";
      for (const auto& [type, count] : by_type) out += " " + type + " " + count;
      out += "\n";
    }
  }
  return out;
}

std::string JsonHealthReport(const HealthFindings& findings) {
  std::string workers = "[";
  for (const WorkerFindings& worker : findings.workers) {
    if (workers.size() > 1) workers.push_back(',');
    workers += JsonObject()
                   .String("id", worker.id)
                   .String("version", worker.version)
                   .Bool("healthy", worker.problems.empty())
                   .Raw("problems", JsonStrings(worker.problems))
                   .Number("endpoints", worker.endpoints)
                   .Number("requests", static_cast<int64_t>(worker.requests))
                   .Number("errors", static_cast<int64_t>(worker.errors))
                   .Raw("counts", JsonText(worker.counts))
                   .Raw("report", worker.report_json.empty() ? "null" : worker.report_json)
                   .Close();
  }
  workers.push_back(']');
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.3f", findings.round_trip.milliseconds);
  std::string round_trip = JsonObject()
                               .String("subject", std::string(wire::kDetectEndpoint.subject))
                               .Bool("ok", findings.round_trip.ok)
                               .Raw("ms", ms)
                               .String("error", findings.round_trip.error)
                               .Close();
  return JsonObject()
      .Bool("healthy", findings.healthy())
      .Raw("problems", JsonStrings(findings.problems))
      .Raw("round_trip", round_trip)
      .Raw("workers", workers)
      .Close();
}

}  // namespace privacy::tools
