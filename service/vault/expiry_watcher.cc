#include "vault/expiry_watcher.h"

#include "common/clocks.h"
#include "privacy/v1/session.pb.h"

namespace privacy::vault {

namespace {

// Checks taken from the index at a time, and the longest sleep between
// looks at it (an earlier check wakes the watcher earlier).
constexpr size_t kBatch = 256;
constexpr std::chrono::milliseconds kIdleWait{1000};

std::string_view SessionIdOf(std::string_view key) {
  size_t dot = key.find('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

}  // namespace

std::string ExpireEventId(std::string_view key, uint64_t revision) {
  return "expire." + std::string(key) + "." + std::to_string(revision);
}

ExpiryWatcher::ExpiryWatcher(std::shared_ptr<SessionStore> store,
                             std::shared_ptr<SessionIndex> index, ExpiryEventSink sink,
                             ExpiryWatcherOptions options, Logger* logger)
    : store_(std::move(store)),
      index_(std::move(index)),
      sink_(std::move(sink)),
      options_(std::move(options)),
      logger_(logger) {
  if (!options_.now_ms) options_.now_ms = UnixNowMs;
}

ExpiryWatcher::~ExpiryWatcher() { Stop(); }

void ExpiryWatcher::Start() {
  thread_ = std::thread([this] {
    while (!stopping_.load()) {
      for (const ExpiryCheck& check : index_->WaitForDue(kIdleWait, kBatch)) Check(check);
    }
  });
}

void ExpiryWatcher::Stop() {
  stopping_ = true;
  index_->Stop();
  if (thread_.joinable()) thread_.join();
  std::unique_lock lock(steps_mutex_);
  steps_done_.wait(lock, [this] { return steps_in_flight_ == 0; });
}

void ExpiryWatcher::StepStarted() {
  std::lock_guard lock(steps_mutex_);
  ++steps_in_flight_;
}

void ExpiryWatcher::StepDone() {
  std::lock_guard lock(steps_mutex_);
  if (--steps_in_flight_ == 0) steps_done_.notify_all();
}

size_t ExpiryWatcher::CheckDue() {
  size_t checked = 0;
  for (auto due = index_->TakeDue(kBatch); !due.empty(); due = index_->TakeDue(kBatch)) {
    for (const ExpiryCheck& check : due) Check(check);
    checked += due.size();
  }
  return checked;
}

void ExpiryWatcher::Retry(const ExpiryCheck& check, const char* what, const Error& error) {
  logger_->Debug("expiry_check_retry", {{"session_id", SessionIdOf(check.key)},
                                        {"step", what},
                                        {"error", error.message}});
  index_->RetryAt(check, options_.now_ms() + options_.retry_ms);
}

void ExpiryWatcher::Check(const ExpiryCheck& check) {
  auto stored = store_->Load(check.key);
  if (!stored) {
    // Not found: deleted, already erased by another worker, or sealed under
    // a key no longer configured; no event. Anything else may pass (a
    // leader election): try again later.
    if (stored.error().code != ErrorCode::kNotFound) Retry(check, "read", stored.error());
    return;
  }
  v1::SessionRecord record;
  if (!record.ParseFromString(stored->bytes)) {
    logger_->Warn("expiry_unreadable_session", {{"session_id", SessionIdOf(check.key)}});
    return;
  }
  const ExpiryCheck latest{check.key, stored->revision, record.expires_at_ms()};
  const int64_t now = options_.now_ms();
  if (latest.expires_at_ms > now) {
    // Extended meanwhile (or this worker's clock is behind the writer's).
    index_->RecheckAfterExpiry(latest);
    return;
  }
  v1::AuditEvent event;
  event.set_kind("expire");
  event.set_session_id(std::string(SessionIdOf(latest.key)));
  event.set_account(record.account());
  event.set_worker_id(options_.worker_id);
  event.set_timestamp_ms(now);
  Publish(latest, std::move(event));
}

void ExpiryWatcher::Publish(const ExpiryCheck& latest, v1::AuditEvent event) {
  StepStarted();
  sink_(event, ExpireEventId(latest.key, latest.revision), [this, latest](Status published) {
    if (!published) {
      Retry(latest, "publish", published.error());
    } else {
      events_published_++;
      Erase(latest);
    }
    StepDone();
  });
}

void ExpiryWatcher::Erase(const ExpiryCheck& latest) {
  // Only the revision found expired: a session another worker extended
  // meanwhile (its clock a little behind) stays, and its new revision
  // reaches the index through the change feed.
  StepStarted();
  store_->EraseIfUnchangedAsync(latest.key, latest.revision, [this, latest](Status erased) {
    if (!erased && erased.error().code != ErrorCode::kNotFound &&
        erased.error().code != ErrorCode::kConflict) {
      Retry(latest, "erase", erased.error());
    }
    StepDone();
  });
}

}  // namespace privacy::vault
