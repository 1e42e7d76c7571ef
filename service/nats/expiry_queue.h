// The shared queue of session expiry checks: a JetStream work-queue stream
// (PRIVACY_EXPIRY) holding one check per session, filed under the time slot
// in which it falls due. A worker takes the checks of a slot once the slot
// has ended (ExpiryCheckConsumer); the session bucket decides each.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/logger.h"
#include "common/status.h"
#include "common/stream_settings.h"
#include "nats/handles.h"
#include "nats/jetstream_publisher.h"
#include "vault/expiry_scheduler.h"

namespace privacy::nats {

// Settings of the expiry queue, applied when the service creates its
// stream.
struct ExpiryQueueOptions {
  std::string stream = "PRIVACY_EXPIRY";
  // Checks go to "<subject_prefix>.<end of their slot, Unix ms>".
  std::string subject_prefix = "privacy.expiry";
  // How long a slot lasts: checks are taken 0 to this long after they fall
  // due. Workers with different slot lengths share one stream.
  std::chrono::milliseconds slot{1000};
  // No check outlives it (the session bucket's max age).
  std::chrono::seconds max_age{86400 + 3600};
  int replicas = 1;
  bool memory_storage = false;
  int64_t request_timeout_ms = 5000;
};

// The message id of the check of `key` due at `due_ms`: a check queued twice
// (a create retried) is stored once.
std::string ExpiryCheckId(std::string_view key, int64_t due_ms);

// The shared queue of expiry checks: a JetStream work-queue stream with a
// subject per time slot. Safe for concurrent use. ScheduleAsync publishes
// without waiting, through the JetStreamPublisher; its completion runs on
// the publisher's threads.
class ExpiryQueue : public vault::ExpiryScheduler {
 public:
  // Binds to the stream, creating it when missing (a stream that exists
  // with other settings is used as it is, with a warning).
  static Result<std::unique_ptr<ExpiryQueue>> Open(jsCtx* js, const ExpiryQueueOptions& options,
                                                   std::shared_ptr<JetStreamPublisher> publisher,
                                                   Logger* logger);

  void ScheduleAsync(const std::string& key, int64_t due_ms,
                     std::function<void(Status)> done) override;
  // As ScheduleAsync, under message id `msg_id`.
  void PublishCheck(const std::string& key, int64_t due_ms, const std::string& msg_id,
                    std::function<void(Status)> done);

  // The subject of the slot ending at `slot_end_ms`, and the slot end a
  // subject names (nullopt for other subjects).
  std::string SlotSubject(int64_t slot_end_ms) const;
  std::optional<int64_t> SlotEndOf(std::string_view subject) const;
  // The end of the slot a check due at `due_ms` is filed under.
  int64_t SlotEndFor(int64_t due_ms) const;

  const ExpiryQueueOptions& options() const { return options_; }
  static StreamSettings ConfiguredSettings(const ExpiryQueueOptions& options);

 private:
  ExpiryQueue(ExpiryQueueOptions options, std::shared_ptr<JetStreamPublisher> publisher);

  const ExpiryQueueOptions options_;
  std::shared_ptr<JetStreamPublisher> publisher_;
};

}  // namespace privacy::nats
