// The audit event's outcome facts, built from what the endpoints return.
#include <doctest/doctest.h>

#include "endpoints/outcome_audit.h"
#include "vault/session_id.h"

using namespace privacy;

TEST_CASE("outcome audit: a mask's session, count and types come from its reply") {
  const std::string session = vault::NewSessionId();
  v1::MaskReply reply;
  reply.set_session_id(session);
  reply.set_entity_count(3);
  for (const char* type : {"EMAIL", "PERSON", "EMAIL"}) reply.add_entities()->set_type(type);
  v1::AuditEvent event;
  event.set_kind("mask");
  endpoints::RecordOutcome("", Result<v1::MaskReply>(reply), &event);
  CHECK(event.kind() == "mask");
  CHECK(event.session_id() == session);
  CHECK(event.entity_count() == 3);
  CHECK(event.entity_types().at("EMAIL") == 2);
  CHECK(event.entity_types().at("PERSON") == 1);
  CHECK(event.error_code() == 0);
}

TEST_CASE("outcome audit: a failure records its code and a well-formed session id only") {
  const std::string session = vault::NewSessionId();
  const Result<v1::DeleteReply> missing(MakeError(ErrorCode::kNotFound, "session not found"));
  v1::AuditEvent event;
  endpoints::RecordOutcome(session, missing, &event);
  CHECK(event.session_id() == session);
  CHECK(event.error_code() == 404);

  v1::AuditEvent malformed;
  const Result<endpoints::Restored<endpoints::ResolveAnswer>> refused(
      MakeError(ErrorCode::kBadRequest, "malformed session_id"));
  endpoints::RecordOutcome("Maria Gonzalez", refused, &malformed);
  CHECK(malformed.session_id().empty());
  CHECK(malformed.error_code() == 400);
  CHECK(malformed.entity_count() == 0);
}

TEST_CASE("outcome audit: resolve and demask count what they restored and what they did not know") {
  const std::string session = vault::NewSessionId();
  endpoints::Restored<v1::DemaskReply> demasked;
  demasked.reply.add_unknown("[EMAIL_0000]");
  demasked.restored = 4;
  v1::AuditEvent event;
  endpoints::RecordOutcome(session, Result<endpoints::Restored<v1::DemaskReply>>(demasked),
                           &event);
  CHECK(event.session_id() == session);
  CHECK(event.entity_count() == 4);
  CHECK(event.unknown_count() == 1);
  CHECK(event.entity_types().empty());
}
