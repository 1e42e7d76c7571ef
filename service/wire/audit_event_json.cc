#include "wire/audit_event_json.h"

#include <charconv>
#include <cstdint>
#include <string_view>

#include "wire/codec.h"
#include "wire/json_message_writer.h"

namespace privacy::wire {

namespace {

// Appends the members of one JSON object, as the Protobuf JSON mapping
// writes proto3 fields that are not at their default value.
class MemberWriter {
 public:
  explicit MemberWriter(std::string* out) : out_(out) {}

  void String(std::string_view name, const std::string& value) {
    if (value.empty()) return;
    Name(name);
    ok_ = AppendProtobufJsonString(out_, value) && ok_;
  }
  void Uint32(std::string_view name, uint32_t value) {
    if (value == 0) return;
    Name(name);
    AppendNumber(value);
  }
  // 64-bit integers are quoted.
  void Int64(std::string_view name, int64_t value) {
    if (value == 0) return;
    Name(name);
    out_->push_back('"');
    AppendNumber(value);
    out_->push_back('"');
  }
  template <typename Map>
  void StringToUint32(std::string_view name, const Map& map) {
    if (map.empty()) return;
    Name(name);
    out_->push_back('{');
    bool first = true;
    for (const auto& [key, value] : map) {
      if (!first) out_->push_back(',');
      first = false;
      ok_ = AppendProtobufJsonString(out_, key) && ok_;
      out_->push_back(':');
      AppendNumber(value);
    }
    out_->push_back('}');
  }

  // False when a string was not valid UTF-8.
  bool ok() const { return ok_; }

 private:
  void Name(std::string_view name) {
    if (!first_) out_->push_back(',');
    first_ = false;
    out_->push_back('"');
    out_->append(name);
    out_->append("\":");
  }
  template <typename T>
  void AppendNumber(T value) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    out_->append(buf, end - buf);
  }

  std::string* out_;
  bool first_ = true;
  bool ok_ = true;
};

}  // namespace

std::string AuditEventJson(const v1::AuditEvent& event) {
  std::string out;
  out.reserve(256);
  out.push_back('{');
  MemberWriter members(&out);
  members.String("kind", event.kind());
  members.String("session_id", event.session_id());
  members.String("request_id", event.request_id());
  members.String("worker_id", event.worker_id());
  members.Int64("timestamp_ms", event.timestamp_ms());
  members.Uint32("entity_count", event.entity_count());
  members.StringToUint32("entity_types", event.entity_types());
  members.Uint32("unknown_count", event.unknown_count());
  members.Uint32("error_code", event.error_code());
  members.Int64("duration_us", event.duration_us());
  members.String("account", event.account());
  members.String("trace_id", event.trace_id());
  out.push_back('}');
  // Invalid UTF-8 is written as protobuf's own printer writes it.
  if (!members.ok()) return EncodeJson(event, JsonDefaults::kOmit);
  return out;
}

}  // namespace privacy::wire
