#include "nats/client_requests.h"

#include <algorithm>
#include <cstdlib>

#include "nats/nats_status.h"

namespace privacy::nats {

namespace {

std::string BodyOf(natsMsg* msg) {
  return std::string(natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg)));
}

}  // namespace

Result<TextReply> RequestText(natsConnection* conn, const std::string& subject,
                              const std::string& body, std::chrono::milliseconds timeout) {
  natsMsg* raw = nullptr;
  natsStatus s = natsConnection_Request(&raw, conn, subject.c_str(), body.data(),
                                        static_cast<int>(body.size()),
                                        std::max<int64_t>(timeout.count(), 1));
  MsgPtr reply(raw);
  if (s != NATS_OK) return FromNatsStatus(s, subject);
  TextReply out{BodyOf(reply.get()), std::nullopt};
  const char* code = nullptr;
  if (natsMsgHeader_Get(reply.get(), "Nats-Service-Error-Code", &code) == NATS_OK) {
    const char* text = nullptr;
    natsMsgHeader_Get(reply.get(), "Nats-Service-Error", &text);
    out.error = MakeError(static_cast<ErrorCode>(std::atoi(code)), text ? text : "");
  }
  return out;
}

Result<std::vector<std::string>> GatherReplies(natsConnection* conn, const std::string& subject,
                                               std::chrono::milliseconds window) {
  natsInbox* raw_inbox = nullptr;
  if (natsStatus s = natsInbox_Create(&raw_inbox); s != NATS_OK) return FromNatsStatus(s, subject);
  const std::string inbox = raw_inbox;
  natsInbox_Destroy(raw_inbox);
  natsSubscription* raw_sub = nullptr;
  if (natsStatus s = natsConnection_SubscribeSync(&raw_sub, conn, inbox.c_str()); s != NATS_OK) {
    return FromNatsStatus(s, subject);
  }
  SubscriptionPtr sub(raw_sub);
  if (natsStatus s = natsConnection_PublishRequest(conn, subject.c_str(), inbox.c_str(), nullptr, 0);
      s != NATS_OK) {
    return FromNatsStatus(s, subject);
  }
  std::vector<std::string> out;
  auto deadline = std::chrono::steady_clock::now() + window;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    natsMsg* raw = nullptr;
    if (natsSubscription_NextMsg(&raw, sub.get(), left.count()) != NATS_OK) break;
    MsgPtr msg(raw);
    out.push_back(BodyOf(msg.get()));
  }
  natsSubscription_Unsubscribe(sub.get());
  return out;
}

}  // namespace privacy::nats
