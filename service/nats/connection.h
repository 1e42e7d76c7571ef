// Opening a nats.c connection with the service's settings: reconnect
// forever, fail requests fast while disconnected, send replies without the
// flusher's delay, optional authentication and TLS.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/logger.h"
#include "common/status.h"
#include "nats/handles.h"

namespace privacy::nats {

// How to reach and authenticate to NATS.
struct ConnectOptions {
  std::string url = "nats://127.0.0.1:4222";  // comma-separated list allowed
  std::string name = "privacy-filter";
  // Send every publish at once (replies, latency-bound writes) instead of
  // letting the library's flusher batch them (background traffic).
  bool send_asap = true;
  std::string user;
  std::string password;
  std::string token;
  std::string credentials_file;
  std::string nkey_seed_file;
  std::string tls_ca_file;
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_server_name;
  // Reply subjects start with it instead of _INBOX (empty: _INBOX); for a
  // user allowed to subscribe to its own prefix only, e.g. the audit reader.
  std::string inbox_prefix;
  int64_t connect_timeout_ms = 5000;
  // Keep trying to connect at start-up instead of failing at once.
  bool retry_on_failed_connect = false;
};

// An open NATS connection. Its destructor closes the connection and waits
// for nats.c's closed callback, so no connection event can reach the Logger
// after the Connection is gone.
class Connection {
 public:
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  natsConnection* get() const { return conn_.get(); }

  // State shared with nats.c's connection callbacks.
  struct Events;

 private:
  friend Result<std::unique_ptr<Connection>> Connect(const ConnectOptions&, Logger*,
                                                     std::function<void()>);
  Connection() = default;

  std::unique_ptr<Events> events_;
  ConnectionPtr conn_;
};

// natsConnection_Connect, tried again (up to 4 times in all) when the server
// refuses a connection that signs its nonce (`signs_nonce`: a credentials
// file or an NKey). nats.c 3.4.1 leaves out a signature whose first byte is
// zero (it reads the raw signature as a C string), so one such connection in
// 256 is refused; the next attempt gets a new nonce and a new signature.
natsStatus ConnectSigningNonce(natsConnection** conn, natsOptions* opts, bool signs_nonce);

// Connects; connection events are logged through `logger`, which must
// outlive the returned Connection. `on_lame_duck` (when set) is called, on a
// nats.c thread, when the server announces it is about to shut down.
Result<std::unique_ptr<Connection>> Connect(const ConnectOptions& options, Logger* logger,
                                            std::function<void()> on_lame_duck = {});

}  // namespace privacy::nats
