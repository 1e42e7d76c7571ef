#include "tools/bench/echo_responder.h"

#include "nats/nats_status.h"

namespace privacy::tools {

Result<std::unique_ptr<EchoResponder>> EchoResponder::Start(const nats::ConnectOptions& options,
                                                            std::string subject, Logger* logger) {
  std::unique_ptr<EchoResponder> responder(new EchoResponder());
  responder->subject_ = std::move(subject);
  auto connection = nats::Connect(options, logger);
  if (!connection) return connection.error();
  responder->connection_ = std::move(*connection);
  natsConnection* conn = responder->connection_->get();
  natsSubscription* raw = nullptr;
  if (natsStatus s = natsConnection_Subscribe(&raw, conn, responder->subject_.c_str(), &OnRequest,
                                              &responder->released_);
      s != NATS_OK) {
    return nats::FromNatsStatus(s, "subscribing the echo responder");
  }
  responder->subscription_.reset(raw);
  natsSubscription_SetPendingLimits(raw, -1, -1);
  if (natsStatus s = natsConnection_Flush(conn); s != NATS_OK) {
    return nats::FromNatsStatus(s, "registering the echo responder");
  }
  return responder;
}

EchoResponder::~EchoResponder() {
  if (!subscription_) return;
  natsSubscription_Drain(subscription_.get());
  natsSubscription_WaitForDrainCompletion(subscription_.get(), 1000);
}

void EchoResponder::OnRequest(natsConnection* conn, natsSubscription*, natsMsg* msg,
                              void* released) {
  nats::ReleasedMsgPtr request(msg, nats::ReleaseTo{static_cast<nats::MessageReleaser*>(released)});
  const char* reply = natsMsg_GetReply(request.get());
  if (reply == nullptr || *reply == '\0') return;
  natsConnection_Publish(conn, reply, natsMsg_GetData(request.get()),
                         natsMsg_GetDataLength(request.get()));
}

}  // namespace privacy::tools
