#include "support/test_certificates.h"

#include <stdexcept>

#include "support/child_process.h"

namespace privacy::testing {

TestCertificates::TestCertificates() : dir("privacy-it-tls") {
  const std::string script = R"(set -e
ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
openssl req -x509 $ec -keyout ca.key -out ca.pem -days 2 -subj /CN=privacy-test-ca
openssl req $ec -keyout server.key -out server.csr -subj /CN=localhost
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext -out server.pem
openssl req $ec -keyout client.key -out client.csr -subj /CN=privacy-worker
openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -out client.pem
)";
  ChildProcess::Options opts;
  opts.argv = {"/bin/sh", "-c", "cd '" + dir.path().string() + "' && " + script};
  opts.log_file = dir.path() / "openssl.log";
  ChildProcess openssl(std::move(opts));
  auto status = openssl.WaitFor(std::chrono::seconds(30));
  if (status != 0) throw std::runtime_error("openssl failed: " + openssl.Log());
}

std::string TestCertificates::ServerTlsBlock() const {
  return "tls {\n  cert_file: \"" + Path("server.pem") + "\"\n  key_file: \"" +
         Path("server.key") + "\"\n  ca_file: \"" + Path("ca.pem") +
         "\"\n  verify: true\n  timeout: 5\n}\n";
}

}  // namespace privacy::testing
