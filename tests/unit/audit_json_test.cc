#include <doctest/doctest.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>

#include "privacy/v1/audit.pb.h"
#include "wire/codec.h"

using namespace privacy;

namespace {

std::string LibraryJson(const v1::AuditEvent& event) {
  std::string json;
  google::protobuf::util::JsonPrintOptions print;
  print.preserve_proto_field_names = true;
  REQUIRE(google::protobuf::util::MessageToJsonString(event, &json, print).ok());
  return json;
}

std::string AuditJson(const v1::AuditEvent& event) {
  return wire::EncodeJson(event, wire::JsonDefaults::kOmit);
}

v1::AuditEvent Parsed(const std::string& json) {
  v1::AuditEvent event;
  REQUIRE(google::protobuf::util::JsonStringToMessage(json, &event).ok());
  return event;
}

v1::AuditEvent MaskEvent() {
  v1::AuditEvent event;
  event.set_kind("mask");
  event.set_session_id("0123456789abcdef0123456789abcdef");
  event.set_request_id("42");
  event.set_worker_id("feedbeef00112233");
  event.set_timestamp_ms(1795417000123);
  event.set_entity_count(3);
  (*event.mutable_entity_types())["EMAIL"] = 2;
  event.set_duration_us(812);
  event.set_account("TENANT_A");
  return event;
}

}  // namespace

TEST_CASE("audit event JSON (defaults left out): the library's text for a typical event") {
  v1::AuditEvent event = MaskEvent();
  CHECK(AuditJson(event) == LibraryJson(event));

  v1::AuditEvent failed;
  failed.set_kind("resolve");
  failed.set_request_id("7");
  failed.set_worker_id("w");
  failed.set_timestamp_ms(1);
  failed.set_unknown_count(2);
  failed.set_error_code(404);
  CHECK(AuditJson(failed) == LibraryJson(failed));
  CHECK(AuditJson(v1::AuditEvent()) == "{}");
}

TEST_CASE("audit event JSON (defaults left out): parses back to the same event") {
  v1::AuditEvent event = MaskEvent();
  (*event.mutable_entity_types())["PHONE"] = 1;
  (*event.mutable_entity_types())["CREDIT_CARD"] = 4;
  event.set_account("acc \"quoted\" \\ and \x01 control, é");
  event.set_duration_us(-5);  // never negative in practice; still a valid int64
  std::string json = AuditJson(event);
  CHECK(google::protobuf::util::MessageDifferencer::Equals(Parsed(json), event));
  CHECK(json == LibraryJson(event));
}
