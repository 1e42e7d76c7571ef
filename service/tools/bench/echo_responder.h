// A bare NATS responder that answers every request with its own payload:
// the baseline that shows what NATS itself allows on this machine.
#pragma once

#include <memory>
#include <string>

#include "common/logger.h"
#include "common/status.h"
#include "nats/connection.h"
#include "nats/message_releaser.h"

namespace privacy::tools {

// Answers requests on one subject from nats.c's subscription thread, on a
// connection of its own (which sends without the flusher's delay), releasing
// requests in batches like the worker does. Stops answering when destroyed.
class EchoResponder {
 public:
  // Connects with `options`, subscribes to `subject` and waits until the
  // server has registered the subscription. `logger` must outlive it.
  static Result<std::unique_ptr<EchoResponder>> Start(const nats::ConnectOptions& options,
                                                      std::string subject, Logger* logger);
  ~EchoResponder();
  EchoResponder(const EchoResponder&) = delete;
  EchoResponder& operator=(const EchoResponder&) = delete;

  const std::string& subject() const { return subject_; }

 private:
  EchoResponder() = default;
  static void OnRequest(natsConnection* conn, natsSubscription*, natsMsg* msg, void* released);

  std::string subject_;
  std::unique_ptr<nats::Connection> connection_;
  nats::MessageReleaser released_;  // outlives the subscription whose requests it holds
  nats::SubscriptionPtr subscription_;
};

}  // namespace privacy::tools
