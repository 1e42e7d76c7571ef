#include "nats/session_change_feed.h"

#include "nats/nats_status.h"
#include "nats/session_message.h"

namespace privacy::nats {

SessionChangeFeed::SessionChangeFeed(std::string subject_prefix,
                                     std::shared_ptr<vault::SessionCache> cache,
                                     std::shared_ptr<vault::ExpiryDeadlines> deadlines,
                                     Logger* logger)
    : subject_prefix_(std::move(subject_prefix)),
      cache_(std::move(cache)),
      deadlines_(std::move(deadlines)),
      logger_(logger) {}

SessionChangeFeed::~SessionChangeFeed() {
  if (subscription_) natsSubscription_Unsubscribe(subscription_.get());
}

Result<std::unique_ptr<SessionChangeFeed>> SessionChangeFeed::Start(
    jsCtx* js, const std::string& bucket, std::shared_ptr<vault::SessionCache> cache,
    std::shared_ptr<vault::ExpiryDeadlines> deadlines, Logger* logger) {
  std::unique_ptr<SessionChangeFeed> feed(new SessionChangeFeed(
      "$KV." + bucket + ".", std::move(cache), std::move(deadlines), logger));
  jsSubOptions options;
  jsSubOptions_Init(&options);
  options.Ordered = true;
  options.Config.DeliverPolicy = js_DeliverLastPerSubject;
  // Revisions and expiries are all the feed needs; session bytes travel
  // only to the worker that reads them.
  options.Config.HeadersOnly = true;
  std::string subject = feed->subject_prefix_ + ">";
  natsSubscription* raw = nullptr;
  natsStatus s = js_Subscribe(&raw, js, subject.c_str(), &SessionChangeFeed::OnMessage,
                              feed.get(), nullptr, &options, nullptr);
  if (s != NATS_OK) return FromNatsStatus(s, "following session bucket " + bucket);
  feed->subscription_.reset(raw);
  return feed;
}

void SessionChangeFeed::OnMessage(natsConnection*, natsSubscription*, natsMsg* msg,
                                  void* closure) {
  MsgPtr owned(msg);
  auto* self = static_cast<SessionChangeFeed*>(closure);
  std::string_view subject = natsMsg_GetSubject(msg);
  if (subject.substr(0, self->subject_prefix_.size()) != self->subject_prefix_) return;
  std::string_view key = subject.substr(self->subject_prefix_.size());
  jsMsgMetaData* raw_meta = nullptr;
  if (natsMsg_GetMetaData(&raw_meta, msg) != NATS_OK) return;
  MsgMetaDataPtr meta(raw_meta);
  uint64_t revision = meta->Sequence.Stream;
  auto message = ReadSessionMessage(msg);
  if (!message) {
    self->logger_->Warn("foreign_session_entry", {{"revision", revision}});
    return;
  }
  if (message->removed) {
    self->cache_->Remove(key, revision);
    self->deadlines_->Forget(key, revision);
  } else {
    self->cache_->Track(key, revision, message->expires_at_ms);
    self->deadlines_->Track(key, revision, message->expires_at_ms);
  }
}

}  // namespace privacy::nats
