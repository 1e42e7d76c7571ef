#include "support/audit_events.h"

#include <string_view>

#include "support/privacy_wire.h"

namespace privacy::testing {

std::vector<AuditRecord> SplitAuditMessage(StoredMessage message) {
  auto stored = std::make_shared<const StoredMessage>(std::move(message));
  const std::string_view data = stored->data;
  std::vector<AuditRecord> out;
  size_t start = 0;
  do {
    const size_t end = data.find('\n', start);
    AuditRecord record;
    record.stored = stored;
    record.index = out.size();
    record.line = std::string(data.substr(start, end - start));  // to the end when npos
    if (record.line.empty()) {
      record.decode_error = data.empty() ? "empty message" : "empty line";
    } else {
      record.decode_error = Decode(record.line, Encoding::kJson, &record.event);
      if (record.decode_error.empty() && end == std::string_view::npos) {
        record.decode_error = "the message does not end with a newline";
      }
    }
    out.push_back(std::move(record));
    start = end == std::string_view::npos ? end : end + 1;
  } while (start < data.size());
  for (AuditRecord& record : out) record.message_events = out.size();
  return out;
}

std::vector<AuditRecord> ReadAuditEvents(NatsClient& client, const std::string& stream) {
  std::vector<AuditRecord> out;
  for (StoredMessage& message : ReadStream(client, stream)) {
    for (AuditRecord& record : SplitAuditMessage(std::move(message))) {
      out.push_back(std::move(record));
    }
  }
  return out;
}

size_t CountAuditEvents(NatsClient& client, const std::string& stream) {
  return ReadAuditEvents(client, stream).size();
}

std::string MessageId(const StoredMessage& message) {
  for (const auto& [name, value] : message.headers) {
    if (name == "Nats-Msg-Id") return value;
  }
  return "";
}

std::string RequestMessageId(const v1::AuditEvent& event) {
  return event.worker_id() + "." + event.request_id();
}

}  // namespace privacy::testing
