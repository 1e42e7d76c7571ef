// Audit trail: every operation publishes an AuditEvent (a JSON line in a
// message of events of its kind) on privacy.events.<kind> into the audit
// stream, without personal data.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "integration/test_values.h"
#include "privacy/v1/audit.pb.h"
#include "support/audit_events.h"
#include "support/jetstream_reader.h"
#include "support/readiness.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

ServiceEnv& Env() {
  static SharedServiceEnv shared({"audit"});
  return shared.Get();
}

using Event = AuditRecord;

std::vector<Event> ReadEvents(NatsClient& client) { return ReadAuditEvents(client); }

std::vector<Event> EventsOf(const std::vector<Event>& all, const std::string& session) {
  std::vector<Event> out;
  for (const auto& e : all) {
    if (e.event.session_id() == session) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_SUITE("audit") {
  TEST_CASE("the audit stream exists with subjects privacy.events.>") {
    auto stream = GetStream(Env().client(), kAuditStream);
    REQUIRE(stream.has_value());
    REQUIRE(stream->subjects.size() == 1);
    CHECK(stream->subjects[0] == "privacy.events.>");
  }

  TEST_CASE("mask, resolve, demask and delete are audited without personal data") {
    NatsClient& client = Env().client();
    auto mask = Call<v1::MaskReply>(client, kMask, MaskReq(kFiveValueText));
    REQUIRE(mask.entities_size() == 5);
    const std::string session = mask.session_id();
    std::vector<std::string> tokens;
    for (const auto& e : mask.entities()) tokens.push_back(e.token());

    v1::ResolveRequest resolve = ResolveReq(session, {});
    for (const auto& t : tokens) resolve.add_tokens(t);
    const bool taken = std::find(tokens.begin(), tokens.end(), "[EMAIL_0000]") != tokens.end();
    const std::string unknown = taken ? "[EMAIL_0001]" : "[EMAIL_0000]";
    resolve.add_tokens(unknown);  // well-formed, not a token of the session
    auto resolved = Call<v1::ResolveReply>(client, kResolve, resolve, Encoding::kJson);
    CHECK(resolved.resolved_size() == 5);
    auto demask = Call<v1::DemaskReply>(client, kDemask, DemaskReq(session, mask.masked_text()));
    CHECK(demask.original_text() == kFiveValueText);
    CHECK(Call<v1::DeleteReply>(client, kDelete, DeleteReq(session)).deleted());

    // Events are published asynchronously: poll until all four are stored.
    std::vector<Event> all;
    std::map<std::string, Event> by_kind;
    const bool complete = PollUntil(
        [&] {
          all = ReadEvents(client);
          by_kind.clear();
          for (const auto& e : EventsOf(all, session)) by_kind.emplace(e.event.kind(), e);
          return by_kind.size() >= 4;
        },
        std::chrono::seconds(10));
    INFO("events of the session: ", by_kind.size(), ", events in stream: ", all.size());
    CHECK(complete);

    for (const auto& e : all) {
      CAPTURE(e.stored->seq);
      CAPTURE(e.line);
      CHECK_MESSAGE(e.decode_error.empty(), e.decode_error);
    }

    for (const std::string kind : {"mask", "resolve", "demask", "delete"}) {
      CAPTURE(kind);
      auto it = by_kind.find(kind);
      REQUIRE_MESSAGE(it != by_kind.end(), "no audit event of kind ", kind);
      const auto& ev = it->second;
      CHECK(ev.stored->subject == "privacy.events." + kind);
      CHECK_FALSE(ev.event.request_id().empty());
      CHECK_FALSE(ev.event.worker_id().empty());
      CHECK(ev.event.timestamp_ms() > 0);
      CHECK(ev.event.error_code() == 0);
    }
    const auto& m = by_kind.at("mask").event;
    CHECK(m.entity_count() == 5);
    CHECK(m.entity_types().at("EMAIL") == 1);
    CHECK(m.entity_types().at("CREDIT_CARD") == 1);
    CHECK(by_kind.at("resolve").event.entity_count() == 5);
    CHECK(by_kind.at("resolve").event.unknown_count() == 1);
    CHECK(by_kind.at("demask").event.entity_count() == 5);
    // Request ids are unique.
    std::set<std::string> request_ids;
    for (const auto& [kind, ev] : by_kind) request_ids.insert(ev.event.request_id());
    CHECK(request_ids.size() == by_kind.size());

    // No event of the whole stream carries a value, a text or a token.
    std::vector<std::string> secrets = {kFiveValueText, mask.masked_text(), "maria.gonzalez",
                                        "4111 1111", "4111111111111111", "192.168.10.42",
                                        "example.org/profile", "415 555 0132", "4155550132"};
    for (const auto& v : kFiveValues) secrets.push_back(v.value);
    for (const auto& t : tokens) secrets.push_back(t);
    for (const auto& e : all) {
      for (const auto& s : secrets) {
        CAPTURE(s);
        CHECK_MESSAGE(e.line.find(s) == std::string::npos, "event ", e.index, " of message ",
                      e.stored->seq, " leaks");
        for (const auto& [k, v] : e.stored->headers) {
          CHECK_MESSAGE(v.find(s) == std::string::npos, "header ", k, " of message ", e.stored->seq,
                        " leaks");
        }
      }
    }
  }

  TEST_CASE("failed operations are audited with their error code and leak nothing") {
    NatsClient& client = Env().client();
    const std::string secret = "very.secret.person@example.net";
    const std::string unknown_session = RandomSessionId();
    const std::string malformed_session = "Malformed-Session-Id-42";
    // 404 (unknown session), 400 (unknown type), 400 (malformed session id),
    // each request carrying personal data.
    CheckErrorReply(Send(client, kMask, MaskReq("mail " + secret, unknown_session)), Encoding::kProtobuf,
                    404, {secret});
    v1::MaskRequest bad = MaskReq("mail " + secret);
    bad.add_entities_to_mask("NOT_A_TYPE");
    CheckErrorReply(Send(client, kMask, bad), Encoding::kProtobuf, 400, {secret});
    CheckErrorReply(Send(client, kResolve, ResolveReq(malformed_session, {"[EMAIL_0000]"})),
                    Encoding::kProtobuf, 400);

    std::vector<Event> all;
    auto find = [&](const std::string& kind, uint32_t code, const std::string& session) {
      for (const auto& e : all) {
        if (e.event.kind() == kind && e.event.error_code() == code && e.event.session_id() == session) {
          return true;
        }
      }
      return false;
    };
    const bool complete = PollUntil(
        [&] {
          all = ReadEvents(client);
          return find("mask", 404, unknown_session) && find("mask", 400, "") && find("resolve", 400, "");
        },
        std::chrono::seconds(10));
    CHECK_MESSAGE(complete, "expected mask/404, mask/400 and resolve/400 events; stream has ", all.size());
    CHECK(find("mask", 404, unknown_session));
    CHECK(find("mask", 400, ""));
    CHECK(find("resolve", 400, ""));  // a malformed id is not recorded
    for (const auto& e : all) {
      CAPTURE(e.line);
      CHECK(e.line.find("very.secret") == std::string::npos);
      CHECK(e.line.find(malformed_session) == std::string::npos);
      CHECK(e.line.find("NOT_A_TYPE") == std::string::npos);
    }
  }

  TEST_CASE("a caller's trace id reaches the audit event and the request's log line") {
    NatsClient& client = Env().client();
    const std::string trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    const std::string traceparent = "00-" + trace_id + "-00f067aa0ba902b7-01";
    const std::string msg_id = "123e4567-e89b-12d3-a456-426614174000";
    // Masks with: both headers, a message id alone, malformed headers
    // holding a personal value, none.
    const std::vector<Headers> header_sets = {
        {{"traceparent", traceparent}, {"Nats-Msg-Id", msg_id}},
        {{"Nats-Msg-Id", msg_id}},
        {{"traceparent", "00-" + kEmail.value + "-00f067aa0ba902b7-01"},
         {"Nats-Msg-Id", "maria-gonzalez"}},
        {}};
    const std::vector<std::string> expected = {trace_id, msg_id, "", ""};
    std::vector<std::string> sessions;
    for (Headers headers : header_sets) {
      headers.emplace_back("Content-Type", "application/json");
      Reply reply = client.Request(kMask, Encode(MaskReq("mail " + kEmail.value), Encoding::kJson),
                                   headers);
      REQUIRE_MESSAGE(reply.ok(), reply.Describe());
      v1::MaskReply mask;
      REQUIRE(Decode(reply.data, Encoding::kJson, &mask).empty());
      sessions.push_back(mask.session_id());
    }
    // A failing request is logged (at info) with its trace id.
    const std::string missing = RandomSessionId();
    CheckErrorReply(client.Request(kResolve, Encode(ResolveReq(missing, {"[EMAIL_0000]"}),
                                                    Encoding::kProtobuf),
                                   {{"traceparent", traceparent}}),
                    Encoding::kProtobuf, 404);

    std::vector<Event> all;
    std::map<std::string, Event> by_session;
    CHECK(PollUntil(
        [&] {
          all = ReadEvents(client);
          by_session.clear();
          for (const auto& e : all) by_session.emplace(e.event.session_id(), e);
          return std::all_of(sessions.begin(), sessions.end(),
                             [&](const std::string& s) { return by_session.count(s) == 1; }) &&
                 by_session.count(missing) == 1;
        },
        std::chrono::seconds(10)));
    for (size_t i = 0; i < sessions.size(); ++i) {
      CAPTURE(i);
      REQUIRE(by_session.count(sessions[i]) == 1);
      const Event& e = by_session.at(sessions[i]);
      CAPTURE(e.line);
      CHECK(e.event.trace_id() == expected[i]);
      if (expected[i].empty()) CHECK(e.line.find("trace_id") == std::string::npos);
      CHECK(e.line.find("maria") == std::string::npos);
    }
    CHECK(by_session.at(missing).event.trace_id() == trace_id);
    const std::string log = Env().worker().Log();
    CHECK(log.find("\"trace_id\":\"" + trace_id + "\"") != std::string::npos);
    CHECK(log.find("maria") == std::string::npos);
  }
}
