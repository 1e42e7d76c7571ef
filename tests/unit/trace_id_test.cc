#include <doctest/doctest.h>

#include "wire/trace_id.h"

using privacy::wire::TraceIdOf;

namespace {
const std::string kTraceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
}  // namespace

TEST_CASE("a well-formed traceparent gives its trace-id, before any Nats-Msg-Id") {
  CHECK(TraceIdOf(kTraceparent, "") == "4bf92f3577b34da6a3ce929d0e0e4736");
  CHECK(TraceIdOf(kTraceparent, "0f1e-22") == "4bf92f3577b34da6a3ce929d0e0e4736");
}

TEST_CASE("a malformed traceparent is ignored, and the Nats-Msg-Id used instead") {
  const std::string msg_id = "123e4567-e89b-12d3-a456-426614174000";
  std::string upper = kTraceparent;
  upper[10] = 'F';
  std::string zero_trace = kTraceparent;
  zero_trace.replace(3, 32, std::string(32, '0'));
  std::string zero_parent = kTraceparent;
  zero_parent.replace(36, 16, std::string(16, '0'));
  std::string version_ff = kTraceparent;
  version_ff.replace(0, 2, "ff");
  std::string no_dash = kTraceparent;
  no_dash[35] = '_';
  for (const std::string& bad :
       {kTraceparent.substr(0, 54), kTraceparent + "-", kTraceparent + "-extra", upper,
        zero_trace, zero_parent, version_ff, no_dash, std::string("maria@example.com"),
        std::string(55, 'a')}) {
    CAPTURE(bad);
    CHECK(TraceIdOf(bad, "") == "");
    CHECK(TraceIdOf(bad, msg_id) == msg_id);
  }
}

TEST_CASE("a Nats-Msg-Id counts only as 1 to 55 hex digits and dashes") {
  CHECK(TraceIdOf("", "ABCdef-0123") == "ABCdef-0123");
  CHECK(TraceIdOf("", std::string(55, 'f')) == std::string(55, 'f'));
  CHECK(TraceIdOf("", std::string(56, 'f')) == "");
  CHECK(TraceIdOf("", "") == "");
  CHECK(TraceIdOf("", "maria-gonzalez") == "");
  CHECK(TraceIdOf("", "order 12") == "");
  CHECK(TraceIdOf("", "12\n34") == "");
}
