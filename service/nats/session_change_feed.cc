#include "nats/session_change_feed.h"

#include "nats/nats_status.h"
#include "nats/session_message.h"

namespace privacy::nats {

namespace {

// Changes asked for at once; a full answer is followed by the next request.
constexpr int kBatch = 512;
// Ephemeral consumers the server forgets after this long without requests
// (a worker that died), and how often a worker checks its own still exists.
constexpr std::chrono::seconds kInactiveThreshold{60};
constexpr std::chrono::seconds kConsumerCheckEvery{5};

// A JetStream status message (no messages, request timeout, ...): headers
// with a Status and no payload.
bool IsStatus(natsMsg* msg) {
  const char* status = nullptr;
  return natsMsg_GetDataLength(msg) == 0 && natsMsgHeader_Get(msg, "Status", &status) == NATS_OK;
}

}  // namespace

SessionChangeFeed::SessionChangeFeed(natsConnection* conn, jsCtx* js, const std::string& bucket,
                                     std::chrono::milliseconds interval,
                                     std::shared_ptr<vault::SessionCache> cache,
                                     std::shared_ptr<vault::ExpiryDeadlines> deadlines,
                                     Logger* logger)
    : conn_(conn),
      js_(js),
      stream_("KV_" + bucket),
      subject_prefix_("$KV." + bucket + "."),
      interval_(interval),
      cache_(std::move(cache)),
      deadlines_(std::move(deadlines)),
      logger_(logger) {}

SessionChangeFeed::~SessionChangeFeed() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (poller_.joinable()) poller_.join();
  if (subscription_) natsSubscription_Unsubscribe(subscription_.get());
  // The server forgets it anyway (kInactiveThreshold); no wait while NATS is away.
  if (!consumer_.empty() && natsConnection_Status(conn_) == NATS_CONN_STATUS_CONNECTED) {
    js_DeleteConsumer(js_, stream_.c_str(), consumer_.c_str(), nullptr, nullptr);
  }
}

Result<std::unique_ptr<SessionChangeFeed>> SessionChangeFeed::Start(
    natsConnection* conn, jsCtx* js, const std::string& bucket, std::chrono::milliseconds interval,
    std::shared_ptr<vault::SessionCache> cache, std::shared_ptr<vault::ExpiryDeadlines> deadlines,
    Logger* logger) {
  std::unique_ptr<SessionChangeFeed> feed(new SessionChangeFeed(
      conn, js, bucket, interval, std::move(cache), std::move(deadlines), logger));
  natsInbox* inbox = nullptr;
  if (natsStatus s = natsInbox_Create(&inbox); s != NATS_OK) {
    return FromNatsStatus(s, "creating an inbox");
  }
  feed->inbox_ = inbox;
  natsInbox_Destroy(inbox);
  natsSubscription* raw = nullptr;
  if (natsStatus s = natsConnection_Subscribe(&raw, conn, feed->inbox_.c_str(),
                                              &SessionChangeFeed::OnMessage, feed.get());
      s != NATS_OK) {
    return FromNatsStatus(s, "subscribing to the session bucket's changes");
  }
  feed->subscription_.reset(raw);
  natsSubscription_SetPendingLimits(raw, -1, -1);
  if (auto status = feed->CreateConsumer(); !status) {
    return MakeError(status.error().code,
                     "following session bucket " + bucket + ": " + status.error().message);
  }
  feed->poller_ = std::thread([f = feed.get()] { f->PollLoop(); });
  return feed;
}

Status SessionChangeFeed::CreateConsumer() {
  std::string filter = subject_prefix_ + ">";
  jsConsumerConfig config;
  jsConsumerConfig_Init(&config);
  config.Description = "privacy-filter worker: session changes";
  // The bucket keeps one message per session, so "all" is the latest of
  // each. (Last-per-subject would say the same, but nats-server 2.9.10 then
  // counts pending messages across every subject on each request.)
  config.DeliverPolicy = js_DeliverAll;
  config.FilterSubject = filter.c_str();
  // Revisions and expiries are all the feed needs; session bytes travel
  // only to the worker that reads them.
  config.HeadersOnly = true;
  // Pull consumers need acknowledgements: the latest change acknowledges
  // all before it.
  config.AckPolicy = js_AckAll;
  config.MaxAckPending = 1 << 20;
  config.InactiveThreshold =
      std::chrono::duration_cast<std::chrono::nanoseconds>(kInactiveThreshold).count();
  jsConsumerInfo* raw = nullptr;
  jsErrCode error = static_cast<jsErrCode>(0);
  natsStatus s = js_AddConsumer(&raw, js_, stream_.c_str(), &config, nullptr, &error);
  ConsumerInfoPtr info(raw);
  if (s != NATS_OK) return FromNatsStatus(s, "creating the change feed consumer");
  std::lock_guard lock(mutex_);
  consumer_ = info->Name;
  ack_subject_.clear();
  changes_in_batch_ = 0;
  return Status::Ok();
}

void SessionChangeFeed::PollLoop() {
  auto next_check = std::chrono::steady_clock::now() + kConsumerCheckEvery;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    Poll();
    if (std::chrono::steady_clock::now() >= next_check) {
      CheckConsumer();
      next_check = std::chrono::steady_clock::now() + kConsumerCheckEvery;
    }
    lock.lock();
    // A full answer means more may be waiting: ask again at once.
    wake_.wait_for(lock, interval_,
                   [this] { return stopping_ || changes_in_batch_ >= kBatch; });
  }
}

void SessionChangeFeed::Poll() {
  std::string consumer;
  std::string ack;
  {
    std::lock_guard lock(mutex_);
    consumer = consumer_;
    ack.swap(ack_subject_);
    changes_in_batch_ = 0;
  }
  if (consumer.empty()) return;
  if (!ack.empty()) natsConnection_PublishString(conn_, ack.c_str(), "+ACK");
  const std::string next = "$JS.API.CONSUMER.MSG.NEXT." + stream_ + "." + consumer;
  const std::string request = "{\"batch\":" + std::to_string(kBatch) + ",\"no_wait\":true}";
  natsConnection_PublishRequestString(conn_, next.c_str(), inbox_.c_str(), request.c_str());
}

void SessionChangeFeed::CheckConsumer() {
  std::string consumer;
  {
    std::lock_guard lock(mutex_);
    consumer = consumer_;
  }
  if (!consumer.empty()) {
    jsConsumerInfo* raw = nullptr;
    jsErrCode error = static_cast<jsErrCode>(0);
    natsStatus s =
        js_GetConsumerInfo(&raw, js_, stream_.c_str(), consumer.c_str(), nullptr, &error);
    ConsumerInfoPtr info(raw);
    if (s != NATS_NOT_FOUND) return;  // there, or NATS cannot tell now
    logger_->Warn("session_feed_consumer_lost");
  }
  if (auto status = CreateConsumer(); !status) {
    std::lock_guard lock(mutex_);
    consumer_.clear();
    return;
  }
  logger_->Info("session_feed_consumer_created");
}

void SessionChangeFeed::OnMessage(natsConnection*, natsSubscription*, natsMsg* msg,
                                  void* closure) {
  auto* self = static_cast<SessionChangeFeed*>(closure);
  ReleasedMsgPtr owned(msg, ReleaseTo{&self->released_});
  if (IsStatus(msg)) return;  // the end of an answer: nothing (more) waiting
  self->Apply(msg);
  const char* reply = natsMsg_GetReply(msg);
  std::lock_guard lock(self->mutex_);
  if (reply != nullptr) self->ack_subject_ = reply;
  if (++self->changes_in_batch_ == kBatch) self->wake_.notify_all();
}

void SessionChangeFeed::Apply(natsMsg* msg) {
  std::string_view subject = natsMsg_GetSubject(msg);
  if (subject.substr(0, subject_prefix_.size()) != subject_prefix_) return;
  std::string_view key = subject.substr(subject_prefix_.size());
  jsMsgMetaData* raw_meta = nullptr;
  if (natsMsg_GetMetaData(&raw_meta, msg) != NATS_OK) return;
  MsgMetaDataPtr meta(raw_meta);
  uint64_t revision = meta->Sequence.Stream;
  auto message = ReadSessionMessage(msg);
  if (!message) {
    logger_->Warn("foreign_session_entry", {{"revision", revision}});
    return;
  }
  if (message->removed) {
    cache_->Remove(key, revision);
    deadlines_->Forget(key, revision);
  } else {
    cache_->Track(key, revision, message->expires_at_ms);
    deadlines_->Track(key, revision, message->expires_at_ms);
  }
}

}  // namespace privacy::nats
