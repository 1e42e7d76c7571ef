#include "wire/audit_event_json.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "common/json_text.h"

namespace privacy::wire {

namespace {

// Appends the fields of one JSON object, a comma before all but the first.
class FieldWriter {
 public:
  explicit FieldWriter(std::string* out) : out_(out) {}

  void String(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    Key(key);
    AppendJsonString(out_, value);
  }
  // Protobuf's JSON mapping quotes 64-bit integers.
  void Int64(std::string_view key, int64_t value) {
    if (value == 0) return;
    Key(key);
    out_->push_back('"');
    out_->append(std::to_string(value));
    out_->push_back('"');
  }
  void Uint32(std::string_view key, uint32_t value) {
    if (value == 0) return;
    Key(key);
    out_->append(std::to_string(value));
  }
  void Key(std::string_view key) {
    if (!first_) out_->push_back(',');
    first_ = false;
    AppendJsonString(out_, key);
    out_->push_back(':');
  }

 private:
  std::string* out_;
  bool first_ = true;
};

}  // namespace

std::string AuditEventJson(const v1::AuditEvent& event) {
  std::string out;
  out.reserve(256);
  out.push_back('{');
  FieldWriter fields(&out);
  fields.String("kind", event.kind());
  fields.String("session_id", event.session_id());
  fields.String("request_id", event.request_id());
  fields.String("worker_id", event.worker_id());
  fields.Int64("timestamp_ms", event.timestamp_ms());
  fields.Uint32("entity_count", event.entity_count());
  if (!event.entity_types().empty()) {
    std::vector<std::pair<std::string_view, uint32_t>> types(event.entity_types().begin(),
                                                             event.entity_types().end());
    std::sort(types.begin(), types.end());
    fields.Key("entity_types");
    out.push_back('{');
    FieldWriter counts(&out);
    for (const auto& [type, count] : types) {
      counts.Key(type);
      out.append(std::to_string(count));
    }
    out.push_back('}');
  }
  fields.Uint32("unknown_count", event.unknown_count());
  fields.Uint32("error_code", event.error_code());
  fields.Int64("duration_us", event.duration_us());
  fields.String("account", event.account());
  out.push_back('}');
  return out;
}

}  // namespace privacy::wire
