// Serves request/reply endpoints: queue subscriptions whose requests are
// admitted on the subscriptions' delivery threads and handled on each
// endpoint's own threads (or, for small requests of some endpoints, at once
// on the delivery thread), with replies (and ADR-32 error headers) sent back
// to the requester's inbox when the handler is done, possibly later and
// from another thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
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
#include "nats/message_releaser.h"
#include "nats/request_admission.h"
#include "nats/request_queue.h"

namespace privacy::nats {

struct RequestServerEndpoint;

// A received request, valid for the duration of the handler call.
class IncomingRequest {
 public:
  explicit IncomingRequest(natsMsg* msg) : msg_(msg) {}
  // A request handled on its subscription's delivery thread, which must not
  // wait: work that would goes to ContinueQueued().
  IncomingRequest(natsMsg* msg, RequestServerEndpoint* endpoint,
                  std::chrono::steady_clock::time_point arrived)
      : msg_(msg), endpoint_(endpoint), arrived_(arrived) {}

  // False while the handler runs on a delivery thread: it may then do only
  // what needs no wait (no round trip, no lock held across one), and hands
  // the rest to ContinueQueued().
  bool may_wait() const { return endpoint_ == nullptr; }

  // Queues `rest` to the endpoint's own threads, behind the requests
  // already queued; only while !may_wait(). `rest` keeps the Responder (and
  // with it the request's bytes of the budget) and must not use this
  // IncomingRequest: it is gone by then.
  void ContinueQueued(std::function<void()> rest) const;

  std::string_view subject() const { return natsMsg_GetSubject(msg_); }
  // The requester's inbox; null when it expects no reply.
  const char* reply() const { return natsMsg_GetReply(msg_); }
  std::string_view payload() const {
    return {natsMsg_GetData(msg_), static_cast<size_t>(natsMsg_GetDataLength(msg_))};
  }
  // The header's value, or empty when absent.
  std::string_view Header(const char* name) const;
  // The header's value, or nullopt when absent.
  std::optional<std::string_view> FindHeader(const char* name) const;

 private:
  natsMsg* msg_;
  RequestServerEndpoint* endpoint_ = nullptr;  // set on a delivery thread
  std::chrono::steady_clock::time_point arrived_;
};

// What a handler answers: a body, and an error for error replies.
struct OutgoingReply {
  std::string body;
  std::optional<Error> error;
};

// Publishes `reply` to `inbox`: its body, and for an error reply the ADR-32
// Nats-Service-Error and Nats-Service-Error-Code headers.
natsStatus PublishReply(natsConnection* conn, const std::string& inbox, const OutgoingReply& reply);

// Counters of one endpoint, for $SRV.STATS.
struct EndpointStats {
  uint64_t requests = 0;
  uint64_t errors = 0;
  int64_t processing_time_ns = 0;
  std::string last_error;
  LatencyHistogram latency;
  // Requests answered 503 before any work, per reason (also in `errors`).
  uint64_t refused_byte_budget = 0;
  uint64_t refused_queue_wait = 0;
};

class RequestServer;

// Where an endpoint's requests are handled.
enum class Dispatch {
  // Always on the endpoint's own threads, in arrival order.
  kQueued,
  // At once on the delivery thread when its subscription holds at most
  // kAtOnceMaxPending more requests and the request is small
  // (kAtOnceMaxBytes); the handler must then not wait
  // (IncomingRequest::may_wait()). Saves the hand-off to another thread
  // for requests answered from memory or sent on without a wait (a mask
  // up to its session write); past those bounds requests are admitted and
  // queued as kQueued.
  kAtOnceUnlessBacklog,
};
// Bounds of Dispatch::kAtOnceUnlessBacklog: what may wait, unadmitted and
// unmeasured, in a subscription behind a request handled at once.
inline constexpr int kAtOnceMaxPending = 64;
inline constexpr size_t kAtOnceMaxBytes = 16 * 1024;

// Sends the reply to one request, exactly once, from any thread. A
// Responder dropped without replying answers 500, so no requester waits
// for a reply that will never come.
class Responder {
 public:
  Responder(Responder&& other) noexcept;
  Responder& operator=(Responder&&) = delete;
  ~Responder();

  void Send(const OutgoingReply& reply);

 private:
  friend class RequestServer;
  Responder(RequestServer* server, RequestServerEndpoint* endpoint, std::string inbox,
            size_t held_bytes, std::chrono::steady_clock::time_point arrived);

  RequestServer* server_;
  RequestServerEndpoint* endpoint_;
  std::string inbox_;
  size_t held_bytes_;  // of the byte budget, given back with the reply
  std::chrono::steady_clock::time_point started_;
};

// RequestServer is safe for concurrent use. Each endpoint's subscriptions'
// delivery threads admit requests (AdmissionLimits: a request that does not
// fit the byte budget is answered 503 at once) and queue them; the
// endpoint's own threads, as many as its subscriptions, work them off one
// at a time each, answering 503 without any work to a request that waited
// longer than allowed. An endpoint dispatched kAtOnceUnlessBacklog has its
// small requests handled on the delivery thread while few wait behind. A
// handler that must wait (e.g. for JetStream) keeps the Responder and
// returns, and replies when the wait is over; its request holds its bytes
// of the budget until then.
class RequestServer {
 public:
  using Handler = std::function<void(const IncomingRequest&, Responder)>;
  using SyncHandler = std::function<OutgoingReply(const IncomingRequest&)>;

  // The body of an error reply to `request` (e.g. an ErrorReply in the
  // request's encoding); used for the requests refused before any work.
  using ErrorBody = std::function<std::string(const IncomingRequest& request, const Error& error)>;

  RequestServer(natsConnection* conn, Logger* logger, AdmissionLimits limits = {},
                ErrorBody error_body = {});
  ~RequestServer();

  RequestServer(const RequestServer&) = delete;
  RequestServer& operator=(const RequestServer&) = delete;

  // Subscribes `subject` `subscriptions` times (in `queue_group`, or alone
  // when empty; each subscription delivers on a thread of its own) and
  // routes its requests to `handler`. The endpoint subscribes and replies
  // on `conn` when given (e.g. a connection of its own, so that a flood of
  // large requests to it does not queue ahead of other endpoints' requests
  // in the server), else on the server's connection.
  Status AddEndpoint(std::string name, std::string subject, std::string queue_group,
                     Handler handler, int subscriptions = 1, natsConnection* conn = nullptr,
                     Dispatch dispatch = Dispatch::kQueued);

  // A Handler answering with what `handler` returns.
  static Handler Answering(SyncHandler handler);

  // Stops taking requests: drains every subscription, so requests already
  // delivered still reach their handler, then waits until every request has
  // been answered; gives up after `timeout`.
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
  friend class Responder;
  using Endpoint = RequestServerEndpoint;
  static void OnMessage(natsConnection* conn, natsSubscription* sub, natsMsg* msg,
                        void* closure);
  // Runs the handler of a queued request, unless it waited too long, or
  // the rest of a request begun on a delivery thread.
  void Work(Endpoint* endpoint, QueuedRequest request);
  // Whether `endpoint`'s request of `bytes`, delivered by `sub`, is handled
  // at once on the delivery thread.
  static bool HandlesAtOnce(const Endpoint& endpoint, natsSubscription* sub, size_t bytes);
  // Runs `endpoint`'s handler on `request`.
  void Run(Endpoint* endpoint, const IncomingRequest& request, size_t bytes,
           std::chrono::steady_clock::time_point arrived);
  // Answers `msg` 503 for `reason` without any work.
  void Refuse(Endpoint* endpoint, natsMsg* msg, Refusal reason, size_t held_bytes,
              std::chrono::steady_clock::time_point arrived);
  void Finish(Endpoint* endpoint, const std::string& inbox, const OutgoingReply& reply,
              size_t held_bytes, std::chrono::steady_clock::time_point started);

  natsConnection* conn_;
  Logger* logger_;
  const AdmissionLimits limits_;
  ErrorBody error_body_;
  HeldBytes held_;
  MessageReleaser released_;  // outlives the endpoints whose requests it holds
  std::vector<std::unique_ptr<Endpoint>> endpoints_;
  std::atomic<int64_t> in_flight_{0};
  std::mutex idle_mutex_;
  std::condition_variable idle_;
};

}  // namespace privacy::nats
