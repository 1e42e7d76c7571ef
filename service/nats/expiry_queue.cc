#include "nats/expiry_queue.h"

#include <charconv>

#include "nats/nats_status.h"
#include "nats/session_message.h"
#include "nats/stream_inspection.h"

namespace privacy::nats {

namespace {

// As the audit stream's: a create's retries land well within it.
constexpr std::chrono::minutes kDuplicateWindow{2};

// The stream as the service creates it.
StreamSpec StreamSpecOf(const ExpiryQueueOptions& options) {
  // Each check is taken by one worker, and gone once acknowledged.
  return {.name = options.stream,
          .subjects = options.subject_prefix + ".*",
          .description = "privacy-filter session expiry checks",
          .retention = js_WorkQueuePolicy,
          .settings = ExpiryQueue::ConfiguredSettings(options),
          .duplicate_window = kDuplicateWindow,
          .event_prefix = "expiry_queue",
          .what = "the expiry queue"};
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
  if (auto status = EnsureStream(js, StreamSpecOf(options), logger); !status) {
    return status.error();
  }
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
