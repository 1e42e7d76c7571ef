#include "nats/request_client.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>

#include "nats/handles.h"
#include "nats/nats_status.h"

namespace privacy::nats {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string BodyOf(natsMsg* msg) {
  const char* data = natsMsg_GetData(msg);
  return std::string(data == nullptr ? "" : data,
                     static_cast<size_t>(natsMsg_GetDataLength(msg)));
}

// A request message on `subject` with `reply_to` (may be null) and `headers`.
natsStatus MakeRequest(MsgPtr* out, const std::string& subject, const char* reply_to,
                       std::string_view payload, const Headers& headers) {
  natsMsg* raw = nullptr;
  natsStatus s = natsMsg_Create(&raw, subject.c_str(), reply_to, payload.data(),
                                static_cast<int>(payload.size()));
  out->reset(raw);
  for (const auto& [name, value] : headers) {
    if (s == NATS_OK) s = natsMsgHeader_Set(out->get(), name.c_str(), value.c_str());
  }
  return s;
}

// A synchronous subscription to `subject` without pending limits.
Result<SubscriptionPtr> SubscribeSync(natsConnection* conn, const std::string& subject) {
  natsSubscription* raw = nullptr;
  natsStatus s = natsConnection_SubscribeSync(&raw, conn, subject.c_str());
  SubscriptionPtr sub(raw);
  if (s == NATS_OK) s = natsSubscription_SetPendingLimits(sub.get(), -1, -1);
  if (s != NATS_OK) return FromNatsStatus(s, subject);
  return sub;
}

}  // namespace

Result<std::string> NewInbox() {
  natsInbox* raw = nullptr;
  natsStatus s = natsInbox_Create(&raw);
  InboxPtr inbox(raw);
  if (s != NATS_OK) return FromNatsStatus(s, "creating an inbox");
  return std::string(inbox.get());
}

Headers HeadersOf(natsMsg* msg) {
  Headers out;
  const char** names = nullptr;
  int count = 0;
  if (natsMsgHeader_Keys(msg, &names, &count) != NATS_OK) return out;
  for (int i = 0; i < count; ++i) {
    const char** values = nullptr;
    int n = 0;
    if (natsMsgHeader_Values(msg, names[i], &values, &n) == NATS_OK) {
      for (int j = 0; j < n; ++j) out.emplace_back(names[i], values[j]);
      std::free(static_cast<void*>(values));
    }
  }
  std::free(static_cast<void*>(names));
  return out;
}

std::optional<std::string> Reply::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return std::nullopt;
}

std::optional<Error> Reply::ServiceError() const {
  auto code = Header("Nats-Service-Error-Code");
  if (!code) return std::nullopt;
  return MakeError(static_cast<ErrorCode>(std::atoi(code->c_str())),
                   Header("Nats-Service-Error").value_or(""));
}

Reply Request(natsConnection* conn, const std::string& subject, std::string_view payload,
              const Headers& headers, std::chrono::milliseconds timeout) {
  Reply reply;
  MsgPtr request;
  reply.status = MakeRequest(&request, subject, nullptr, payload, headers);
  if (!reply.ok()) return reply;
  natsMsg* raw = nullptr;
  reply.status = natsConnection_RequestMsg(&raw, conn, request.get(),
                                           std::max<int64_t>(timeout.count(), 1));
  MsgPtr answer(raw);
  if (reply.ok() && answer) {
    reply.data = BodyOf(answer.get());
    reply.headers = HeadersOf(answer.get());
  }
  return reply;
}

Result<std::vector<Reply>> RequestBatch(natsConnection* conn, const std::string& subject,
                                        const std::vector<std::string>& payloads,
                                        const Headers& headers, std::chrono::milliseconds timeout,
                                        const std::function<void()>& after_flush) {
  auto inbox = NewInbox();
  if (!inbox) return inbox.error();
  const std::string prefix = *inbox + ".";
  auto sub = SubscribeSync(conn, prefix + "*");
  if (!sub) return sub.error();
  for (size_t i = 0; i < payloads.size(); ++i) {
    const std::string reply_to = prefix + std::to_string(i);
    MsgPtr request;
    natsStatus s = MakeRequest(&request, subject, reply_to.c_str(), payloads[i], headers);
    if (s == NATS_OK) s = natsConnection_PublishMsg(conn, request.get());
    if (s != NATS_OK) return FromNatsStatus(s, subject);
  }
  if (natsStatus s = natsConnection_FlushTimeout(conn, 5000); s != NATS_OK) {
    return FromNatsStatus(s, subject);
  }
  if (after_flush) after_flush();

  std::vector<Reply> replies(payloads.size());
  for (Reply& r : replies) r.status = NATS_TIMEOUT;
  size_t received = 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (received < payloads.size()) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    natsMsg* raw = nullptr;
    natsStatus s = natsSubscription_NextMsg(&raw, sub->get(), left.count());
    MsgPtr msg(raw);
    if (s == NATS_TIMEOUT) break;
    if (s != NATS_OK) return FromNatsStatus(s, subject);
    const size_t index = std::strtoul(natsMsg_GetSubject(msg.get()) + prefix.size(), nullptr, 10);
    // A stray or duplicate reply.
    if (index >= replies.size() || replies[index].ok()) continue;
    Reply& r = replies[index];
    r.status = natsMsg_IsNoResponders(msg.get()) ? NATS_NO_RESPONDERS : NATS_OK;
    r.data = BodyOf(msg.get());
    r.headers = HeadersOf(msg.get());
    ++received;
  }
  return replies;
}

Result<std::vector<std::string>> GatherReplies(natsConnection* conn, const std::string& subject,
                                               std::chrono::milliseconds window) {
  auto inbox = NewInbox();
  if (!inbox) return inbox.error();
  auto sub = SubscribeSync(conn, *inbox);
  if (!sub) return sub.error();
  if (natsStatus s = natsConnection_PublishRequest(conn, subject.c_str(), inbox->c_str(), nullptr, 0);
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
    if (natsSubscription_NextMsg(&raw, sub->get(), left.count()) != NATS_OK) break;
    MsgPtr msg(raw);
    out.push_back(BodyOf(msg.get()));
  }
  natsSubscription_Unsubscribe(sub->get());
  return out;
}

}  // namespace privacy::nats
