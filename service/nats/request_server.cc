#include "nats/request_server.h"

#include <boost/asio/post.hpp>

#include "nats/nats_status.h"

namespace privacy::nats {

struct RequestServer::Endpoint {
  RequestServer* server = nullptr;
  std::string name;
  std::string subject;
  std::string queue_group;
  Handler handler;
  SubscriptionPtr subscription;
  mutable std::mutex stats_mutex;
  EndpointStats stats;
};

std::string_view IncomingRequest::Header(const char* name) const {
  const char* value = nullptr;
  if (natsMsgHeader_Get(msg_, name, &value) != NATS_OK || value == nullptr) return {};
  return value;
}

RequestServer::RequestServer(natsConnection* conn, boost::asio::thread_pool* pool, Logger* logger)
    : conn_(conn), pool_(pool), logger_(logger) {}

RequestServer::~RequestServer() {
  for (auto& endpoint : endpoints_) {
    if (endpoint->subscription) natsSubscription_Unsubscribe(endpoint->subscription.get());
  }
}

Status RequestServer::AddEndpoint(std::string name, std::string subject, std::string queue_group,
                                  Handler handler) {
  auto endpoint = std::make_unique<Endpoint>();
  endpoint->server = this;
  endpoint->name = std::move(name);
  endpoint->subject = std::move(subject);
  endpoint->queue_group = std::move(queue_group);
  endpoint->handler = std::move(handler);
  natsSubscription* raw = nullptr;
  natsStatus s =
      endpoint->queue_group.empty()
          ? natsConnection_Subscribe(&raw, conn_, endpoint->subject.c_str(), &OnMessage,
                                     endpoint.get())
          : natsConnection_QueueSubscribe(&raw, conn_, endpoint->subject.c_str(),
                                          endpoint->queue_group.c_str(), &OnMessage,
                                          endpoint.get());
  if (s != NATS_OK) return FromNatsStatus(s, "subscribing " + endpoint->subject);
  endpoint->subscription.reset(raw);
  natsSubscription_SetPendingLimits(raw, -1, -1);
  endpoints_.push_back(std::move(endpoint));
  return Status::Ok();
}

void RequestServer::OnMessage(natsConnection*, natsSubscription*, natsMsg* msg, void* closure) {
  auto* endpoint = static_cast<Endpoint*>(closure);
  RequestServer* server = endpoint->server;
  server->in_flight_++;
  boost::asio::post(*server->pool_, [server, endpoint, owned = MsgPtr(msg)]() mutable {
    server->Serve(endpoint, std::move(owned));
  });
}

void RequestServer::Serve(Endpoint* endpoint, MsgPtr msg) {
  auto started = std::chrono::steady_clock::now();
  OutgoingReply reply;
  try {
    reply = endpoint->handler(IncomingRequest(msg.get()));
  } catch (const std::exception&) {
    // Exception texts may quote input, so they are not passed on.
    reply.body.clear();
    reply.error = MakeError(ErrorCode::kInternal, "internal error");
  }
  SendReply(msg.get(), reply);
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
  in_flight_--;
}

void RequestServer::SendReply(natsMsg* request, const OutgoingReply& reply) {
  const char* inbox = natsMsg_GetReply(request);
  if (inbox == nullptr || *inbox == '\0') return;
  natsMsg* raw = nullptr;
  if (natsMsg_Create(&raw, inbox, nullptr, reply.body.data(),
                     static_cast<int>(reply.body.size())) != NATS_OK) {
    logger_->Error("reply_create_failed");
    return;
  }
  MsgPtr out(raw);
  if (reply.error) {
    natsMsgHeader_Set(out.get(), "Nats-Service-Error", reply.error->message.c_str());
    natsMsgHeader_Set(out.get(), "Nats-Service-Error-Code",
                      std::to_string(static_cast<unsigned>(reply.error->code)).c_str());
  }
  if (natsStatus s = natsConnection_PublishMsg(conn_, out.get()); s != NATS_OK) {
    logger_->Warn("reply_publish_failed", {{"status", natsStatus_GetText(s)}});
  }
}

void RequestServer::Drain(std::chrono::milliseconds timeout) {
  for (auto& endpoint : endpoints_) {
    if (endpoint->subscription) natsSubscription_Drain(endpoint->subscription.get());
  }
  for (auto& endpoint : endpoints_) {
    if (endpoint->subscription) {
      natsSubscription_WaitForDrainCompletion(endpoint->subscription.get(), timeout.count());
    }
  }
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
