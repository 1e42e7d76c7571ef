// The JSON line of an audit event, written member by member: every request
// publishes one, and this is what the reflection-driven writer would spend
// most of its time on.
#pragma once

#include <string>

#include "privacy/v1/audit.pb.h"

namespace privacy::wire {

// The text EncodeJson(event, JsonDefaults::kOmit) gives for `event`, byte
// for byte: members at their default left out, the others in declaration
// order, 64-bit integers quoted, entity_types in the map's iteration order.
// Thread-safe.
std::string AuditEventJson(const v1::AuditEvent& event);

}  // namespace privacy::wire
