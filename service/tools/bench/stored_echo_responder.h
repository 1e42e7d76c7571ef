// A NATS responder that answers every request with its own payload once that
// payload is stored in JetStream: the least any mask must pay, since a mask
// is acknowledged only after its session write is stored.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "common/logger.h"
#include "common/status.h"
#include "nats/connection.h"
#include "nats/handles.h"
#include "nats/jetstream_publisher.h"
#include "nats/message_releaser.h"

namespace privacy::tools {

// Answers requests on one subject like the worker answers a mask, minus the
// work of the mask itself: it writes as many bytes as each payload (filler,
// never the payload) to a scratch file-storage stream under a subject of its
// own (one per request, expected to be new, as a session is), through the
// worker's pipelined JetStreamPublisher on its own connection, and replies
// with the payload on the stream's acknowledgement. The stream is deleted
// when the responder is destroyed; its messages expire after a minute should
// the bench be killed first.
class StoredEchoResponder {
 public:
  // Connects with `options`, creates the scratch stream, subscribes to
  // `subject` and waits until the server has registered the subscription.
  // `logger` must outlive it.
  static Result<std::unique_ptr<StoredEchoResponder>> Start(const nats::ConnectOptions& options,
                                                            std::string subject, Logger* logger);
  ~StoredEchoResponder();
  StoredEchoResponder(const StoredEchoResponder&) = delete;
  StoredEchoResponder& operator=(const StoredEchoResponder&) = delete;

  const std::string& subject() const { return subject_; }

 private:
  StoredEchoResponder() = default;
  Status CreateStream();
  static void OnRequest(natsConnection* conn, natsSubscription*, natsMsg* msg, void* self);

  std::string subject_;
  std::string stream_;
  std::string stored_subject_prefix_;
  std::atomic<uint64_t> next_key_{0};
  std::string filler_;  // what is stored; touched only on the subscription's thread
  std::unique_ptr<nats::Connection> connection_;
  nats::JetStreamPtr js_;
  std::unique_ptr<nats::JetStreamPublisher> publisher_;
  nats::MessageReleaser released_;  // outlives the subscription whose requests it holds
  nats::SubscriptionPtr subscription_;
};

}  // namespace privacy::tools
