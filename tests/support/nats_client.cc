#include "support/nats_client.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>

namespace privacy::testing {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

Headers ReadHeaders(natsMsg* msg) {
  Headers out;
  const char** keys = nullptr;
  int count = 0;
  if (natsMsgHeader_Keys(msg, &keys, &count) != NATS_OK) return out;
  for (int i = 0; i < count; ++i) {
    const char** values = nullptr;
    int n = 0;
    if (natsMsgHeader_Values(msg, keys[i], &values, &n) == NATS_OK) {
      for (int j = 0; j < n; ++j) out.emplace_back(keys[i], values[j]);
      std::free(static_cast<void*>(values));
    }
  }
  std::free(static_cast<void*>(keys));
  return out;
}

}  // namespace

void ThrowIfNotOk(natsStatus s, std::string_view what) {
  if (s != NATS_OK) {
    throw std::runtime_error(std::string(what) + ": " + natsStatus_GetText(s));
  }
}

std::optional<std::string> Reply::Header(std::string_view key) const {
  for (const auto& [k, v] : headers) {
    if (EqualsIgnoreCase(k, key)) return v;
  }
  return std::nullopt;
}

std::string Reply::Describe() const {
  std::string out = std::string("status=") + natsStatus_GetText(status);
  for (const auto& [k, v] : headers) out += " [" + k + ": " + v + "]";
  std::string shown = data.substr(0, 300);
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '.';
  }
  out += " data(" + std::to_string(data.size()) + "B)=" + shown;
  return out;
}

NatsClient::NatsClient(const std::string& url, const ClientCredentials& credentials) {
  natsOptions* raw_opts = nullptr;
  ThrowIfNotOk(natsOptions_Create(&raw_opts), "natsOptions_Create");
  NatsOptionsPtr opts(raw_opts);
  ThrowIfNotOk(natsOptions_SetURL(opts.get(), url.c_str()), "natsOptions_SetURL");
  ThrowIfNotOk(natsOptions_SetTimeout(opts.get(), 5000), "natsOptions_SetTimeout");
  ThrowIfNotOk(natsOptions_SetAllowReconnect(opts.get(), true), "natsOptions_SetAllowReconnect");
  ThrowIfNotOk(natsOptions_SetMaxReconnect(opts.get(), -1), "natsOptions_SetMaxReconnect");
  ThrowIfNotOk(natsOptions_SetReconnectWait(opts.get(), 100), "natsOptions_SetReconnectWait");
  ThrowIfNotOk(natsOptions_SetReconnectBufSize(opts.get(), 8 * 1024 * 1024),
               "natsOptions_SetReconnectBufSize");
  if (!credentials.user.empty()) {
    ThrowIfNotOk(natsOptions_SetUserInfo(opts.get(), credentials.user.c_str(),
                                         credentials.password.c_str()),
                 "natsOptions_SetUserInfo");
  }
  if (!credentials.tls_ca_file.empty()) {
    ThrowIfNotOk(natsOptions_SetSecure(opts.get(), true), "natsOptions_SetSecure");
    ThrowIfNotOk(natsOptions_LoadCATrustedCertificates(opts.get(),
                                                       credentials.tls_ca_file.c_str()),
                 "natsOptions_LoadCATrustedCertificates");
  }
  if (!credentials.tls_cert_file.empty()) {
    ThrowIfNotOk(natsOptions_LoadCertificatesChain(opts.get(), credentials.tls_cert_file.c_str(),
                                                   credentials.tls_key_file.c_str()),
                 "natsOptions_LoadCertificatesChain");
  }
  if (!credentials.creds_file.empty()) {
    ThrowIfNotOk(natsOptions_SetUserCredentialsFromFiles(opts.get(),
                                                         credentials.creds_file.c_str(), nullptr),
                 "natsOptions_SetUserCredentialsFromFiles");
  }
  natsConnection* raw_conn = nullptr;
  ThrowIfNotOk(natsConnection_Connect(&raw_conn, opts.get()), "connect to " + url);
  conn_.reset(raw_conn);
}

Reply NatsClient::Request(const std::string& subject, std::string_view payload,
                          const Headers& headers, std::chrono::milliseconds timeout) {
  natsMsg* raw_req = nullptr;
  ThrowIfNotOk(natsMsg_Create(&raw_req, subject.c_str(), nullptr, payload.data(),
                              static_cast<int>(payload.size())),
               "natsMsg_Create");
  NatsMsgPtr req(raw_req);
  for (const auto& [k, v] : headers) {
    ThrowIfNotOk(natsMsgHeader_Set(req.get(), k.c_str(), v.c_str()), "natsMsgHeader_Set");
  }
  Reply reply;
  natsMsg* raw_reply = nullptr;
  reply.status = natsConnection_RequestMsg(&raw_reply, conn_.get(), req.get(), timeout.count());
  NatsMsgPtr msg(raw_reply);
  if (reply.status == NATS_OK && msg) {
    const char* data = natsMsg_GetData(msg.get());
    reply.data.assign(data == nullptr ? "" : data,
                      static_cast<size_t>(natsMsg_GetDataLength(msg.get())));
    reply.headers = ReadHeaders(msg.get());
  }
  return reply;
}

std::vector<Reply> NatsClient::RequestBatch(const std::string& subject,
                                            const std::vector<std::string>& payloads,
                                            const Headers& headers, std::chrono::milliseconds timeout,
                                            const std::function<void()>& after_flush) {
  natsInbox* raw_inbox = nullptr;
  ThrowIfNotOk(natsInbox_Create(&raw_inbox), "natsInbox_Create");
  std::unique_ptr<natsInbox, NatsDeleter<natsInbox_Destroy>> inbox(raw_inbox);
  const std::string prefix = std::string(inbox.get()) + ".";
  natsSubscription* raw_sub = nullptr;
  ThrowIfNotOk(natsConnection_SubscribeSync(&raw_sub, conn_.get(), (prefix + "*").c_str()),
               "natsConnection_SubscribeSync");
  NatsSubscriptionPtr sub(raw_sub);
  ThrowIfNotOk(natsSubscription_SetPendingLimits(sub.get(), -1, -1), "SetPendingLimits");

  for (size_t i = 0; i < payloads.size(); ++i) {
    natsMsg* raw_req = nullptr;
    const std::string reply_to = prefix + std::to_string(i);
    ThrowIfNotOk(natsMsg_Create(&raw_req, subject.c_str(), reply_to.c_str(), payloads[i].data(),
                                static_cast<int>(payloads[i].size())),
                 "natsMsg_Create");
    NatsMsgPtr req(raw_req);
    for (const auto& [k, v] : headers) {
      ThrowIfNotOk(natsMsgHeader_Set(req.get(), k.c_str(), v.c_str()), "natsMsgHeader_Set");
    }
    ThrowIfNotOk(natsConnection_PublishMsg(conn_.get(), req.get()), "natsConnection_PublishMsg");
  }
  ThrowIfNotOk(natsConnection_FlushTimeout(conn_.get(), 5000), "natsConnection_Flush");
  if (after_flush) after_flush();

  std::vector<Reply> replies(payloads.size());
  for (auto& r : replies) r.status = NATS_TIMEOUT;
  size_t received = 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (received < payloads.size()) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    natsMsg* raw_msg = nullptr;
    natsStatus s = natsSubscription_NextMsg(&raw_msg, sub.get(), left.count());
    NatsMsgPtr msg(raw_msg);
    if (s == NATS_TIMEOUT) break;
    ThrowIfNotOk(s, "natsSubscription_NextMsg");
    const std::string reply_subject = natsMsg_GetSubject(msg.get());
    size_t index = std::stoul(reply_subject.substr(prefix.size()));
    if (index >= replies.size() || replies[index].status == NATS_OK) continue;  // stray/duplicate
    Reply& r = replies[index];
    r.status = natsMsg_IsNoResponders(msg.get()) ? NATS_NO_RESPONDERS : NATS_OK;
    const char* data = natsMsg_GetData(msg.get());
    r.data.assign(data == nullptr ? "" : data, static_cast<size_t>(natsMsg_GetDataLength(msg.get())));
    r.headers = ReadHeaders(msg.get());
    ++received;
  }
  return replies;
}

jsCtx* NatsClient::jetstream() {
  if (!js_) {
    jsCtx* raw = nullptr;
    ThrowIfNotOk(natsConnection_JetStream(&raw, conn_.get(), nullptr), "natsConnection_JetStream");
    js_.reset(raw);
  }
  return js_.get();
}

bool NatsClient::Connected() const {
  return natsConnection_Status(conn_.get()) == NATS_CONN_STATUS_CONNECTED;
}

}  // namespace privacy::testing
