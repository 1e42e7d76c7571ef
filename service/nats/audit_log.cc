#include "nats/audit_log.h"

#include <algorithm>

#include "nats/nats_status.h"
#include "nats/stream_inspection.h"
#include "wire/codec.h"

namespace privacy::nats {

namespace {

// How many buffered events are published again at a time, and how often the
// buffer is looked at.
constexpr size_t kRetryBatch = 512;
constexpr std::chrono::milliseconds kRetryTick{100};
constexpr char kMsgIdHeader[] = "Nats-Msg-Id";

Status EnsureStream(jsCtx* js, const AuditStreamOptions& options, Logger* logger) {
  jsStreamInfo* raw_info = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&raw_info, js, options.stream.c_str(), nullptr, &err);
  StreamInfoPtr info(raw_info);
  if (s == NATS_OK) {
    logger->Info("audit_stream_bound", {{"stream", options.stream}});
    WarnOnSettingDifferences(logger, "audit_stream_settings_differ", "stream", options.stream,
                             AuditLog::ConfiguredSettings(options), SettingsOf(*info->Config));
    return Status::Ok();
  }
  if (s != NATS_NOT_FOUND) return FromNatsStatus(s, "looking up audit stream");

  std::string subjects = options.subject_prefix + ".>";
  const char* subject_list[] = {subjects.c_str()};
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = options.stream.c_str();
  config.Description = "privacy-filter audit events";
  config.Subjects = subject_list;
  config.SubjectsLen = 1;
  config.Retention = js_LimitsPolicy;
  config.Storage = options.memory_storage ? js_MemoryStorage : js_FileStorage;
  config.Replicas = options.replicas;
  config.MaxAge = std::chrono::duration_cast<std::chrono::nanoseconds>(options.max_age).count();
  config.Duplicates =
      std::chrono::duration_cast<std::chrono::nanoseconds>(kAuditDuplicateWindow).count();
  s = js_AddStream(&raw_info, js, &config, nullptr, &err);
  info.reset(raw_info);
  if (s != NATS_OK) return FromNatsStatus(s, "creating audit stream");
  logger->Info("audit_stream_created", {{"stream", options.stream}, {"replicas", options.replicas}});
  return Status::Ok();
}

// The message carrying `item`, its id in the Nats-Msg-Id header.
Result<MsgPtr> NewMessage(const RetryItem& item) {
  natsMsg* raw = nullptr;
  natsStatus s = natsMsg_Create(&raw, item.subject.c_str(), nullptr, item.payload.data(),
                                static_cast<int>(item.payload.size()));
  MsgPtr msg(raw);
  if (s == NATS_OK) s = natsMsgHeader_Set(msg.get(), kMsgIdHeader, item.id.c_str());
  if (s != NATS_OK) return FromNatsStatus(s, "building an audit message");
  return msg;
}

}  // namespace

StreamSettings AuditLog::ConfiguredSettings(const AuditStreamOptions& options) {
  return {options.replicas, options.max_age, options.memory_storage, std::nullopt};
}

Result<std::unique_ptr<AuditLog>> AuditLog::Open(natsConnection* conn,
                                                 const AuditStreamOptions& options,
                                                 Logger* logger) {
  auto audit = std::unique_ptr<AuditLog>(new AuditLog(options, conn, logger));
  jsOptions js_options;
  jsOptions_Init(&js_options);
  js_options.Wait = options.publish_timeout_ms;
  js_options.PublishAsync.MaxPending = options.max_pending;
  js_options.PublishAsync.AckHandler = &AuditLog::OnAck;
  js_options.PublishAsync.AckHandlerClosure = audit.get();
  jsCtx* raw_js = nullptr;
  if (natsStatus s = natsConnection_JetStream(&raw_js, conn, &js_options); s != NATS_OK) {
    return FromNatsStatus(s, "opening JetStream");
  }
  audit->js_.reset(raw_js);
  if (auto status = EnsureStream(audit->js_.get(), options, logger); !status) {
    return status.error();
  }
  audit->retry_thread_ = std::thread([log = audit.get()] { log->RetryLoop(); });
  return audit;
}

AuditLog::AuditLog(AuditStreamOptions options, natsConnection* conn, Logger* logger)
    : options_(std::move(options)),
      conn_(conn),
      logger_(logger),
      retries_(options_.retry_buffer_events),
      rng_(std::random_device{}()) {}

AuditLog::~AuditLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_.notify_all();
  if (retry_thread_.joinable()) retry_thread_.join();
}

void AuditLog::Publish(const v1::AuditEvent& event) {
  Send({event.worker_id() + "." + event.request_id(),
        options_.subject_prefix + "." + event.kind(), wire::EncodeJson(event, wire::JsonDefaults::kOmit)});
}

Status AuditLog::PublishConfirmed(const v1::AuditEvent& event, const std::string& msg_id) {
  auto msg = NewMessage(
      {msg_id, options_.subject_prefix + "." + event.kind(), wire::EncodeJson(event, wire::JsonDefaults::kOmit)});
  if (!msg) return msg.error();
  jsPubOptions pub;
  jsPubOptions_Init(&pub);
  pub.MaxWait = options_.publish_timeout_ms;
  jsPubAck* raw_ack = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_PublishMsg(&raw_ack, js_.get(), msg->get(), &pub, &err);
  PubAckPtr ack(raw_ack);
  if (s != NATS_OK) return FromNatsStatus(s, "publishing an audit event");
  return Status::Ok();
}

void AuditLog::Send(RetryItem item) {
  natsStatus s = NATS_NOT_YET_CONNECTED;
  // While disconnected the event waits here rather than in the connection's
  // reconnect buffer, where it would time out unacknowledged anyway.
  if (natsConnection_Status(conn_) == NATS_CONN_STATUS_CONNECTED) {
    auto msg = NewMessage(item);
    if (!msg) {
      logger_->Error("audit_event_unpublishable", {{"error", msg.error().message}});
      return;
    }
    jsPubOptions pub;
    jsPubOptions_Init(&pub);
    pub.MaxWait = options_.publish_timeout_ms;
    natsMsg* raw = msg->release();
    s = js_PublishMsgAsync(js_.get(), &raw, &pub);
    MsgPtr not_taken(raw);  // null once the library owns the message
  }
  if (s != NATS_OK) {
    failed_++;
    Retry(std::move(item));
  }
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
  if (!retries_.Add(std::move(item), delay_ms)) {
    uint64_t dropped = retries_.dropped();
    if (dropped == 1 || dropped % 1000 == 0) {
      logger_->Error("audit_events_dropped",
                     {{"dropped", dropped}, {"buffer_limit", options_.retry_buffer_events}});
    }
  }
}

void AuditLog::OnAck(jsCtx*, natsMsg* msg, jsPubAck*, jsPubAckErr* error, void* closure) {
  MsgPtr owned(msg);
  auto* self = static_cast<AuditLog*>(closure);
  if (error == nullptr) {
    if (uint64_t failures = self->consecutive_failures_.exchange(0); failures > 0) {
      self->logger_->Info("audit_publish_recovered",
                          {{"failures", failures}, {"buffered", self->retries_.size()}});
    }
    return;
  }
  self->failed_++;
  const char* id = "";
  natsMsgHeader_Get(msg, kMsgIdHeader, &id);
  self->logger_->Debug("audit_ack_failed", {{"status", natsStatus_GetText(error->Err)},
                                            {"js_error", static_cast<int>(error->ErrCode)},
                                            {"msg_id", id}});
  self->Retry({id, natsMsg_GetSubject(msg),
               std::string(natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg)))});
}

void AuditLog::RetryLoop() {
  std::unique_lock lock(mutex_);
  while (!stop_.wait_for(lock, kRetryTick, [this] { return stopping_; })) {
    lock.unlock();
    for (RetryItem& item : retries_.TakeDue(kRetryBatch)) Send(std::move(item));
    lock.lock();
  }
}

Status AuditLog::Flush(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    jsPubOptions options;
    jsPubOptions_Init(&options);
    options.MaxWait = left.count();
    natsStatus acked = js_PublishAsyncComplete(js_.get(), &options);
    std::vector<RetryItem> buffered = retries_.TakeAll();
    if (acked == NATS_OK && buffered.empty()) return Status::Ok();
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
