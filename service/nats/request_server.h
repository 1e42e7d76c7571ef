// Serves request/reply endpoints: queue subscriptions whose messages are
// handed to a thread pool, so one worker has many requests in flight, and
// whose replies (with ADR-32 error headers) go back to the requester's inbox.
#pragma once

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/latency_histogram.h"
#include "common/logger.h"
#include "common/status.h"
#include "nats/handles.h"

namespace privacy::nats {

// A received request, valid for the duration of the handler call.
class IncomingRequest {
 public:
  explicit IncomingRequest(natsMsg* msg) : msg_(msg) {}

  std::string_view subject() const { return natsMsg_GetSubject(msg_); }
  std::string_view payload() const {
    return {natsMsg_GetData(msg_), static_cast<size_t>(natsMsg_GetDataLength(msg_))};
  }
  // The header's value, or empty when absent.
  std::string_view Header(const char* name) const;

 private:
  natsMsg* msg_;
};

// What a handler answers: a body, and an error for error replies.
struct OutgoingReply {
  std::string body;
  std::optional<Error> error;
};

// Counters of one endpoint, for $SRV.STATS.
struct EndpointStats {
  uint64_t requests = 0;
  uint64_t errors = 0;
  int64_t processing_time_ns = 0;
  std::string last_error;
  LatencyHistogram latency;
};

// RequestServer is safe for concurrent use. Handlers run on the pool given
// at construction and must not block indefinitely.
class RequestServer {
 public:
  using Handler = std::function<OutgoingReply(const IncomingRequest&)>;

  RequestServer(natsConnection* conn, boost::asio::thread_pool* pool, Logger* logger);
  ~RequestServer();

  RequestServer(const RequestServer&) = delete;
  RequestServer& operator=(const RequestServer&) = delete;

  // Subscribes `subject` (in `queue_group`, or alone when empty) and routes
  // its requests to `handler`.
  Status AddEndpoint(std::string name, std::string subject, std::string queue_group,
                     Handler handler);

  // Stops taking requests: drains every subscription, so requests already
  // delivered still reach their handler, and waits up to `timeout`. The
  // caller then joins the pool to let handlers finish.
  void Drain(std::chrono::milliseconds timeout);

  struct EndpointInfo {
    std::string name;
    std::string subject;
    std::string queue_group;
    EndpointStats stats;
  };
  // A snapshot of every endpoint and its counters.
  std::vector<EndpointInfo> Endpoints() const;

  // Requests received and not answered yet.
  int64_t in_flight() const { return in_flight_.load(); }

 private:
  struct Endpoint;
  static void OnMessage(natsConnection* conn, natsSubscription* sub, natsMsg* msg,
                        void* closure);
  void Serve(Endpoint* endpoint, MsgPtr msg);
  void SendReply(natsMsg* request, const OutgoingReply& reply);

  natsConnection* conn_;
  boost::asio::thread_pool* pool_;
  Logger* logger_;
  std::vector<std::unique_ptr<Endpoint>> endpoints_;
  std::atomic<int64_t> in_flight_{0};
};

}  // namespace privacy::nats
