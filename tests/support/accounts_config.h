// The shipped multi-tenant nats-server configuration (deploy/
// nats-accounts.conf) and the passwords tests give its users.
#pragma once

#include <string>

#include "support/nats_client.h"
#include "support/nats_server.h"
#include "support/worker_process.h"

namespace privacy::testing {

inline const std::string kAccountsConfig =
    std::string(TEST_DATA_DIR) + "/../../deploy/nats-accounts.conf";
inline const Environment kAccountPasswords = {{"PRIVACY_SERVICE_PASSWORD", "service-secret"},
                                              {"AUDIT_READER_PASSWORD", "audit-secret"},
                                              {"TENANT_A_PASSWORD", "a-secret"},
                                              {"TENANT_B_PASSWORD", "b-secret"}};

// A user and password to connect with.
inline ClientCredentials UserPassword(std::string user, std::string password) {
  ClientCredentials credentials;
  credentials.user = std::move(user);
  credentials.password = std::move(password);
  return credentials;
}

// `url` (nats://host:port) with the privacy-service user's credentials in it.
inline std::string AsPrivacyService(const std::string& url) {
  const std::string scheme = "nats://";
  return scheme + "privacy-service:service-secret@" + url.substr(scheme.size());
}

// NatsServerOptions that start the server with that configuration.
inline NatsServerOptions AccountsServerOptions() { return {kAccountsConfig, kAccountPasswords}; }

}  // namespace privacy::testing
