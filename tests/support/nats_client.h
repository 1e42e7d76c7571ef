// A NATS connection for tests, with the service's request client
// (nats/request_client.h) bound to it.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nats/handles.h"
#include "nats/request_client.h"

namespace privacy::testing {

using Headers = nats::Headers;

// A reply of the request client (or the failure to get one), which tests
// can describe in their assertion messages.
struct Reply : nats::Reply {
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
// restart) that sends requests with nats::Request and nats::RequestBatch.
class NatsClient {
 public:
  static constexpr std::chrono::milliseconds kDefaultTimeout{5000};

  explicit NatsClient(const std::string& url, const ClientCredentials& credentials = {});
  NatsClient(const NatsClient&) = delete;
  NatsClient& operator=(const NatsClient&) = delete;

  // nats::Request on this connection: never throws for transport problems,
  // they are in Reply::status.
  Reply Request(const std::string& subject, std::string_view payload, const Headers& headers = {},
                std::chrono::milliseconds timeout = kDefaultTimeout);

  // nats::RequestBatch on this connection; throws when the requests could
  // not be sent.
  std::vector<Reply> RequestBatch(const std::string& subject, const std::vector<std::string>& payloads,
                                  const Headers& headers, std::chrono::milliseconds timeout,
                                  const std::function<void()>& after_flush = {});

  natsConnection* connection() const { return conn_.get(); }
  // JetStream context of this connection (created on first use).
  jsCtx* jetstream();
  // True while the connection is established.
  bool Connected() const;

 private:
  nats::ConnectionPtr conn_;
  nats::JetStreamPtr js_;
};

// Throws std::runtime_error("what: <status text>") unless s == NATS_OK.
void ThrowIfNotOk(natsStatus s, std::string_view what);

}  // namespace privacy::testing
