#include "nats/expiry_check_consumer.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include "common/clocks.h"
#include "nats/nats_status.h"

namespace privacy::nats {

namespace {

// How long a slot consumer no worker asks lives on (one a worker left
// behind, still holding a check being worked on when it looked).
constexpr std::chrono::minutes kSlotConsumerInactive{5};

// How long a pull request's answer may take to start.
constexpr int64_t kAnswerWaitMs = 2000;

// The code of a status message (no messages, timeout, no responders):
// headers with a Status and no payload; null for a check.
const char* StatusCode(natsMsg* msg) {
  const char* status = nullptr;
  if (natsMsg_GetDataLength(msg) != 0) return nullptr;
  if (natsMsgHeader_Get(msg, "Status", &status) != NATS_OK) return nullptr;
  return status;
}

std::string ConsumerName(int64_t slot_end) { return "slot_" + std::to_string(slot_end); }

}  // namespace

Result<std::unique_ptr<ExpiryCheckConsumer>> ExpiryCheckConsumer::Start(
    natsConnection* conn, jsCtx* js, std::shared_ptr<const ExpiryQueue> queue, Handler handler,
    ExpiryConsumerOptions options, Logger* logger) {
  if (!options.now_ms) options.now_ms = UnixNowMs;
  std::unique_ptr<ExpiryCheckConsumer> consumer(new ExpiryCheckConsumer(
      conn, js, std::move(queue), std::move(handler), std::move(options), logger));
  natsInbox* raw_inbox = nullptr;
  if (natsStatus s = natsInbox_Create(&raw_inbox); s != NATS_OK) {
    return FromNatsStatus(s, "creating an inbox");
  }
  InboxPtr inbox(raw_inbox);
  consumer->inbox_ = raw_inbox;
  const std::string answers = consumer->inbox_ + ".*";
  natsSubscription* raw = nullptr;
  if (natsStatus s = natsConnection_SubscribeSync(&raw, conn, answers.c_str()); s != NATS_OK) {
    return FromNatsStatus(s, "subscribing to expiry checks");
  }
  consumer->answers_.reset(raw);
  natsSubscription_SetPendingLimits(raw, -1, -1);
  consumer->thread_ = std::thread([c = consumer.get()] { c->Loop(); });
  return consumer;
}

ExpiryCheckConsumer::ExpiryCheckConsumer(natsConnection* conn, jsCtx* js,
                                         std::shared_ptr<const ExpiryQueue> queue, Handler handler,
                                         ExpiryConsumerOptions options, Logger* logger)
    : conn_(conn),
      js_(js),
      queue_(std::move(queue)),
      handler_(std::move(handler)),
      options_(std::move(options)),
      logger_(logger) {
  next_slot_end_ = queue_->SlotEndFor(options_.now_ms());
}

ExpiryCheckConsumer::~ExpiryCheckConsumer() {
  Stop();
  if (answers_) natsSubscription_Unsubscribe(answers_.get());
}

void ExpiryCheckConsumer::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool ExpiryCheckConsumer::stopping() {
  std::lock_guard lock(mutex_);
  return stopping_;
}

void ExpiryCheckConsumer::Loop() {
  auto next_sweep = std::chrono::steady_clock::now();
  while (!stopping()) {
    const int64_t now = options_.now_ms();
    AddEndedSlots(now);
    if (std::chrono::steady_clock::now() >= next_sweep) {
      Sweep(now);
      next_sweep = std::chrono::steady_clock::now() + options_.sweep;
    }
    for (auto slot = due_.begin(); slot != due_.end() && !stopping();) {
      // A slot that gave nothing is empty (or holds only checks given back
      // for later, which the sweep finds again): forgotten.
      slot = Drain(*slot) == 0 ? due_.erase(slot) : std::next(slot);
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, options_.poll, [this] { return stopping_; });
  }
}

void ExpiryCheckConsumer::AddEndedSlots(int64_t now) {
  // Slots that ended longer ago than a sweep are the sweep's to find.
  next_slot_end_ = std::max(next_slot_end_, queue_->SlotEndFor(now - options_.sweep.count()));
  const int64_t slot = queue_->options().slot.count();
  for (; next_slot_end_ <= now; next_slot_end_ += slot) due_.insert(next_slot_end_);
}

void ExpiryCheckConsumer::Sweep(int64_t now) {
  const std::string filter = queue_->options().subject_prefix + ".*";
  jsOptions options;
  jsOptions_Init(&options);
  options.Wait = queue_->options().request_timeout_ms;
  options.Stream.Info.SubjectsFilter = filter.c_str();
  jsStreamInfo* raw = nullptr;
  jsErrCode error = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&raw, js_, queue_->options().stream.c_str(), &options, &error);
  StreamInfoPtr info(raw);
  if (s != NATS_OK) {
    logger_->Debug("expiry_sweep_failed", {{"error", FromNatsStatus(s, "listing slots").message}});
    return;
  }
  if (info->State.Subjects == nullptr) return;
  for (int i = 0; i < info->State.Subjects->Count; ++i) {
    auto end = queue_->SlotEndOf(info->State.Subjects->List[i].Subject);
    if (end && *end <= now) due_.insert(*end);
  }
}

Status ExpiryCheckConsumer::BindSlot(int64_t slot_end, const std::string& consumer) {
  const std::string subject = queue_->SlotSubject(slot_end);
  jsConsumerConfig config;
  jsConsumerConfig_Init(&config);
  config.Durable = consumer.c_str();
  config.Description = "privacy-filter workers: expiry checks of one slot";
  config.FilterSubject = subject.c_str();
  config.DeliverPolicy = js_DeliverAll;
  config.AckPolicy = js_AckExplicit;
  config.AckWait =
      std::chrono::duration_cast<std::chrono::nanoseconds>(options_.ack_wait).count();
  config.InactiveThreshold =
      std::chrono::duration_cast<std::chrono::nanoseconds>(kSlotConsumerInactive).count();
  jsConsumerInfo* raw = nullptr;
  jsErrCode error = static_cast<jsErrCode>(0);
  natsStatus s = js_AddConsumer(&raw, js_, queue_->options().stream.c_str(), &config, nullptr,
                                &error);
  ConsumerInfoPtr info(raw);
  if (s != NATS_OK) return FromNatsStatus(s, "binding an expiry slot");
  bound_.insert(slot_end);
  return Status::Ok();
}

void ExpiryCheckConsumer::ForgetSlot(int64_t slot_end, const std::string& consumer) {
  // Only once no check of it is waiting or being worked on (by this worker
  // or another): deleting it then would put those checks back for the
  // sweep to find. An idle one left behind goes with its inactivity.
  jsConsumerInfo* raw = nullptr;
  jsErrCode error = static_cast<jsErrCode>(0);
  natsStatus s = js_GetConsumerInfo(&raw, js_, queue_->options().stream.c_str(), consumer.c_str(),
                                    nullptr, &error);
  ConsumerInfoPtr info(raw);
  if (s == NATS_OK && (info->NumPending > 0 || info->NumAckPending > 0)) return;
  bound_.erase(slot_end);
  if (s != NATS_OK) return;  // gone already, or NATS cannot tell now
  js_DeleteConsumer(js_, queue_->options().stream.c_str(), consumer.c_str(), nullptr, nullptr);
}

size_t ExpiryCheckConsumer::Drain(int64_t slot_end) {
  const std::string consumer = ConsumerName(slot_end);
  if (!bound_.count(slot_end)) {
    if (auto bound = BindSlot(slot_end, consumer); !bound) {
      // Another worker's may exist with other settings: take from it anyway.
      // Said once per run of failures: without slot consumers no session
      // gets its expire event.
      if (!bind_failing_) {
        logger_->Warn("expiry_slot_bind_failing", {{"error", bound.error().message}});
      }
      bind_failing_ = true;
    } else if (std::exchange(bind_failing_, false)) {
      logger_->Info("expiry_slot_bind_recovered");
    }
  }
  size_t taken = 0;
  while (!stopping()) {
    bool gone = false;
    const size_t fetched = Fetch(consumer, &gone);
    taken += fetched;
    if (gone) {
      bound_.erase(slot_end);
      return taken;
    }
    if (fetched < static_cast<size_t>(options_.batch)) break;
  }
  if (taken == 0) ForgetSlot(slot_end, consumer);
  return taken;
}

size_t ExpiryCheckConsumer::Fetch(const std::string& consumer, bool* consumer_gone) {
  const std::string reply = inbox_ + "." + std::to_string(++next_request_);
  const std::string next =
      "$JS.API.CONSUMER.MSG.NEXT." + queue_->options().stream + "." + consumer;
  const std::string request =
      "{\"batch\":" + std::to_string(options_.batch) + ",\"no_wait\":true}";
  if (natsConnection_PublishRequestString(conn_, next.c_str(), reply.c_str(), request.c_str()) !=
      NATS_OK) {
    return 0;
  }
  size_t taken = 0;
  while (taken < static_cast<size_t>(options_.batch)) {
    natsMsg* raw = nullptr;
    if (natsSubscription_NextMsg(&raw, answers_.get(), kAnswerWaitMs) != NATS_OK) break;
    MsgPtr msg(raw);
    // A check keeps its own subject, whichever request it answers; a status
    // comes on the request's reply subject.
    if (const char* code = StatusCode(msg.get())) {
      if (reply != natsMsg_GetSubject(msg.get())) continue;  // ends an older request
      // 404/408: nothing (more) waiting; 409/503: the consumer is gone.
      const std::string_view status = code;
      *consumer_gone = status == "409" || status == "503";
      break;
    }
    Take(msg.get());
    ++taken;
  }
  return taken;
}

void ExpiryCheckConsumer::Take(natsMsg* msg) {
  const char* reply = natsMsg_GetReply(msg);
  if (reply == nullptr) return;
  checks_taken_++;
  std::string key(natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg)));
  handler_(key, [conn = conn_, ack = std::string(reply),
                 now_ms = options_.now_ms](vault::ExpiryVerdict verdict) {
    if (verdict.done) {
      natsConnection_PublishString(conn, ack.c_str(), "+ACK");
      return;
    }
    const int64_t delay_ms = std::max<int64_t>(verdict.retry_at_ms - now_ms(), 0);
    const std::string nak = "-NAK {\"delay\":" + std::to_string(delay_ms * 1'000'000) + "}";
    natsConnection_PublishString(conn, ack.c_str(), nak.c_str());
  });
}

}  // namespace privacy::nats
