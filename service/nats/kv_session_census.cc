#include "nats/kv_session_census.h"

#include <charconv>
#include <chrono>
#include <cstring>

#include "nats/kv_session_store.h"
#include "nats/nats_status.h"

namespace privacy::nats {

namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// True when the message is a KV delete or purge marker.
bool IsRemoval(natsMsg* msg) {
  const char* operation = nullptr;
  if (natsMsgHeader_Get(msg, "KV-Operation", &operation) != NATS_OK) return false;
  return std::strcmp(operation, "DEL") == 0 || std::strcmp(operation, "PURGE") == 0;
}

}  // namespace

KvSessionCensus::KvSessionCensus(std::string subject_prefix, Logger* logger)
    : subject_prefix_(std::move(subject_prefix)), logger_(logger) {}

KvSessionCensus::~KvSessionCensus() {
  if (subscription_) natsSubscription_Unsubscribe(subscription_.get());
}

Result<std::unique_ptr<KvSessionCensus>> KvSessionCensus::Start(jsCtx* js,
                                                                const std::string& bucket,
                                                                Logger* logger) {
  std::unique_ptr<KvSessionCensus> census(new KvSessionCensus("$KV." + bucket + ".", logger));
  jsSubOptions options;
  jsSubOptions_Init(&options);
  options.Stream = nullptr;
  options.Ordered = true;
  options.Config.DeliverPolicy = js_DeliverLastPerSubject;
  options.Config.HeadersOnly = true;
  std::string subject = census->subject_prefix_ + ">";
  natsSubscription* raw = nullptr;
  natsStatus s = js_Subscribe(&raw, js, subject.c_str(), &KvSessionCensus::OnMessage,
                              census.get(), nullptr, &options, nullptr);
  if (s != NATS_OK) return FromNatsStatus(s, "following session bucket " + bucket);
  census->subscription_.reset(raw);
  return census;
}

void KvSessionCensus::OnMessage(natsConnection*, natsSubscription*, natsMsg* msg,
                                void* closure) {
  MsgPtr owned(msg);
  auto* self = static_cast<KvSessionCensus*>(closure);
  std::string_view subject = natsMsg_GetSubject(msg);
  if (subject.substr(0, self->subject_prefix_.size()) != self->subject_prefix_) return;
  self->Record(subject.substr(self->subject_prefix_.size()), msg);
}

void KvSessionCensus::Record(std::string_view key, natsMsg* msg) {
  size_t dot = key.find('.');
  if (dot == std::string_view::npos) return;
  std::string account_key(key.substr(0, dot));
  std::string session_id(key.substr(dot + 1));
  std::lock_guard lock(mutex_);
  if (IsRemoval(msg)) {
    if (auto it = sessions_.find(account_key); it != sessions_.end()) {
      it->second.erase(session_id);
    }
    return;
  }
  const char* expires = nullptr;
  int64_t expires_at_ms = 0;
  if (natsMsgHeader_Get(msg, kExpiresAtHeader, &expires) != NATS_OK ||
      std::from_chars(expires, expires + std::strlen(expires), expires_at_ms).ec != std::errc()) {
    logger_->Warn("session_without_expiry", {{"account_key", account_key}});
    return;
  }
  sessions_[account_key][session_id] = expires_at_ms;
}

uint64_t KvSessionCensus::LiveSessions(std::string_view account_key) const {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(std::string(account_key));
  if (it == sessions_.end()) return 0;
  const int64_t now = NowMs();
  std::erase_if(it->second, [now](const auto& entry) { return entry.second <= now; });
  return it->second.size();
}

}  // namespace privacy::nats
