#include "support/audit_events.h"

#include "support/privacy_wire.h"

namespace privacy::testing {

std::vector<AuditRecord> ReadAuditEvents(NatsClient& client, const std::string& stream) {
  std::vector<AuditRecord> out;
  for (StoredMessage& message : ReadStream(client, stream)) {
    AuditRecord record;
    record.decode_error = Decode(message.data, Encoding::kJson, &record.event);
    record.stored = std::move(message);
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace privacy::testing
