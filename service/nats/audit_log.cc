#include "nats/audit_log.h"

#include <google/protobuf/util/json_util.h>

#include "nats/nats_status.h"
#include "nats/stream_inspection.h"

namespace privacy::nats {

namespace {

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
  config.Duplicates = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::minutes(2)).count();
  s = js_AddStream(&raw_info, js, &config, nullptr, &err);
  info.reset(raw_info);
  if (s != NATS_OK) return FromNatsStatus(s, "creating audit stream");
  logger->Info("audit_stream_created", {{"stream", options.stream}, {"replicas", options.replicas}});
  return Status::Ok();
}

}  // namespace

StreamSettings AuditLog::ConfiguredSettings(const AuditStreamOptions& options) {
  return {options.replicas, options.max_age, options.memory_storage, std::nullopt};
}

Result<std::unique_ptr<AuditLog>> AuditLog::Open(natsConnection* conn,
                                                 const AuditStreamOptions& options,
                                                 Logger* logger) {
  auto audit = std::unique_ptr<AuditLog>(new AuditLog(nullptr, options, logger));
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
  return audit;
}

AuditLog::AuditLog(JetStreamPtr js, AuditStreamOptions options, Logger* logger)
    : js_(std::move(js)), options_(std::move(options)), logger_(logger) {}

void AuditLog::Publish(const v1::AuditEvent& event) {
  std::string json;
  google::protobuf::util::JsonPrintOptions print;
  print.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(event, &json, print);
  std::string subject = options_.subject_prefix + "." + event.kind();
  std::string msg_id = event.worker_id() + "." + event.request_id();
  jsPubOptions pub;
  jsPubOptions_Init(&pub);
  pub.MaxWait = options_.publish_timeout_ms;
  pub.MsgId = msg_id.c_str();
  natsStatus s = js_PublishAsync(js_.get(), subject.c_str(), json.data(),
                                 static_cast<int>(json.size()), &pub);
  if (s != NATS_OK) {
    failed_++;
    logger_->Warn("audit_publish_failed", {{"kind", event.kind()},
                                           {"request_id", event.request_id()},
                                           {"status", natsStatus_GetText(s)}});
  }
}

void AuditLog::OnAck(jsCtx*, natsMsg* msg, jsPubAck*, jsPubAckErr* error, void* closure) {
  MsgPtr owned(msg);
  if (error == nullptr) return;
  auto* self = static_cast<AuditLog*>(closure);
  self->failed_++;
  self->logger_->Warn("audit_ack_failed",
                      {{"status", natsStatus_GetText(error->Err)},
                       {"js_error", static_cast<int>(error->ErrCode)}});
}

Status AuditLog::Flush(std::chrono::milliseconds timeout) {
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MaxWait = timeout.count();
  natsStatus s = js_PublishAsyncComplete(js_.get(), &options);
  if (s != NATS_OK) return FromNatsStatus(s, "flushing audit events");
  return Status::Ok();
}

}  // namespace privacy::nats
