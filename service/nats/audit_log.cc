#include "nats/audit_log.h"

#include <algorithm>
#include <memory>
#include <optional>

#include "nats/nats_status.h"
#include "nats/stream_inspection.h"
#include "wire/audit_event_json.h"

namespace privacy::nats {

namespace {

// How many buffered events are published again at a time, and how often the
// buffer is looked at.
constexpr size_t kRetryBatch = 512;
constexpr std::chrono::milliseconds kRetryTick{100};
constexpr char kMsgIdHeader[] = "Nats-Msg-Id";

// The stream as the service creates it.
StreamSpec StreamSpecOf(const AuditStreamOptions& options) {
  return {.name = options.stream,
          .subjects = options.subject_prefix + ".>",
          .description = "privacy-filter audit events",
          .retention = js_LimitsPolicy,
          .settings = AuditLog::ConfiguredSettings(options),
          .duplicate_window = kAuditDuplicateWindow,
          .event_prefix = "audit_stream",
          .what = "audit stream"};
}

// The largest message the audit log builds on `conn`: 256 KiB, less when the
// server accepts less (with room for the headers).
size_t MaxMessageBytes(natsConnection* conn) {
  constexpr int64_t kLargest = 256 * 1024;
  constexpr int64_t kHeaderRoom = 1024;
  int64_t server = natsConnection_GetMaxPayload(conn);
  if (server <= 0) return kLargest;
  return static_cast<size_t>(std::clamp<int64_t>(server - kHeaderRoom, 1, kLargest));
}

}  // namespace

StreamSettings AuditLog::ConfiguredSettings(const AuditStreamOptions& options) {
  return {options.replicas, options.max_age, options.memory_storage, std::nullopt};
}

Result<std::unique_ptr<AuditLog>> AuditLog::Open(natsConnection* conn,
                                                 const AuditStreamOptions& options,
                                                 Logger* logger) {
  jsCtx* raw_js = nullptr;
  if (natsStatus s = natsConnection_JetStream(&raw_js, conn, nullptr); s != NATS_OK) {
    return FromNatsStatus(s, "opening JetStream");
  }
  JetStreamPtr js(raw_js);
  if (auto status = EnsureStream(js.get(), StreamSpecOf(options), logger); !status) {
    return status.error();
  }

  auto audit = std::unique_ptr<AuditLog>(new AuditLog(options, conn, logger));
  JetStreamPublisherOptions publisher_options;
  publisher_options.timeout = std::chrono::milliseconds(options.publish_timeout_ms);
  publisher_options.max_pending = options.max_pending;
  auto publisher = JetStreamPublisher::Start(conn, publisher_options, logger);
  if (!publisher) return publisher.error();
  audit->publisher_ = std::move(*publisher);
  audit->background_ = std::thread([log = audit.get()] { log->BackgroundLoop(); });
  return audit;
}

AuditLog::AuditLog(AuditStreamOptions options, natsConnection* conn, Logger* logger)
    : options_(std::move(options)),
      conn_(conn),
      logger_(logger),
      retries_(options_.retry_buffer_events),
      batches_({std::max<size_t>(options_.batch_events, 1), MaxMessageBytes(conn),
                options_.batch_delay}),
      rng_(std::random_device{}()) {}

AuditLog::~AuditLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (background_.joinable()) background_.join();
}

void AuditLog::Publish(const v1::AuditEvent& event) {
  tally_->accepted++;
  std::string line = wire::AuditEventJson(event);
  std::string subject = options_.subject_prefix + "." + event.kind();
  std::string id = event.worker_id() + "." + event.request_id();
  std::optional<LineBatch> full;
  bool first_open = false;
  {
    std::lock_guard lock(mutex_);
    const bool none_open = batches_.empty();
    full = batches_.Add(subject, id, line);
    // The loop sleeps until the oldest open message is due, which a message
    // opened later never precedes; with none open it sleeps a whole tick.
    first_open = none_open && !batches_.empty();
  }
  if (first_open) wake_.notify_one();
  if (full) SendBatch(std::move(*full));
}

void AuditLog::PublishConfirmed(const v1::AuditEvent& event, const std::string& msg_id,
                                std::function<void(Status)> done) {
  std::string payload = wire::AuditEventJson(event) + "\n";
  publisher_->Publish(options_.subject_prefix + "." + event.kind(), payload,
                      {{kMsgIdHeader, msg_id}},
                      [done = std::move(done)](Result<uint64_t> result) {
                        done(result ? Status::Ok() : Status(result.error()));
                      });
}

void AuditLog::SendBatch(LineBatch batch) {
  Send({std::move(batch.id), std::move(batch.subject), std::move(batch.payload), batch.lines});
}

void AuditLog::Send(RetryItem item) {
  auto sent = std::make_shared<RetryItem>(std::move(item));
  publisher_->Publish(
      sent->subject, sent->payload, {{kMsgIdHeader, sent->id}},
      [this, sent](Result<uint64_t> outcome) { OnSent(std::move(*sent), std::move(outcome)); });
}

void AuditLog::OnSent(RetryItem item, Result<uint64_t> outcome) {
  if (outcome) {
    tally_->stored += item.events;
    if (uint64_t failures = consecutive_failures_.exchange(0); failures > 0) {
      logger_->Info("audit_publish_recovered",
                    {{"failures", failures}, {"buffered", retries_.size()}});
    }
    return;
  }
  failed_++;
  logger_->Debug(
      "audit_publish_failed",
      {{"error", outcome.error().message}, {"msg_id", item.id}, {"events", item.events}});
  Retry(std::move(item));
}

void AuditLog::Retry(RetryItem item) {
  if (consecutive_failures_.fetch_add(1) == 0) {
    logger_->Warn("audit_publish_failing", {{"stream", options_.stream}});
  }
  int64_t delay_ms = 0;
  {
    std::lock_guard lock(mutex_);
    int failures = static_cast<int>(std::min<uint64_t>(consecutive_failures_.load(), 64));
    delay_ms = BackoffDelayMs(failures, rng_());
  }
  uint64_t dropped_before = retries_.dropped();
  if (!retries_.Add(std::move(item), delay_ms)) {
    // Logged at the first drop and at every 1000th event dropped.
    uint64_t dropped = retries_.dropped();
    if (dropped_before == 0 || dropped / 1000 != dropped_before / 1000) {
      logger_->Error("audit_events_dropped",
                     {{"dropped", dropped}, {"buffer_limit", options_.retry_buffer_events}});
    }
  }
}

void AuditLog::BackgroundLoop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto sleep = kRetryTick;
    if (auto due_in = batches_.NextDueInMs()) {
      sleep = std::min(sleep, std::chrono::milliseconds(*due_in));
    }
    // Woken early (a first message opened, or stopping) or not: what is due
    // is worked out again below.
    wake_.wait_for(lock, sleep);
    std::vector<LineBatch> due = batches_.TakeDue();
    lock.unlock();
    for (LineBatch& batch : due) SendBatch(std::move(batch));
    for (RetryItem& item : retries_.TakeDue(kRetryBatch)) Send(std::move(item));
    lock.lock();
  }
}

Status AuditLog::Flush(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    std::vector<LineBatch> gathered;
    {
      std::lock_guard lock(mutex_);
      gathered = batches_.TakeAll();
    }
    for (LineBatch& batch : gathered) SendBatch(std::move(batch));
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    Status acknowledged = publisher_->Flush(left);
    std::vector<RetryItem> buffered = retries_.TakeAll();
    if (acknowledged && buffered.empty()) return Status::Ok();
    if (natsConnection_Status(conn_) != NATS_CONN_STATUS_CONNECTED) {
      std::this_thread::sleep_for(std::min(left, kRetryTick));
    }
    for (RetryItem& item : buffered) Send(std::move(item));
  }
  return MakeError(ErrorCode::kUnavailable,
                   "audit events unacknowledged after the flush timeout; " +
                       std::to_string(retries_.size()) + " buffered");
}

}  // namespace privacy::nats
