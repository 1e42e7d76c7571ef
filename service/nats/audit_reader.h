// Reading the audit stream the way a compliance team does: through a
// durable pull consumer, acknowledging each event once it has been handled,
// so that the next reader with the same durable name goes on where this
// one stopped.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "nats/handles.h"
#include "wire/subjects.h"

namespace privacy::nats {

// Which consumer to read through.
struct AuditReaderOptions {
  std::string stream = "PRIVACY_AUDIT";
  std::string subject_prefix = std::string(wire::kEventsSubjectPrefix);
  std::string durable = "compliance";
  // When the durable consumer does not exist yet: start at the stream's
  // first event instead of the next new one. An existing consumer always
  // goes on where it stopped.
  bool from_start = false;
  int64_t ack_timeout_ms = 5000;
};

// Creates the durable pull consumer `options.durable` on the audit stream
// unless it exists (filtered to the audit subjects, explicit acks, from the
// first event with `from_start`, else from the next new one); true when it
// created it. For setups where the reader itself may not create consumers:
// someone who may creates it ahead (`privacy-filter audit create-consumer`).
Result<bool> EnsureAuditConsumer(jsCtx* js, const AuditReaderOptions& options);

// Not thread-safe: one reader per thread.
class AuditReader {
 public:
  // Creates the durable consumer when missing (EnsureAuditConsumer), then
  // binds to it.
  static Result<std::unique_ptr<AuditReader>> Open(natsConnection* conn,
                                                   const AuditReaderOptions& options);

  // Fetches up to `max` messages, waiting up to `wait` for them; hands each
  // event's JSON (each line of a message) to `handle` in stream order and
  // acknowledges a message (waiting for the server's confirmation) once
  // `handle` returned for all its events. Returns how many events were
  // handled: 0 when none came in time; 403 when the server refused the
  // fetch (the user may not read this consumer).
  Result<int> ReadBatch(int max, std::chrono::milliseconds wait,
                        const std::function<void(std::string_view)>& handle);

  // Whether Open() created the consumer.
  bool created() const { return created_; }

 private:
  AuditReader(natsConnection* conn, JetStreamPtr js, AuditReaderOptions options)
      : conn_(conn), js_(std::move(js)), options_(std::move(options)) {}

  natsConnection* conn_;
  JetStreamPtr js_;
  AuditReaderOptions options_;
  SubscriptionPtr subscription_;
  bool created_ = false;
};

}  // namespace privacy::nats
