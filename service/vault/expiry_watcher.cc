#include "vault/expiry_watcher.h"

#include "common/clocks.h"
#include "privacy/v1/session.pb.h"

namespace privacy::vault {

namespace {

std::string_view SessionIdOf(std::string_view key) {
  size_t dot = key.find('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

}  // namespace

std::string ExpireEventId(std::string_view key, uint64_t revision) {
  return "expire." + std::string(key) + "." + std::to_string(revision);
}

ExpiryWatcher::ExpiryWatcher(std::shared_ptr<SessionStore> store,
                             std::shared_ptr<ExpiryScheduler> scheduler, ExpiryEventSink sink,
                             ExpiryWatcherOptions options, Logger* logger)
    : store_(std::move(store)),
      scheduler_(std::move(scheduler)),
      sink_(std::move(sink)),
      options_(std::move(options)),
      logger_(logger) {
  if (!options_.now_ms) options_.now_ms = UnixNowMs;
}

ExpiryWatcher::~ExpiryWatcher() { Stop(); }

void ExpiryWatcher::Stop() {
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

ExpiryVerdict ExpiryWatcher::Retry(const char* what, const Error& error) {
  logger_->Debug("expiry_check_retry", {{"step", what}, {"error", error.message}});
  return {false, options_.now_ms() + options_.retry_ms};
}

void ExpiryWatcher::Check(const std::string& key, Done done) {
  auto stored = store_->Load(key);
  if (!stored) {
    // Not found: deleted, already erased by another worker, or sealed under
    // a key no longer configured; no event. Anything else may pass (a
    // leader election): try again later.
    if (stored.error().code != ErrorCode::kNotFound) return done(Retry("read", stored.error()));
    return done({});
  }
  v1::SessionRecord record;
  if (!record.ParseFromString(stored->bytes)) {
    logger_->Warn("expiry_unreadable_session");
    return done({});
  }
  const Latest latest{key, stored->revision, record.expires_at_ms()};
  const int64_t now = options_.now_ms();
  if (latest.expires_at_ms > now) {
    // Extended meanwhile (or this worker's clock is behind the writer's).
    return Reschedule(latest, std::move(done));
  }
  v1::AuditEvent event;
  event.set_kind("expire");
  event.set_session_id(std::string(SessionIdOf(latest.key)));
  event.set_account(record.account());
  event.set_worker_id(options_.worker_id);
  event.set_timestamp_ms(now);
  Publish(latest, std::move(event), std::move(done));
}

void ExpiryWatcher::Reschedule(const Latest& latest, Done done) {
  StepStarted();
  scheduler_->ScheduleAsync(latest.key, latest.expires_at_ms,
                            [this, done = std::move(done)](Status queued) {
                              done(queued ? ExpiryVerdict{} : Retry("queue", queued.error()));
                              StepDone();
                            });
}

void ExpiryWatcher::Publish(const Latest& latest, v1::AuditEvent event, Done done) {
  StepStarted();
  sink_(event, ExpireEventId(latest.key, latest.revision),
        [this, latest, done = std::move(done)](Status published) mutable {
          if (!published) {
            done(Retry("publish", published.error()));
          } else {
            events_published_++;
            Erase(latest, std::move(done));
          }
          StepDone();
        });
}

void ExpiryWatcher::Erase(const Latest& latest, Done done) {
  // Only the revision found expired: a session another worker extended
  // meanwhile (its clock a little behind) stays, and its next check decides.
  StepStarted();
  store_->EraseIfUnchangedAsync(
      latest.key, latest.revision, [this, latest, done = std::move(done)](Status erased) {
        if (!erased && erased.error().code == ErrorCode::kConflict) {
          // Changed since the read: check the new revision from the start.
          done(ExpiryVerdict{false, options_.now_ms()});
        } else if (!erased && erased.error().code != ErrorCode::kNotFound) {
          done(Retry("erase", erased.error()));
        } else {
          done({});
        }
        StepDone();
      });
}

}  // namespace privacy::vault
