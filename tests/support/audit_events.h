// Reading the audit stream back as decoded AuditEvents, for assertions. A
// stored audit message holds one or more events of one kind as NDJSON (each
// event's JSON followed by '\n'); these helpers split messages into events.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "privacy/v1/audit.pb.h"
#include "support/jetstream_reader.h"

namespace privacy::testing {

inline const std::string kAuditStream = "PRIVACY_AUDIT";

// One audit event, decoded, with the stored message it came in (shared by
// the records of that message's events).
struct AuditRecord {
  std::shared_ptr<const StoredMessage> stored;
  size_t index = 0;           // position of the event in its message, from 0
  size_t message_events = 0;  // how many events that message holds
  std::string line;           // the event's JSON, without its '\n'
  v1::AuditEvent event;
  // Empty when the line decoded as an AuditEvent; else why not (also an
  // empty line, or a message not ending with '\n').
  std::string decode_error;
};

// The events of `message`, one per line, in order. A message that is empty
// gives one record with a decode error.
std::vector<AuditRecord> SplitAuditMessage(StoredMessage message);

// Every event of `stream`, in stream order.
std::vector<AuditRecord> ReadAuditEvents(NatsClient& client,
                                         const std::string& stream = kAuditStream);

// How many events `stream` holds (not messages: a message holds one or more).
size_t CountAuditEvents(NatsClient& client, const std::string& stream = kAuditStream);

// The message's Nats-Msg-Id header, empty when it has none.
std::string MessageId(const StoredMessage& message);

// The message id a worker gives the audit message whose first event is
// `event`: <worker_id>.<request_id>.
std::string RequestMessageId(const v1::AuditEvent& event);

}  // namespace privacy::testing
