// Reading the audit stream back as decoded AuditEvents, for assertions.
#pragma once

#include <string>
#include <vector>

#include "privacy/v1/audit.pb.h"
#include "support/jetstream_reader.h"

namespace privacy::testing {

inline const std::string kAuditStream = "PRIVACY_AUDIT";

// One stored audit message and its decoded event.
struct AuditRecord {
  StoredMessage stored;
  v1::AuditEvent event;
  std::string decode_error;  // empty when the JSON decoded as an AuditEvent
};

// Every message of `stream`, decoded.
std::vector<AuditRecord> ReadAuditEvents(NatsClient& client,
                                         const std::string& stream = kAuditStream);

}  // namespace privacy::testing
