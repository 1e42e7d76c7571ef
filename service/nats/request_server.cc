#include "nats/request_server.h"

#include <cstring>
#include <utility>

#include "nats/nats_status.h"

namespace privacy::nats {

// One endpoint: its subscriptions, handler and counters.
struct RequestServerEndpoint {
  RequestServer* server = nullptr;
  natsConnection* conn = nullptr;  // where it subscribes and replies
  std::string name;
  std::string subject;
  std::string queue_group;
  RequestServer::Handler handler;
  Dispatch dispatch = Dispatch::kQueued;
  std::vector<SubscriptionPtr> subscriptions;
  std::unique_ptr<RequestQueue> queue;  // stopped before the subscriptions go
  mutable std::mutex stats_mutex;
  EndpointStats stats;
};

std::string_view IncomingRequest::Header(const char* name) const {
  return FindHeader(name).value_or(std::string_view());
}

std::optional<std::string_view> IncomingRequest::FindHeader(const char* name) const {
  const char* value = nullptr;
  if (natsMsgHeader_Get(msg_, name, &value) != NATS_OK) return std::nullopt;
  return value == nullptr ? std::string_view() : std::string_view(value);
}

void IncomingRequest::ContinueQueued(std::function<void()> rest) const {
  endpoint_->queue->Push({ReleasedMsgPtr(nullptr, ReleaseTo{}), 0, arrived_, std::move(rest)});
}

Responder::Responder(RequestServer* server, RequestServerEndpoint* endpoint, std::string inbox,
                     size_t held_bytes, std::chrono::steady_clock::time_point arrived)
    : server_(server),
      endpoint_(endpoint),
      inbox_(std::move(inbox)),
      held_bytes_(held_bytes),
      started_(arrived) {}

Responder::Responder(Responder&& other) noexcept
    : server_(std::exchange(other.server_, nullptr)),
      endpoint_(other.endpoint_),
      inbox_(std::move(other.inbox_)),
      held_bytes_(other.held_bytes_),
      started_(other.started_) {}

Responder::~Responder() {
  if (server_ != nullptr) Send({{}, MakeError(ErrorCode::kInternal, "internal error")});
}

void Responder::Send(const OutgoingReply& reply) {
  RequestServer* server = std::exchange(server_, nullptr);
  if (server != nullptr) server->Finish(endpoint_, inbox_, reply, held_bytes_, started_);
}

RequestServer::RequestServer(natsConnection* conn, Logger* logger, AdmissionLimits limits,
                             ErrorBody error_body)
    : conn_(conn),
      logger_(logger),
      limits_(limits),
      error_body_(std::move(error_body)),
      held_(limits.max_held_bytes) {}

RequestServer::~RequestServer() {
  for (auto& endpoint : endpoints_) {
    for (auto& subscription : endpoint->subscriptions) {
      natsSubscription_Unsubscribe(subscription.get());
    }
    endpoint->queue.reset();
  }
}

Status RequestServer::AddEndpoint(std::string name, std::string subject, std::string queue_group,
                                  Handler handler, int subscriptions, natsConnection* conn,
                                  Dispatch dispatch) {
  auto endpoint = std::make_unique<Endpoint>();
  endpoint->dispatch = dispatch;
  endpoint->server = this;
  endpoint->conn = conn != nullptr ? conn : conn_;
  endpoint->name = std::move(name);
  endpoint->subject = std::move(subject);
  endpoint->queue_group = std::move(queue_group);
  endpoint->handler = std::move(handler);
  endpoint->queue = std::make_unique<RequestQueue>(
      subscriptions, [this, e = endpoint.get()](QueuedRequest request) {
        Work(e, std::move(request));
      });
  for (int i = 0; i < std::max(1, subscriptions); ++i) {
    natsSubscription* raw = nullptr;
    natsStatus s =
        endpoint->queue_group.empty()
            ? natsConnection_Subscribe(&raw, endpoint->conn, endpoint->subject.c_str(), &OnMessage,
                                       endpoint.get())
            : natsConnection_QueueSubscribe(&raw, endpoint->conn, endpoint->subject.c_str(),
                                            endpoint->queue_group.c_str(), &OnMessage,
                                            endpoint.get());
    if (s != NATS_OK) return FromNatsStatus(s, "subscribing " + endpoint->subject);
    endpoint->subscriptions.emplace_back(raw);
    natsSubscription_SetPendingLimits(raw, -1, -1);
  }
  endpoints_.push_back(std::move(endpoint));
  return Status::Ok();
}

RequestServer::Handler RequestServer::Answering(SyncHandler handler) {
  return [handler = std::move(handler)](const IncomingRequest& request, Responder responder) {
    responder.Send(handler(request));
  };
}

namespace {

// What a request holds of the byte budget: its payload and subjects, and
// a little for the message around them.
size_t HeldBytesOf(natsMsg* msg) {
  constexpr size_t kMessageOverhead = 256;
  const char* reply = natsMsg_GetReply(msg);
  return static_cast<size_t>(natsMsg_GetDataLength(msg)) + strlen(natsMsg_GetSubject(msg)) +
         (reply != nullptr ? strlen(reply) : 0) + kMessageOverhead;
}

}  // namespace

void RequestServer::OnMessage(natsConnection*, natsSubscription* sub, natsMsg* msg,
                              void* closure) {
  auto* endpoint = static_cast<Endpoint*>(closure);
  RequestServer* server = endpoint->server;
  ReleasedMsgPtr owned(msg, ReleaseTo{&server->released_});
  const auto arrived = std::chrono::steady_clock::now();
  server->in_flight_++;
  const size_t bytes = HeldBytesOf(msg);
  if (!server->held_.TryHold(bytes)) {
    return server->Refuse(endpoint, msg, Refusal::kByteBudget, 0, arrived);
  }
  if (HandlesAtOnce(*endpoint, sub, bytes)) {
    return server->Run(endpoint, IncomingRequest(msg, endpoint, arrived), bytes, arrived);
  }
  endpoint->queue->Push({std::move(owned), bytes, arrived, {}});
}

bool RequestServer::HandlesAtOnce(const Endpoint& endpoint, natsSubscription* sub, size_t bytes) {
  if (endpoint.dispatch != Dispatch::kAtOnceUnlessBacklog || bytes > kAtOnceMaxBytes) {
    return false;
  }
  int pending = 0;
  return natsSubscription_GetPending(sub, &pending, nullptr) == NATS_OK &&
         pending <= kAtOnceMaxPending;
}

void RequestServer::Work(Endpoint* endpoint, QueuedRequest request) {
  if (request.rest) {
    // Begun on a delivery thread: its wait here is part of its work, as a
    // mask's wait for JetStream is.
    try {
      request.rest();
    } catch (const std::exception&) {
      logger_->Error("handler_exception", {{"endpoint", endpoint->name}});
    }
    return;
  }
  natsMsg* msg = request.msg.get();
  if (std::chrono::steady_clock::now() - request.arrived > limits_.max_queue_wait) {
    return Refuse(endpoint, msg, Refusal::kQueueWait, request.bytes, request.arrived);
  }
  Run(endpoint, IncomingRequest(msg), request.bytes, request.arrived);
}

void RequestServer::Run(Endpoint* endpoint, const IncomingRequest& request, size_t bytes,
                        std::chrono::steady_clock::time_point arrived) {
  const char* inbox = request.reply();
  Responder responder(this, endpoint, inbox != nullptr ? inbox : "", bytes, arrived);
  try {
    endpoint->handler(request, std::move(responder));
  } catch (const std::exception&) {
    // Exception texts may quote input, so they are not passed on; the
    // Responder (if the handler had not taken it) answers 500.
    logger_->Error("handler_exception", {{"endpoint", endpoint->name}});
  }
}

void RequestServer::Refuse(Endpoint* endpoint, natsMsg* msg, Refusal reason, size_t held_bytes,
                           std::chrono::steady_clock::time_point arrived) {
  {
    std::lock_guard lock(endpoint->stats_mutex);
    (reason == Refusal::kByteBudget ? endpoint->stats.refused_byte_budget
                                    : endpoint->stats.refused_queue_wait)++;
  }
  Error error = MakeError(ErrorCode::kUnavailable, reason == Refusal::kByteBudget
                                                       ? kByteBudgetExhausted
                                                       : kQueueWaitExceeded);
  std::string body = error_body_ ? error_body_(IncomingRequest(msg), error) : std::string();
  const char* inbox = natsMsg_GetReply(msg);
  Responder(this, endpoint, inbox != nullptr ? inbox : "", held_bytes, arrived)
      .Send({std::move(body), std::move(error)});
}

natsStatus PublishReply(natsConnection* conn, const std::string& inbox, const OutgoingReply& reply) {
  const int length = static_cast<int>(reply.body.size());
  // A reply without headers needs no message object (whose release nats.c
  // hands to its collector thread).
  if (!reply.error) return natsConnection_Publish(conn, inbox.c_str(), reply.body.data(), length);
  natsMsg* raw = nullptr;
  natsStatus s = natsMsg_Create(&raw, inbox.c_str(), nullptr, reply.body.data(), length);
  MsgPtr out(raw);
  if (s == NATS_OK) {
    s = natsMsgHeader_Set(out.get(), "Nats-Service-Error", reply.error->message.c_str());
  }
  if (s == NATS_OK) {
    s = natsMsgHeader_Set(out.get(), "Nats-Service-Error-Code",
                          std::to_string(static_cast<unsigned>(reply.error->code)).c_str());
  }
  if (s == NATS_OK) s = natsConnection_PublishMsg(conn, out.get());
  return s;
}

void RequestServer::Finish(Endpoint* endpoint, const std::string& inbox,
                           const OutgoingReply& reply, size_t held_bytes,
                           std::chrono::steady_clock::time_point started) {
  if (!inbox.empty()) {
    if (natsStatus s = PublishReply(endpoint->conn, inbox, reply); s != NATS_OK) {
      logger_->Warn("reply_publish_failed", {{"status", natsStatus_GetText(s)}});
    }
  }
  auto elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(
                     std::chrono::steady_clock::now() - started)
                     .count();
  {
    std::lock_guard lock(endpoint->stats_mutex);
    endpoint->stats.requests++;
    endpoint->stats.processing_time_ns += elapsed;
    endpoint->stats.latency.Record(std::chrono::nanoseconds(elapsed));
    if (reply.error) {
      endpoint->stats.errors++;
      endpoint->stats.last_error = reply.error->message;
    }
  }
  held_.Release(held_bytes);
  if (--in_flight_ == 0) {
    std::lock_guard lock(idle_mutex_);
    idle_.notify_all();
  }
}

void RequestServer::Drain(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (auto& endpoint : endpoints_) {
    for (auto& subscription : endpoint->subscriptions) natsSubscription_Drain(subscription.get());
  }
  // A drain completes when the server confirms it: not while NATS is away,
  // when nothing more can arrive anyway.
  for (auto& endpoint : endpoints_) {
    for (auto& subscription : endpoint->subscriptions) {
      if (natsConnection_Status(endpoint->conn) != NATS_CONN_STATUS_CONNECTED) break;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      natsSubscription_WaitForDrainCompletion(subscription.get(),
                                              std::max<int64_t>(1, left.count()));
    }
  }
  std::unique_lock lock(idle_mutex_);
  idle_.wait_until(lock, deadline, [this] { return in_flight_.load() == 0; });
}

std::vector<RequestServer::EndpointInfo> RequestServer::Endpoints() const {
  std::vector<EndpointInfo> out;
  for (const auto& endpoint : endpoints_) {
    std::lock_guard lock(endpoint->stats_mutex);
    out.push_back({endpoint->name, endpoint->subject, endpoint->queue_group, endpoint->stats});
  }
  return out;
}

}  // namespace privacy::nats
