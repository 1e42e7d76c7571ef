#include "nats/jetstream_publisher.h"

#include <charconv>
#include <vector>

#include "nats/nats_status.h"
#include "nats/pub_ack.h"

namespace privacy::nats {

namespace {

Error Unavailable(const char* why) { return MakeError(ErrorCode::kUnavailable, why); }

}  // namespace

JetStreamPublisher::JetStreamPublisher(natsConnection* conn, JetStreamPublisherOptions options,
                                       Logger* logger)
    : conn_(conn), options_(options), logger_(logger) {}

Result<std::unique_ptr<JetStreamPublisher>> JetStreamPublisher::Start(
    natsConnection* conn, JetStreamPublisherOptions options, Logger* logger) {
  std::unique_ptr<JetStreamPublisher> publisher(new JetStreamPublisher(conn, options, logger));
  natsInbox* inbox = nullptr;
  if (natsStatus s = natsInbox_Create(&inbox); s != NATS_OK) {
    return FromNatsStatus(s, "creating an inbox");
  }
  publisher->inbox_prefix_ = std::string(inbox) + ".";
  natsInbox_Destroy(inbox);
  std::string wildcard = publisher->inbox_prefix_ + "*";
  natsSubscription* raw = nullptr;
  if (natsStatus s = natsConnection_Subscribe(&raw, conn, wildcard.c_str(),
                                              &JetStreamPublisher::OnReply, publisher.get());
      s != NATS_OK) {
    return FromNatsStatus(s, "subscribing to JetStream acknowledgements");
  }
  publisher->subscription_.reset(raw);
  natsSubscription_SetPendingLimits(raw, -1, -1);
  publisher->expirer_ = std::thread([p = publisher.get()] { p->ExpireLoop(); });
  return publisher;
}

JetStreamPublisher::~JetStreamPublisher() {
  if (subscription_) natsSubscription_Unsubscribe(subscription_.get());
  std::unordered_map<uint64_t, Pending> abandoned;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    abandoned.swap(pending_);
  }
  stop_.notify_all();
  drained_.notify_all();
  if (expirer_.joinable()) expirer_.join();
  for (auto& [id, pending] : abandoned) Fail(pending, Unavailable("worker is stopping"));
}

void JetStreamPublisher::Publish(const std::string& subject, std::string_view data,
                                 Headers headers, Done done) {
  Send(subject, data, headers, Pending{std::move(done), nullptr, {}});
}

void JetStreamPublisher::Request(const std::string& subject, std::string_view data,
                                 ReplyDone done) {
  Send(subject, data, {}, Pending{nullptr, std::move(done), {}});
}

void JetStreamPublisher::Fail(Pending& pending, Error error) {
  if (pending.reply_done) {
    pending.reply_done(std::move(error));
  } else {
    pending.done(std::move(error));
  }
}

void JetStreamPublisher::Send(const std::string& subject, std::string_view data,
                              Headers headers, Pending pending) {
  // While NATS is away a message could only wait for its deadline: fail now.
  if (natsConnection_Status(conn_) != NATS_CONN_STATUS_CONNECTED) {
    Fail(pending, Unavailable("not connected to NATS"));
    return;
  }
  uint64_t id = 0;
  {
    std::lock_guard lock(mutex_);
    if (!stopping_ && pending_.size() < options_.max_pending) {
      id = next_id_++;
      pending.deadline = std::chrono::steady_clock::now() + options_.timeout;
      pending_.emplace(id, std::move(pending));
    }
  }
  if (id == 0) {
    Fail(pending, Unavailable("too many JetStream writes in flight"));
    return;
  }
  std::string reply = inbox_prefix_ + std::to_string(id);
  natsMsg* raw = nullptr;
  natsStatus s = natsMsg_Create(&raw, subject.c_str(), reply.c_str(), data.data(),
                                static_cast<int>(data.size()));
  ReleasedMsgPtr msg(raw, ReleaseTo{&released_});
  for (const auto& [name, value] : headers) {
    if (s == NATS_OK) s = natsMsgHeader_Set(msg.get(), name, std::string(value).c_str());
  }
  if (s == NATS_OK) s = natsConnection_PublishMsg(conn_, msg.get());
  if (s != NATS_OK) Complete(id, FromNatsStatus(s, "writing to JetStream"));
}

void JetStreamPublisher::OnReply(natsConnection*, natsSubscription*, natsMsg* msg,
                                 void* closure) {
  auto* self = static_cast<JetStreamPublisher*>(closure);
  ReleasedMsgPtr owned(msg, ReleaseTo{&self->released_});
  std::string_view subject = natsMsg_GetSubject(msg);
  std::string_view suffix = subject.substr(std::min(subject.size(), self->inbox_prefix_.size()));
  uint64_t id = 0;
  if (std::from_chars(suffix.data(), suffix.data() + suffix.size(), id).ec != std::errc()) return;
  if (natsMsg_IsNoResponders(msg)) {
    self->Complete(id, Unavailable("no JetStream stream for the subject"));
    return;
  }
  self->Complete(id, msg);
}

void JetStreamPublisher::Complete(uint64_t id, Result<natsMsg*> reply) {
  Pending pending;
  {
    std::lock_guard lock(mutex_);
    auto it = pending_.find(id);
    if (it == pending_.end()) return;  // already timed out
    pending = std::move(it->second);
    pending_.erase(it);
    ++completing_;
  }
  if (pending.reply_done) {
    pending.reply_done(std::move(reply));
  } else if (!reply) {
    pending.done(reply.error());
  } else {
    pending.done(ParsePubAck({natsMsg_GetData(*reply),
                              static_cast<size_t>(natsMsg_GetDataLength(*reply))}));
  }
  std::lock_guard lock(mutex_);
  CompletionReturned(1);
}

void JetStreamPublisher::CompletionReturned(size_t count) {
  completing_ -= count;
  if (pending_.empty() && completing_ == 0) drained_.notify_all();
}

void JetStreamPublisher::ExpireLoop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    stop_.wait_for(lock, std::chrono::milliseconds(50));
    auto now = std::chrono::steady_clock::now();
    std::vector<Pending> expired;
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (it->second.deadline <= now) {
        expired.push_back(std::move(it->second));
        it = pending_.erase(it);
        ++completing_;
      } else {
        ++it;
      }
    }
    if (expired.empty()) continue;
    lock.unlock();
    logger_->Warn("jetstream_write_timeout", {{"count", expired.size()}});
    for (auto& pending : expired) {
      Fail(pending, Unavailable("JetStream did not acknowledge in time"));
    }
    lock.lock();
    CompletionReturned(expired.size());
  }
}

Status JetStreamPublisher::Flush(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!drained_.wait_for(lock, timeout,
                         [this] { return pending_.empty() && completing_ == 0; })) {
    return MakeError(ErrorCode::kUnavailable,
                     std::to_string(pending_.size()) + " JetStream writes still unacknowledged");
  }
  return Status::Ok();
}

}  // namespace privacy::nats
