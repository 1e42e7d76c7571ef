#include <doctest/doctest.h>

#include <string>

#include "privacy/v1/audit.pb.h"
#include "wire/audit_event_json.h"
#include "wire/codec.h"

using namespace privacy;

namespace {

using google::protobuf::FieldDescriptor;

// The reflection-driven writer's text: what AuditEventJson must equal.
std::string Reference(const v1::AuditEvent& event) {
  return wire::EncodeJson(event, wire::JsonDefaults::kOmit);
}

// An event with every field set (through reflection, so that a field added
// to AuditEvent is set too) to a value derived from `seed`.
v1::AuditEvent EveryFieldSet(int seed) {
  v1::AuditEvent event;
  const auto* type = event.GetDescriptor();
  const auto* reflection = event.GetReflection();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    const int value = seed * 100 + i + 1;
    if (field->is_map()) {
      for (int entry = 0; entry < 12; ++entry) {
        (*event.mutable_entity_types())["TYPE_" + std::to_string(entry)] = value + entry;
      }
      continue;
    }
    REQUIRE_FALSE(field->is_repeated());
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        reflection->SetString(&event, field, field->name() + " " + std::to_string(value));
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
        reflection->SetUInt32(&event, field, static_cast<uint32_t>(value));
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        reflection->SetInt64(&event, field,
                             int64_t{1'700'000'000'000} * (seed % 2 ? -1 : 1) + value);
        break;
      default:
        FAIL("AuditEventJson does not know field ", field->name());
    }
  }
  return event;
}

}  // namespace

TEST_CASE("an audit event's JSON line is the reflection-driven writer's text") {
  for (int seed = 0; seed < 4; ++seed) {
    CAPTURE(seed);
    v1::AuditEvent event = EveryFieldSet(seed);
    CHECK(wire::AuditEventJson(event) == Reference(event));
  }
  CHECK(wire::AuditEventJson(v1::AuditEvent()) == "{}");

  v1::AuditEvent resolve;
  resolve.set_kind("resolve");
  resolve.set_session_id("0123456789abcdef0123456789abcdef");
  resolve.set_request_id("42");
  resolve.set_worker_id("feedbeef00112233");
  resolve.set_timestamp_ms(1795417000123);
  resolve.set_entity_count(7);
  resolve.set_duration_us(12);
  CHECK(wire::AuditEventJson(resolve) == Reference(resolve));
  CHECK(wire::AuditEventJson(resolve) ==
        "{\"kind\":\"resolve\",\"session_id\":\"0123456789abcdef0123456789abcdef\","
        "\"request_id\":\"42\",\"worker_id\":\"feedbeef00112233\","
        "\"timestamp_ms\":\"1795417000123\",\"entity_count\":7,\"duration_us\":\"12\"}");
}

TEST_CASE("an audit event's JSON line escapes strings as protobuf does, invalid UTF-8 too") {
  v1::AuditEvent event;
  event.set_kind("mask");
  event.set_account("acc \"quoted\" \\ <tag> \x01 control, \xc3\xa9, \xe2\x80\x8b");
  (*event.mutable_entity_types())["A\"B"] = 1;
  CHECK(wire::AuditEventJson(event) == Reference(event));
  // Not UTF-8: protobuf's own printer decides, as for the reference.
  event.set_trace_id(std::string("\xff\xfe", 2));
  CHECK(wire::AuditEventJson(event) == Reference(event));
}
