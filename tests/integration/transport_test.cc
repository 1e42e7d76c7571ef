// Authenticated, encrypted transport: workers connect with TLS (CA, client
// certificate, server-name check) under many requests in flight, and with
// user/password or token authentication.
#include <doctest/doctest.h>

#include <fstream>

#include "integration/test_values.h"
#include "support/child_process.h"
#include "support/nats_server.h"
#include "support/readiness.h"
#include "support/temp_dir.h"
#include "support/test_certificates.h"
#include "support/worker_process.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

std::string WriteConfig(const TempDir& dir, const std::string& text) {
  std::string path = (dir.path() / "nats-server.conf").string();
  std::ofstream(path) << text;
  return path;
}

std::vector<std::string> MaskPayloads(int count) {
  std::vector<std::string> payloads;
  for (int i = 0; i < count; ++i) {
    payloads.push_back(Encode(MaskReq("request " + std::to_string(i) + " from " + kEmail.value),
                              Encoding::kProtobuf));
  }
  return payloads;
}

}  // namespace

TEST_SUITE("transport") {
  TEST_CASE("TLS with a client certificate and server-name check, many requests in flight") {
    TestCertificates certs;
    NatsServer server({WriteConfig(certs.dir, certs.ServerTlsBlock())});
    const std::string url = "tls://127.0.0.1:" + std::to_string(server.port());
    ClientCredentials tls;
    tls.tls_ca_file = certs.Path("ca.pem");
    tls.tls_cert_file = certs.Path("client.pem");
    tls.tls_key_file = certs.Path("client.key");
    NatsClient client(url, tls);

    std::vector<std::string> tls_args = {"--tls-ca", certs.Path("ca.pem"),
                                         "--tls-cert", certs.Path("client.pem"),
                                         "--tls-key", certs.Path("client.key"),
                                         "--tls-server-name", "localhost"};
    WorkerProcess worker(url, tls_args);
    WaitUntilReady(client, &worker);

    // Many requests in flight at once through one TLS connection of the
    // worker: replies are written by many handler threads while it reads.
    for (int round = 0; round < 3; ++round) {
      auto replies = client.RequestBatch(kMask, MaskPayloads(300), HeadersFor(Encoding::kProtobuf),
                                         std::chrono::seconds(30));
      int answered = 0;
      for (const auto& reply : replies) {
        v1::MaskReply mask;
        if (reply.ok() && !reply.Header("Nats-Service-Error-Code") &&
            Decode(reply.data, Encoding::kProtobuf, &mask).empty() && mask.entity_count() == 1) {
          ++answered;
        }
      }
      CHECK(answered == 300);
    }
    CHECK(worker.Running());

    SUBCASE("a worker expecting another server name does not connect") {
      std::vector<std::string> wrong_name = tls_args;
      wrong_name.back() = "not-the-server.example";
      WorkerProcess refused(url, wrong_name);
      CHECK(refused.WaitFor(std::chrono::seconds(20)).value_or(0) != 0);
    }
  }

  TEST_CASE("user/password and token authentication") {
    TempDir dir("privacy-it-auth");
    SUBCASE("user and password") {
      NatsServer server({WriteConfig(dir, "authorization {\n  user: worker\n  password: \"pw-1\"\n}\n")});
      ClientCredentials user{"worker", "pw-1"};
      NatsClient client(server.url(), user);
      WorkerProcess worker(server.url(), {"--nats-user", "worker", "--nats-password", "pw-1"});
      WaitUntilReady(client, &worker);
      CheckStillServing(client);
      WorkerProcess anonymous(server.url());
      CHECK(anonymous.WaitFor(std::chrono::seconds(20)).value_or(0) != 0);
    }
    SUBCASE("token") {
      NatsServer server({WriteConfig(dir, "authorization {\n  token: \"tok-1\"\n}\n")});
      NatsClient client("nats://tok-1@127.0.0.1:" + std::to_string(server.port()));
      WorkerProcess worker(server.url(), {}, {{"NATS_TOKEN", "tok-1"}});
      WaitUntilReady(client, &worker);
      CheckStillServing(client);
    }
  }
}
