#include "support/nats_client.h"

#include <stdexcept>

#include "nats/connection.h"

namespace privacy::testing {

void ThrowIfNotOk(natsStatus s, std::string_view what) {
  if (s != NATS_OK) {
    throw std::runtime_error(std::string(what) + ": " + natsStatus_GetText(s));
  }
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
  nats::OptionsPtr opts(raw_opts);
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
  ThrowIfNotOk(nats::ConnectSigningNonce(&raw_conn, opts.get(), !credentials.creds_file.empty()),
               "connect to " + url);
  conn_.reset(raw_conn);
}

Reply NatsClient::Request(const std::string& subject, std::string_view payload,
                          const Headers& headers, std::chrono::milliseconds timeout) {
  return Reply{nats::Request(conn_.get(), subject, payload, headers, timeout)};
}

std::vector<Reply> NatsClient::RequestBatch(const std::string& subject,
                                            const std::vector<std::string>& payloads,
                                            const Headers& headers, std::chrono::milliseconds timeout,
                                            const std::function<void()>& after_flush) {
  auto batch = nats::RequestBatch(conn_.get(), subject, payloads, headers, timeout, after_flush);
  if (!batch) throw std::runtime_error("request batch on " + subject + ": " + batch.error().message);
  std::vector<Reply> replies;
  replies.reserve(batch->size());
  for (nats::Reply& reply : *batch) replies.push_back(Reply{std::move(reply)});
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
