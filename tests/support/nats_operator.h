// A throw-away NATS operator setup for tests of user credentials (.creds)
// files: an operator, an account with JetStream, and a user, each an
// Ed25519 NKey, with the JWTs nats-server (in operator mode, memory
// resolver, a system account) and clients need, signed here with OpenSSL.
#pragma once

#include <filesystem>
#include <string>

namespace privacy::testing {

// An NKey pair: the public key and the seed, in NATS's encoding.
struct NKey {
  std::string public_key;
  std::string seed;
  std::string raw_seed;  // the 32 bytes of the Ed25519 private key
};

// The keys and JWTs of one operator setup; immutable once made.
class NatsOperator {
 public:
  // Makes the keys and JWTs; throws when OpenSSL fails.
  NatsOperator();

  // The nats-server configuration: the operator's JWT, the system account
  // and a memory resolver holding both accounts' JWTs.
  std::string ServerConfig() const;
  // Writes the user's credentials file to `path`; returns the path.
  std::string WriteUserCreds(const std::filesystem::path& path) const;
  // A credentials file of a user the operator never signed: same format,
  // refused by the server.
  std::string WriteForeignUserCreds(const std::filesystem::path& path) const;

 private:
  NKey operator_key_;
  NKey system_key_;
  NKey account_key_;
  NKey user_key_;
  std::string operator_jwt_;
  std::string system_jwt_;
  std::string account_jwt_;
  std::string user_jwt_;
};

}  // namespace privacy::testing
