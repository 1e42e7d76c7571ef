#include "nats/expiry_queue.h"

#include <charconv>

#include "nats/nats_status.h"
#include "nats/session_message.h"
#include "nats/stream_inspection.h"

namespace privacy::nats {

namespace {

// As the audit stream's: a create's retries land well within it.
constexpr std::chrono::minutes kDuplicateWindow{2};

Status EnsureStream(jsCtx* js, const ExpiryQueueOptions& options, Logger* logger) {
  jsStreamInfo* raw_info = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&raw_info, js, options.stream.c_str(), nullptr, &err);
  StreamInfoPtr info(raw_info);
  if (s == NATS_OK) {
    logger->Info("expiry_queue_bound", {{"stream", options.stream}});
    WarnOnSettingDifferences(logger, "expiry_queue_settings_differ", "stream", options.stream,
                             ExpiryQueue::ConfiguredSettings(options), SettingsOf(*info->Config));
    return Status::Ok();
  }
  if (s != NATS_NOT_FOUND) return FromNatsStatus(s, "looking up the expiry queue");

  std::string subjects = options.subject_prefix + ".*";
  const char* subject_list[] = {subjects.c_str()};
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = options.stream.c_str();
  config.Description = "privacy-filter session expiry checks";
  config.Subjects = subject_list;
  config.SubjectsLen = 1;
  // Each check is taken by one worker, and gone once acknowledged.
  config.Retention = js_WorkQueuePolicy;
  config.Storage = options.memory_storage ? js_MemoryStorage : js_FileStorage;
  config.Replicas = options.replicas;
  config.MaxAge = std::chrono::duration_cast<std::chrono::nanoseconds>(options.max_age).count();
  config.Duplicates =
      std::chrono::duration_cast<std::chrono::nanoseconds>(kDuplicateWindow).count();
  s = js_AddStream(&raw_info, js, &config, nullptr, &err);
  info.reset(raw_info);
  if (s != NATS_OK) return FromNatsStatus(s, "creating the expiry queue");
  logger->Info("expiry_queue_created",
               {{"stream", options.stream}, {"replicas", options.replicas}});
  return Status::Ok();
}

}  // namespace

std::string ExpiryCheckId(std::string_view key, int64_t due_ms) {
  return "expiry." + std::string(key) + "." + std::to_string(due_ms);
}

StreamSettings ExpiryQueue::ConfiguredSettings(const ExpiryQueueOptions& options) {
  return {options.replicas, options.max_age, options.memory_storage, std::nullopt};
}

Result<std::unique_ptr<ExpiryQueue>> ExpiryQueue::Open(
    jsCtx* js, const ExpiryQueueOptions& options, std::shared_ptr<JetStreamPublisher> publisher,
    Logger* logger) {
  if (options.slot.count() <= 0) {
    return MakeError(ErrorCode::kBadRequest, "the expiry slot must be positive");
  }
  if (auto status = EnsureStream(js, options, logger); !status) return status.error();
  return std::unique_ptr<ExpiryQueue>(new ExpiryQueue(options, std::move(publisher)));
}

ExpiryQueue::ExpiryQueue(ExpiryQueueOptions options, std::shared_ptr<JetStreamPublisher> publisher)
    : options_(std::move(options)), publisher_(std::move(publisher)) {}

int64_t ExpiryQueue::SlotEndFor(int64_t due_ms) const {
  const int64_t slot = options_.slot.count();
  return (due_ms / slot + 1) * slot;
}

std::string ExpiryQueue::SlotSubject(int64_t slot_end_ms) const {
  return options_.subject_prefix + "." + std::to_string(slot_end_ms);
}

std::optional<int64_t> ExpiryQueue::SlotEndOf(std::string_view subject) const {
  const std::string_view prefix = options_.subject_prefix;
  if (subject.size() <= prefix.size() + 1 || subject.substr(0, prefix.size()) != prefix ||
      subject[prefix.size()] != '.') {
    return std::nullopt;
  }
  std::string_view end = subject.substr(prefix.size() + 1);
  int64_t value = 0;
  auto [parsed_to, error] = std::from_chars(end.data(), end.data() + end.size(), value);
  if (error != std::errc() || parsed_to != end.data() + end.size()) return std::nullopt;
  return value;
}

void ExpiryQueue::ScheduleAsync(const std::string& key, int64_t due_ms,
                                std::function<void(Status)> done) {
  PublishCheck(key, due_ms, ExpiryCheckId(key, due_ms), std::move(done));
}

void ExpiryQueue::PublishCheck(const std::string& key, int64_t due_ms, const std::string& id,
                               std::function<void(Status)> done) {
  const std::string due = std::to_string(due_ms);
  publisher_->Publish(SlotSubject(SlotEndFor(due_ms)), key,
                      {{"Nats-Msg-Id", id}, {kExpiresAtHeader, due}},
                      [done = std::move(done)](Result<uint64_t> stored) {
                        done(stored ? Status::Ok() : Status(stored.error()));
                      });
}

}  // namespace privacy::nats
