// Request/reply NATS client for tests, on nats.c.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/nats_handles.h"

namespace privacy::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

// A reply (or the failure to get one): transport status, payload, headers.
struct Reply {
  natsStatus status = NATS_OK;
  std::string data;
  Headers headers;

  bool ok() const { return status == NATS_OK; }
  // First value of header `key` (case-insensitive), if present.
  std::optional<std::string> Header(std::string_view key) const;
  // Short description for assertion messages.
  std::string Describe() const;
};

// How a test client authenticates; empty fields are not used.
struct ClientCredentials {
  std::string user;
  std::string password;
  // TLS: the CA that signed the server's certificate, and the client's own
  // certificate and key when the server verifies clients.
  std::string tls_ca_file;
  std::string tls_cert_file;
  std::string tls_key_file;
  // A user credentials (.creds) file: a user JWT and its NKey seed.
  std::string creds_file;
};

// One nats.c connection (reconnecting forever, so it survives a server
// restart) with a synchronous request helper.
class NatsClient {
 public:
  static constexpr std::chrono::milliseconds kDefaultTimeout{5000};

  explicit NatsClient(const std::string& url, const ClientCredentials& credentials = {});
  NatsClient(const NatsClient&) = delete;
  NatsClient& operator=(const NatsClient&) = delete;

  // Sends `payload` with `headers` to `subject` and waits for the reply.
  // Never throws for transport problems: they are in Reply::status.
  Reply Request(const std::string& subject, std::string_view payload, const Headers& headers = {},
                std::chrono::milliseconds timeout = kDefaultTimeout);

  // Publishes every payload as a request at once (all in flight together),
  // flushes, calls `after_flush` (if set), then collects the replies until
  // `timeout`. Reply i answers payloads[i]; a missing one has NATS_TIMEOUT.
  std::vector<Reply> RequestBatch(const std::string& subject, const std::vector<std::string>& payloads,
                                  const Headers& headers, std::chrono::milliseconds timeout,
                                  const std::function<void()>& after_flush = {});

  natsConnection* connection() const { return conn_.get(); }
  // JetStream context of this connection (created on first use).
  jsCtx* jetstream();
  // True while the connection is established.
  bool Connected() const;

 private:
  NatsConnectionPtr conn_;
  JsCtxPtr js_;
};

// Throws std::runtime_error("what: <status text>") unless s == NATS_OK.
void ThrowIfNotOk(natsStatus s, std::string_view what);

}  // namespace privacy::testing
