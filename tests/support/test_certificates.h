// A throw-away certificate authority for TLS tests.
#pragma once

#include <string>

#include "support/temp_dir.h"

namespace privacy::testing {

// A CA, a server certificate for localhost/127.0.0.1 and a client
// certificate, made with the openssl command line in a temp dir.
struct TestCertificates {
  TestCertificates();
  std::string Path(const char* name) const { return (dir.path() / name).string(); }
  // The nats-server `tls {...}` block: this server certificate, clients
  // verified against the CA.
  std::string ServerTlsBlock() const;

  TempDir dir;
};

}  // namespace privacy::testing
