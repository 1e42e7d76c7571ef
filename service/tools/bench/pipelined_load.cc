#include "tools/bench/pipelined_load.h"

#include <atomic>
#include <charconv>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "nats/handles.h"
#include "nats/message_releaser.h"
#include "nats/nats_status.h"
#include "nats/request_client.h"

namespace privacy::tools {

namespace {

using Clock = std::chrono::steady_clock;

// Where a phase is: replies count towards the figures only while measuring,
// and no request is sent once draining.
enum class Stage { kWarmup, kMeasure, kDrain };

// One load phase: its in-flight slots and what their replies measured.
// Reply callbacks (nats.c's subscription thread), the timeout sweeper and the
// thread running the phase share it; each slot has its own lock and the
// figures have another.
class PipelinedLoad {
 public:
  PipelinedLoad(natsConnection* conn, const LoadSpec& spec, std::string inbox)
      : conn_(conn),
        spec_(spec),
        inbox_(std::move(inbox)),
        slot_count_(static_cast<size_t>(spec.requesters)),
        slots_(std::make_unique<Slot[]>(slot_count_)) {}

  Result<LoadResult> Run();

 private:
  // One requester: the request it has in flight, if any. The generation
  // tells a reply to the current request from a late one to a request that
  // already timed out.
  struct Slot {
    std::mutex mutex;
    uint64_t generation = 0;
    bool in_flight = false;
    Clock::time_point sent_at;
  };

  static void OnReply(natsConnection*, natsSubscription*, natsMsg* msg, void* closure);
  void HandleReply(natsMsg* msg);
  // Sends the next request of `slot`, which the caller holds locked and has
  // already counted in `in_flight_`.
  void Send(size_t index, Slot& slot);
  // Expires requests older than the timeout and restarts idle slots.
  void Sweep();
  void RecordSuccess(Clock::duration latency);
  void RecordError(std::string message);
  void EnterStage(Stage stage, Clock::time_point* at);

  natsConnection* conn_;
  const LoadSpec& spec_;
  nats::MessageReleaser released_;  // replies, and requests with headers
  const std::string inbox_;
  const size_t slot_count_;
  std::unique_ptr<Slot[]> slots_;
  std::atomic<Stage> stage_{Stage::kWarmup};
  std::atomic<int64_t> in_flight_{0};

  std::mutex figures_mutex_;
  Clock::time_point window_start_;
  Clock::time_point window_end_;
  std::vector<int64_t> latencies_ns_;
  uint64_t errors_ = 0;
  std::string first_error_;
};

// Why a reply is a failure, or nullopt for a successful reply.
std::optional<std::string> ReplyFailure(natsMsg* msg) {
  if (natsMsg_IsNoResponders(msg)) return "no responders";
  const char* text = nullptr;
  if (natsMsgHeader_Get(msg, "Nats-Service-Error", &text) == NATS_OK) {
    const char* code = nullptr;
    natsMsgHeader_Get(msg, "Nats-Service-Error-Code", &code);
    return std::string("error reply ") + (code != nullptr ? code : "?") + ": " +
           (text != nullptr ? text : "");
  }
  const char* status = nullptr;
  if (natsMsgHeader_Get(msg, "Status", &status) == NATS_OK) {
    return std::string("status ") + (status != nullptr ? status : "?");
  }
  return std::nullopt;
}

Result<LoadResult> PipelinedLoad::Run() {
  natsSubscription* raw_sub = nullptr;
  const std::string replies = inbox_ + ".*";
  if (natsStatus s = natsConnection_Subscribe(&raw_sub, conn_, replies.c_str(), &OnReply, this);
      s != NATS_OK) {
    return nats::FromNatsStatus(s, "subscribing to the reply inbox");
  }
  nats::SubscriptionPtr subscription(raw_sub);
  natsSubscription_SetPendingLimits(raw_sub, -1, -1);
  latencies_ns_.reserve(1 << 16);

  // Every slot is started before the sweeper, which restarts idle slots.
  for (size_t i = 0; i < slot_count_; ++i) {
    std::lock_guard lock(slots_[i].mutex);
    in_flight_++;
    Send(i, slots_[i]);
  }
  std::jthread sweeper([this](std::stop_token stop) {
    while (!stop.stop_requested()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      Sweep();
    }
  });
  std::this_thread::sleep_for(spec_.warmup);
  EnterStage(Stage::kMeasure, &window_start_);
  std::this_thread::sleep_for(spec_.duration);
  EnterStage(Stage::kDrain, &window_end_);
  // The sweeper expires whatever is still unanswered after the timeout.
  const Clock::time_point give_up = Clock::now() + spec_.request_timeout + std::chrono::seconds(1);
  while (in_flight_.load() > 0 && Clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  sweeper.request_stop();
  sweeper.join();
  for (int64_t left = in_flight_.load(); left > 0; --left) RecordError("unanswered at the end");
  natsSubscription_Drain(raw_sub);
  natsSubscription_WaitForDrainCompletion(raw_sub, 1000);

  std::lock_guard lock(figures_mutex_);
  LoadResult result;
  result.answered = latencies_ns_.size();
  result.window_seconds = std::chrono::duration<double>(window_end_ - window_start_).count();
  result.latency = SummarizeLatencies(&latencies_ns_);
  result.errors = errors_;
  result.first_error = first_error_;
  return result;
}

void PipelinedLoad::EnterStage(Stage stage, Clock::time_point* at) {
  std::lock_guard lock(figures_mutex_);
  *at = Clock::now();
  stage_ = stage;
}

void PipelinedLoad::OnReply(natsConnection*, natsSubscription*, natsMsg* msg, void* closure) {
  auto* load = static_cast<PipelinedLoad*>(closure);
  nats::ReleasedMsgPtr owned(msg, nats::ReleaseTo{&load->released_});
  load->HandleReply(owned.get());
}

void PipelinedLoad::HandleReply(natsMsg* msg) {
  const Clock::time_point received = Clock::now();
  // The reply subject is "<inbox>.<slot>-<generation>".
  std::string_view token(natsMsg_GetSubject(msg));
  if (token.size() <= inbox_.size() + 1) return;
  token.remove_prefix(inbox_.size() + 1);
  size_t index = 0;
  uint64_t generation = 0;
  auto [dash, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
  if (ec != std::errc() || dash == token.data() + token.size() || *dash != '-') return;
  if (std::from_chars(dash + 1, token.data() + token.size(), generation).ec != std::errc()) return;
  if (index >= slot_count_) return;

  Slot& slot = slots_[index];
  std::lock_guard lock(slot.mutex);
  if (!slot.in_flight || slot.generation != generation) return;  // answered after its timeout
  slot.in_flight = false;
  if (auto failure = ReplyFailure(msg)) {
    RecordError(std::move(*failure));
  } else {
    RecordSuccess(received - slot.sent_at);
  }
  if (stage_ != Stage::kDrain) {
    Send(index, slot);
  } else {
    in_flight_--;
  }
}

void PipelinedLoad::Send(size_t index, Slot& slot) {
  slot.generation++;
  const std::string reply =
      inbox_ + "." + std::to_string(index) + "-" + std::to_string(slot.generation);
  slot.in_flight = true;
  slot.sent_at = Clock::now();
  natsStatus s = NATS_OK;
  if (spec_.headers.empty()) {
    s = natsConnection_PublishRequest(conn_, spec_.subject.c_str(), reply.c_str(),
                                      spec_.payload.data(), static_cast<int>(spec_.payload.size()));
  } else {
    natsMsg* raw = nullptr;
    s = natsMsg_Create(&raw, spec_.subject.c_str(), reply.c_str(), spec_.payload.data(),
                       static_cast<int>(spec_.payload.size()));
    nats::ReleasedMsgPtr request(raw, nats::ReleaseTo{&released_});
    for (const auto& [name, value] : spec_.headers) {
      if (s == NATS_OK) s = natsMsgHeader_Set(request.get(), name.c_str(), value.c_str());
    }
    if (s == NATS_OK) s = natsConnection_PublishMsg(conn_, request.get());
  }
  if (s != NATS_OK) {
    slot.in_flight = false;
    in_flight_--;
    RecordError(std::string("sending: ") + natsStatus_GetText(s));
  }
}

void PipelinedLoad::Sweep() {
  const Clock::time_point now = Clock::now();
  for (size_t i = 0; i < slot_count_; ++i) {
    Slot& slot = slots_[i];
    std::lock_guard lock(slot.mutex);
    const bool draining = stage_ == Stage::kDrain;
    if (slot.in_flight && now - slot.sent_at > spec_.request_timeout) {
      slot.in_flight = false;
      RecordError("timeout");
      if (draining) {
        in_flight_--;
      } else {
        Send(i, slot);
      }
    } else if (!slot.in_flight && !draining) {
      in_flight_++;
      Send(i, slot);
    }
  }
}

void PipelinedLoad::RecordSuccess(Clock::duration latency) {
  std::lock_guard lock(figures_mutex_);
  if (stage_ == Stage::kMeasure) {
    latencies_ns_.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(latency).count());
  }
}

void PipelinedLoad::RecordError(std::string message) {
  std::lock_guard lock(figures_mutex_);
  if (errors_++ == 0) first_error_ = std::move(message);
}

}  // namespace

Result<LoadResult> RunPipelinedLoad(natsConnection* conn, const LoadSpec& spec) {
  auto inbox = nats::NewInbox();
  if (!inbox) return inbox.error();
  PipelinedLoad load(conn, spec, std::move(*inbox));
  return load.Run();
}

}  // namespace privacy::tools
