// What a request's audit event records of its outcome, built once from the
// facts the endpoint returned: the session (only a well-formed id: a
// malformed one is caller text), the counts and entity types, the error
// code. Never a personal value, a text or a token.
#pragma once

#include <string_view>

#include "common/status.h"
#include "endpoints/privacy_endpoints.h"
#include "privacy/v1/audit.pb.h"
#include "privacy/v1/privacy.pb.h"

namespace privacy::endpoints {

// Each records in `event` the outcome of a request that named session
// `session_id` (empty: none), leaving the request's own facts (kind, ids,
// account, times) as they are. Detect records its error code only.
void RecordOutcome(std::string_view session_id, const Result<v1::MaskReply>& outcome,
                   v1::AuditEvent* event);
void RecordOutcome(std::string_view session_id, const Result<v1::DetectReply>& outcome,
                   v1::AuditEvent* event);
void RecordOutcome(std::string_view session_id, const Result<Restored<ResolveAnswer>>& outcome,
                   v1::AuditEvent* event);
void RecordOutcome(std::string_view session_id, const Result<Restored<v1::DemaskReply>>& outcome,
                   v1::AuditEvent* event);
void RecordOutcome(std::string_view session_id, const Result<v1::DeleteReply>& outcome,
                   v1::AuditEvent* event);

}  // namespace privacy::endpoints
