#include "nats/session_change_feed.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "nats/jetstream_json.h"
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
// A consumer whose pull requests went unanswered this long is made again:
// answers take milliseconds, so this is no slow server but one gone.
constexpr std::chrono::seconds kConsumerSilentLimit{2};
// How soon a consumer NATS could not make is tried again.
constexpr std::chrono::seconds kConsumerRetryEvery{1};

// The code of a status message (no messages, request timeout, no
// responders, ...): headers with a Status and no payload; null for a change.
const char* StatusCode(natsMsg* msg) {
  const char* status = nullptr;
  if (natsMsg_GetDataLength(msg) != 0) return nullptr;
  if (natsMsgHeader_Get(msg, "Status", &status) != NATS_OK) return nullptr;
  return status;
}

// The statuses that end a pull request's answer at the end of what the
// consumer's server has: 404 when nothing was waiting, 408 when some
// changes were delivered and then nothing more.
bool ReachedTheEnd(std::string_view code) { return code == "404" || code == "408"; }

// The status nats-server sends in place of an answer when no server
// subscribes to the request's subject: here, no server runs the consumer.
bool NoResponders(std::string_view code) { return code == "503"; }

// Whether a stream info reply, from its state on, comes from the stream's
// leader. A replicated stream's reply names the leader in "cluster" (before
// the replica list); a stream on one server has no "cluster" and no other
// server to answer. nats-server 2.9.10 has every remaining replica answer
// with its own state and no leader once the stream has been without one for
// about 5 s: a replica that lags would confirm a copy missing acknowledged
// changes.
bool FromLeader(std::string_view after_state) {
  const size_t cluster = JsonValueAt(after_state, "cluster");
  if (cluster == std::string_view::npos) return true;
  std::string_view members = after_state.substr(cluster);
  members = members.substr(0, members.find_first_of("[}"));
  const size_t leader = JsonValueAt(members, "leader");
  return leader != std::string_view::npos && leader + 1 < members.size() &&
         members[leader] == '"' && members[leader + 1] != '"';
}

}  // namespace

SessionChangeFeed::SessionChangeFeed(natsConnection* conn, jsCtx* js, const std::string& bucket,
                                     std::chrono::milliseconds interval,
                                     std::shared_ptr<vault::SessionIndex> index,
                                     std::shared_ptr<vault::CacheLease> lease, Logger* logger)
    : conn_(conn),
      js_(js),
      stream_("KV_" + bucket),
      subject_prefix_("$KV." + bucket + "."),
      interval_(interval),
      index_(std::move(index)),
      lease_(std::move(lease)),
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
    std::shared_ptr<vault::SessionIndex> index, std::shared_ptr<vault::CacheLease> lease,
    Logger* logger) {
  std::unique_ptr<SessionChangeFeed> feed(new SessionChangeFeed(
      conn, js, bucket, interval, std::move(index), std::move(lease), logger));
  natsInbox* inbox = nullptr;
  if (natsStatus s = natsInbox_Create(&inbox); s != NATS_OK) {
    return FromNatsStatus(s, "creating an inbox");
  }
  feed->inbox_ = inbox;
  natsInbox_Destroy(inbox);
  natsSubscription* raw = nullptr;
  const std::string answers = feed->inbox_ + ".*";
  if (natsStatus s = natsConnection_Subscribe(&raw, conn, answers.c_str(),
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
  uint64_t resume_after = 0;
  {
    std::lock_guard lock(mutex_);
    resume_after = last_applied_;
  }
  jsConsumerConfig config;
  jsConsumerConfig_Init(&config);
  config.Description = kSessionFeedDescription;
  // The bucket keeps one message per session, so "all" is the latest of
  // each. (Last-per-subject would say the same, but nats-server 2.9.10 then
  // counts pending messages across every subject on each request.) The
  // stream delivers in order, so every change up to the last one applied
  // is in the index: a consumer made again starts after it.
  uint64_t replay_until = 0;
  if (resume_after == 0) {
    // What the bucket holds now is replayed, each session's latest message
    // alone: the revisions those replaced were never counted.
    jsStreamInfo* raw_info = nullptr;
    natsStatus s = js_GetStreamInfo(&raw_info, js_, stream_.c_str(), nullptr, nullptr);
    StreamInfoPtr stream_info(raw_info);
    if (s != NATS_OK) return FromNatsStatus(s, "reading the session bucket's state");
    replay_until = stream_info->State.LastSeq;
    config.DeliverPolicy = js_DeliverAll;
  } else {
    config.DeliverPolicy = js_DeliverByStartSequence;
    config.OptStartSeq = resume_after + 1;
  }
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
  if (resume_after == 0) replay_until_ = replay_until;
  ack_subject_.clear();
  changes_in_batch_ = 0;
  start_sequence_ = resume_after + 1;
  first_request_ = next_request_;
  unanswered_since_.reset();
  no_responders_ = false;
  return Status::Ok();
}

void SessionChangeFeed::PollLoop() {
  auto next_check = std::chrono::steady_clock::now() + kConsumerCheckEvery;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const auto now = std::chrono::steady_clock::now();
    const bool check_now = std::exchange(check_consumer_now_, false) || now >= next_check;
    const std::string unreachable = UnreachableReason(now);
    lock.unlock();
    ReportLease();
    if (!unreachable.empty()) {
      logger_->Warn("session_feed_consumer_unreachable", {{"reason", unreachable}});
      next_check = std::chrono::steady_clock::now() + MakeConsumerAgain();
    } else if (check_now) {
      next_check = std::chrono::steady_clock::now() + CheckConsumer();
    }
    Poll();
    lock.lock();
    // A full answer means more may be waiting: ask again at once.
    wake_.wait_for(lock, interval_, [this] {
      return stopping_ || changes_in_batch_ >= kBatch || check_consumer_now_ || no_responders_;
    });
  }
}

std::string SessionChangeFeed::UnreachableReason(std::chrono::steady_clock::time_point now) const {
  if (consumer_.empty()) return {};
  if (no_responders_) return "no responders";
  if (unanswered_since_ && now - *unanswered_since_ >= kConsumerSilentLimit) return "no answer";
  return {};
}

void SessionChangeFeed::Poll() {
  const auto now = vault::CacheLease::Clock::now();
  std::string consumer;
  std::string ack;
  uint64_t number = 0;
  {
    std::lock_guard lock(mutex_);
    consumer = consumer_;
    ack.swap(ack_subject_);
    changes_in_batch_ = 0;
    while (!asked_.empty() && now - asked_.begin()->second > lease_->lease()) {
      asked_.erase(asked_.begin());
    }
    if (consumer.empty()) return;
    number = next_request_++;
    asked_.emplace(number, now);
  }
  if (!ack.empty()) natsConnection_PublishString(conn_, ack.c_str(), "+ACK");
  // The leader's last sequence first: every change acknowledged by now is
  // at or below it. Then the changes themselves.
  const std::string info = "$JS.API.STREAM.INFO." + stream_;
  const std::string info_reply =
      inbox_ + "." + std::string(kStreamInfoReply) + std::to_string(number);
  const std::string next = "$JS.API.CONSUMER.MSG.NEXT." + stream_ + "." + consumer;
  const std::string reply = inbox_ + "." + std::to_string(number);
  const std::string request = "{\"batch\":" + std::to_string(kBatch) + ",\"no_wait\":true}";
  // A request that cannot be sent (NATS away) is never answered: the lease
  // runs out unless a later one is. The consumer's silence counts from a
  // request sent since its latest answer while NATS was there.
  natsConnection_PublishRequestString(conn_, info.c_str(), info_reply.c_str(), "");
  const bool sent = natsConnection_PublishRequestString(conn_, next.c_str(), reply.c_str(),
                                                        request.c_str()) == NATS_OK;
  std::lock_guard lock(mutex_);
  if (!sent) {
    unanswered_since_.reset();
  } else if (!unanswered_since_) {
    unanswered_since_ = std::chrono::steady_clock::now();
  }
}

void SessionChangeFeed::ReportLease() {
  const bool current = lease_->Current();
  {
    std::lock_guard lock(mutex_);
    if (current == lease_current_) return;
    lease_current_ = current;
  }
  if (current) {
    logger_->Info("session_cache_current");
  } else {
    logger_->Warn("session_cache_not_current",
                  {{"lease_ms", static_cast<int64_t>(lease_->lease().count())}});
  }
}

std::chrono::seconds SessionChangeFeed::CheckConsumer() {
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
    if (s != NATS_NOT_FOUND) return kConsumerCheckEvery;  // there, or NATS cannot tell now
    logger_->Warn("session_feed_consumer_lost");
  }
  return MakeConsumerAgain();
}

std::chrono::seconds SessionChangeFeed::MakeConsumerAgain() {
  if (auto status = CreateConsumer(); !status) {
    std::lock_guard lock(mutex_);
    consumer_.clear();
    unanswered_since_.reset();
    no_responders_ = false;
    return kConsumerRetryEvery;
  }
  uint64_t start = 0;
  {
    std::lock_guard lock(mutex_);
    start = start_sequence_;
  }
  logger_->Info("session_feed_consumer_created", {{"start_sequence", start}});
  return kConsumerCheckEvery;
}

void SessionChangeFeed::OnMessage(natsConnection*, natsSubscription*, natsMsg* msg,
                                  void* closure) {
  auto* self = static_cast<SessionChangeFeed*>(closure);
  ReleasedMsgPtr owned(msg, ReleaseTo{&self->released_});
  const std::string_view subject = natsMsg_GetSubject(msg);
  const std::string_view suffix = subject.substr(subject.rfind('.') + 1);
  if (suffix.starts_with(kStreamInfoReply)) {
    return self->OnStreamInfo(
        suffix.substr(kStreamInfoReply.size()),
        std::string_view(natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg))));
  }
  if (const char* code = StatusCode(msg)) return self->OnStatus(suffix, code);
  const uint64_t sequence = self->Apply(msg);
  const char* reply = natsMsg_GetReply(msg);
  std::lock_guard lock(self->mutex_);
  self->unanswered_since_.reset();
  self->last_applied_ = std::max(self->last_applied_, sequence);
  if (auto caught_up = self->catch_up_.Applied(self->last_applied_)) {
    self->lease_->Confirm(*caught_up);
  }
  if (reply != nullptr) self->ack_subject_ = reply;
  if (++self->changes_in_batch_ == kBatch) self->wake_.notify_all();
}

void SessionChangeFeed::OnStatus(std::string_view number_text, std::string_view code) {
  uint64_t number = 0;
  std::from_chars(number_text.data(), number_text.data() + number_text.size(), number);
  std::lock_guard lock(mutex_);
  // What answers a request to an earlier consumer says nothing of this one.
  if (number < first_request_) return;
  unanswered_since_.reset();
  if (ReachedTheEnd(code)) return;
  if (NoResponders(code)) {
    no_responders_ = true;
  } else {
    check_consumer_now_ = true;
  }
  wake_.notify_all();
}

void SessionChangeFeed::OnStreamInfo(std::string_view number_text, std::string_view reply) {
  // The state comes after the configuration, whose strings are ours.
  const size_t state = JsonValueAt(reply, "state");
  if (state == std::string_view::npos) return;  // an error: confirms nothing
  const auto messages = JsonNumberField(reply.substr(state), "messages");
  const auto last_sequence = JsonNumberField(reply.substr(state), "last_seq");
  if (!messages || !last_sequence || !FromLeader(reply.substr(state))) return;
  uint64_t number = 0;
  std::from_chars(number_text.data(), number_text.data() + number_text.size(), number);
  std::lock_guard lock(mutex_);
  auto asked = asked_.find(number);
  if (asked == asked_.end()) return;  // older than the lease
  const auto asked_at = asked->second;
  asked_.erase(asked_.begin(), std::next(asked));
  if (auto caught_up = catch_up_.Answered(asked_at, static_cast<uint64_t>(*last_sequence),
                                          *messages == 0, last_applied_)) {
    lease_->Confirm(*caught_up);
  }
}

uint64_t SessionChangeFeed::Apply(natsMsg* msg) {
  jsMsgMetaData* raw_meta = nullptr;
  if (natsMsg_GetMetaData(&raw_meta, msg) != NATS_OK) return 0;
  MsgMetaDataPtr meta(raw_meta);
  const uint64_t revision = meta->Sequence.Stream;
  std::string_view subject = natsMsg_GetSubject(msg);
  if (subject.substr(0, subject_prefix_.size()) != subject_prefix_) return revision;
  std::string_view key = subject.substr(subject_prefix_.size());
  auto message = ReadSessionMessage(msg);
  if (!message) {
    logger_->Warn("foreign_session_entry", {{"revision", revision}});
    return revision;
  }
  vault::SessionState state = StateOf(*message);
  {
    std::lock_guard lock(mutex_);
    if (revision <= replay_until_) state.previous_expires_at_ms = 0;
  }
  index_->ApplyChange(key, revision, state);
  return revision;
}

}  // namespace privacy::nats
