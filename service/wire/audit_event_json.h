// The JSON text of an audit event, as stored in the audit stream.
#pragma once

#include <string>

#include "privacy/v1/audit.pb.h"

namespace privacy::wire {

// `event` in the Protobuf JSON mapping with proto field names, the text
// google::protobuf::util::MessageToJsonString gives (fields in number order,
// defaults left out, 64-bit integers as strings) up to string escapes, with
// entity types sorted by name; written directly, as it is done for every
// request.
std::string AuditEventJson(const v1::AuditEvent& event);

}  // namespace privacy::wire
