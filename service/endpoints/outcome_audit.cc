#include "endpoints/outcome_audit.h"

#include <string>

#include "vault/session_id.h"

namespace privacy::endpoints {

namespace {

// The session and, for a failure, its code.
template <typename Outcome>
void RecordCommon(std::string_view session_id, const Result<Outcome>& outcome,
                  v1::AuditEvent* event) {
  if (vault::IsWellFormedSessionId(session_id)) {
    event->set_session_id(std::string(session_id));
  }
  if (!outcome) event->set_error_code(static_cast<unsigned>(outcome.error().code));
}

template <typename Reply>
void RecordRestored(std::string_view session_id, const Result<Restored<Reply>>& outcome,
                    v1::AuditEvent* event) {
  RecordCommon(session_id, outcome, event);
  if (!outcome) return;
  event->set_entity_count(outcome.value().restored);
  event->set_unknown_count(static_cast<uint32_t>(outcome.value().reply.unknown_size()));
}

}  // namespace

void RecordOutcome(std::string_view session_id, const Result<v1::MaskReply>& outcome,
                   v1::AuditEvent* event) {
  RecordCommon(session_id, outcome, event);
  if (!outcome) return;
  const v1::MaskReply& reply = outcome.value();
  // A new session's id comes with the reply.
  event->set_session_id(reply.session_id());
  event->set_entity_count(reply.entity_count());
  for (const auto& entity : reply.entities()) (*event->mutable_entity_types())[entity.type()]++;
}

void RecordOutcome(std::string_view session_id, const Result<v1::DetectReply>& outcome,
                   v1::AuditEvent* event) {
  if (!outcome) event->set_error_code(static_cast<unsigned>(outcome.error().code));
}

void RecordOutcome(std::string_view session_id, const Result<Restored<ResolveAnswer>>& outcome,
                   v1::AuditEvent* event) {
  RecordRestored(session_id, outcome, event);
}

void RecordOutcome(std::string_view session_id, const Result<Restored<v1::DemaskReply>>& outcome,
                   v1::AuditEvent* event) {
  RecordRestored(session_id, outcome, event);
}

void RecordOutcome(std::string_view session_id, const Result<v1::DeleteReply>& outcome,
                   v1::AuditEvent* event) {
  RecordCommon(session_id, outcome, event);
}

}  // namespace privacy::endpoints
