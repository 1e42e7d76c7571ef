#include "nats/connection.h"

#include <atomic>
#include <chrono>
#include <future>

#include "nats/nats_status.h"

namespace privacy::nats {

// State shared with nats.c's connection callbacks.
struct Connection::Events {
  Logger* logger = nullptr;
  std::function<void()> on_lame_duck;
  std::atomic<bool> closing{false};
  std::promise<void> closed;
};

namespace {

void OnDisconnected(natsConnection*, void* closure) {
  auto* events = static_cast<Connection::Events*>(closure);
  if (!events->closing) events->logger->Warn("nats_disconnected");
}
void OnReconnected(natsConnection*, void* closure) {
  static_cast<Connection::Events*>(closure)->logger->Info("nats_reconnected");
}
void OnClosed(natsConnection*, void* closure) {
  auto* events = static_cast<Connection::Events*>(closure);
  events->logger->Debug("nats_closed");
  events->closed.set_value();
}
void OnLameDuck(natsConnection*, void* closure) {
  auto* events = static_cast<Connection::Events*>(closure);
  events->logger->Warn("nats_lame_duck");
  if (events->on_lame_duck) events->on_lame_duck();
}
void OnAsyncError(natsConnection*, natsSubscription*, natsStatus status, void* closure) {
  static_cast<Connection::Events*>(closure)->logger->Warn(
      "nats_async_error", {{"status", natsStatus_GetText(status)}});
}

// Applies `options` to `opts`; returns the first failing nats.c status.
natsStatus Configure(natsOptions* opts, const ConnectOptions& options,
                     Connection::Events* events) {
  natsStatus s = NATS_OK;
  auto step = [&s](natsStatus next) {
    if (s == NATS_OK) s = next;
  };
  step(natsOptions_SetURL(opts, options.url.c_str()));
  step(natsOptions_SetName(opts, options.name.c_str()));
  step(natsOptions_SetTimeout(opts, options.connect_timeout_ms));
  step(natsOptions_SetMaxReconnect(opts, -1));
  step(natsOptions_SetReconnectWait(opts, 250));
  step(natsOptions_SetReconnectJitter(opts, 250, 1000));
  step(natsOptions_SetReconnectBufSize(opts, 8 * 1024 * 1024));
  step(natsOptions_SetFailRequestsOnDisconnect(opts, true));
  step(natsOptions_SetSendAsap(opts, options.send_asap));
  step(natsOptions_SetMaxPendingMsgs(opts, 262144));
  step(natsOptions_SetDisconnectedCB(opts, OnDisconnected, events));
  step(natsOptions_SetReconnectedCB(opts, OnReconnected, events));
  step(natsOptions_SetClosedCB(opts, OnClosed, events));
  step(natsOptions_SetErrorHandler(opts, OnAsyncError, events));
  step(natsOptions_SetLameDuckModeCB(opts, OnLameDuck, events));
  if (options.retry_on_failed_connect) {
    step(natsOptions_SetRetryOnFailedConnect(opts, true, nullptr, nullptr));
  }
  if (!options.user.empty()) {
    step(natsOptions_SetUserInfo(opts, options.user.c_str(), options.password.c_str()));
  }
  if (!options.token.empty()) step(natsOptions_SetToken(opts, options.token.c_str()));
  if (!options.credentials_file.empty()) {
    step(natsOptions_SetUserCredentialsFromFiles(opts, options.credentials_file.c_str(), nullptr));
  }
  if (!options.nkey_seed_file.empty()) {
    step(natsOptions_SetNKeyFromSeed(opts, nullptr, options.nkey_seed_file.c_str()));
  }
  bool tls = !options.tls_ca_file.empty() || !options.tls_cert_file.empty();
  if (tls) step(natsOptions_SetSecure(opts, true));
  if (!options.tls_ca_file.empty()) {
    step(natsOptions_LoadCATrustedCertificates(opts, options.tls_ca_file.c_str()));
  }
  if (!options.tls_cert_file.empty()) {
    step(natsOptions_LoadCertificatesChain(opts, options.tls_cert_file.c_str(),
                                           options.tls_key_file.c_str()));
  }
  if (!options.inbox_prefix.empty()) {
    step(natsOptions_SetCustomInboxPrefix(opts, options.inbox_prefix.c_str()));
  }
  if (!options.tls_server_name.empty()) {
    step(natsOptions_SetExpectedHostname(opts, options.tls_server_name.c_str()));
  }
  return s;
}

}  // namespace

natsStatus ConnectSigningNonce(natsConnection** conn, natsOptions* opts, bool signs_nonce) {
  constexpr int kAttempts = 4;
  natsStatus s = natsConnection_Connect(conn, opts);
  for (int attempt = 1; signs_nonce && s == NATS_CONNECTION_AUTH_FAILED && attempt < kAttempts;
       ++attempt) {
    ConnectionPtr failed(*conn);
    *conn = nullptr;
    s = natsConnection_Connect(conn, opts);
  }
  return s;
}

Connection::~Connection() {
  if (!conn_) return;
  std::future<void> closed = events_->closed.get_future();
  events_->closing = true;
  natsConnection_Close(conn_.get());
  closed.wait_for(std::chrono::seconds(5));
  conn_.reset();
}

Result<std::unique_ptr<Connection>> Connect(const ConnectOptions& options, Logger* logger,
                                            std::function<void()> on_lame_duck) {
  std::unique_ptr<Connection> connection(new Connection());
  connection->events_ = std::make_unique<Connection::Events>();
  connection->events_->logger = logger;
  connection->events_->on_lame_duck = std::move(on_lame_duck);
  natsOptions* raw_opts = nullptr;
  if (natsStatus s = natsOptions_Create(&raw_opts); s != NATS_OK) {
    return FromNatsStatus(s, "creating NATS options");
  }
  OptionsPtr opts(raw_opts);
  if (natsStatus s = Configure(opts.get(), options, connection->events_.get()); s != NATS_OK) {
    return FromNatsStatus(s, "configuring the NATS connection");
  }
  natsConnection* raw_conn = nullptr;
  const bool signs_nonce = !options.credentials_file.empty() || !options.nkey_seed_file.empty();
  natsStatus s = ConnectSigningNonce(&raw_conn, opts.get(), signs_nonce);
  if (s != NATS_OK && !(s == NATS_NOT_YET_CONNECTED && options.retry_on_failed_connect)) {
    // A connection that never opened fires no closed callback.
    ConnectionPtr failed(raw_conn);
    return FromNatsStatus(s, "connecting to NATS");
  }
  connection->conn_.reset(raw_conn);
  return connection;
}

}  // namespace privacy::nats
