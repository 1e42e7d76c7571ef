// Encryption at rest: sessions are sealed with a key derived from the master
// key, so neither the KV bucket nor the audit stream holds a personal value,
// and key rotation keeps sessions readable exactly as long as the previous
// key is configured.
#include <doctest/doctest.h>

#include "integration/test_values.h"
#include "support/audit_events.h"
#include "support/child_process.h"
#include "support/jetstream_reader.h"
#include "support/nats_server.h"
#include "support/readiness.h"
#include "support/temp_dir.h"
#include "support/worker_process.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

const std::string kKey1 = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
const std::string kKey2 = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";

// A worker with exactly these key variables (an empty value unsets one).
std::unique_ptr<WorkerProcess> StartWorker(NatsServer& server, NatsClient& client,
                                           const std::string& key, const std::string& previous) {
  auto worker = std::make_unique<WorkerProcess>(
      server.url(), std::vector<std::string>{},
      Environment{{"ENCRYPTION_MASTER_KEY", key}, {"ENCRYPTION_MASTER_KEY_PREVIOUS", previous}});
  WaitUntilReady(client, worker.get());
  return worker;
}

// Runs the binary with `args` and `env` to completion; returns its exit code
// and everything it printed.
std::pair<int, std::string> RunToEnd(std::vector<std::string> args, Environment env = {}) {
  TempDir dir("privacy-it-run");
  ChildProcess::Options opts;
  opts.argv = {PrivacyFilterBinary()};
  opts.argv.insert(opts.argv.end(), args.begin(), args.end());
  opts.env = std::move(env);
  opts.log_file = dir.path() / "out.log";
  ChildProcess process(std::move(opts));
  std::optional<ExitStatus> status = process.WaitFor(std::chrono::seconds(20));
  return {status.value_or(-1), process.Log()};
}

}  // namespace

TEST_SUITE("encryption") {
  TEST_CASE("no KV entry and no audit event holds a personal value or the masked text") {
    NatsServer server;
    NatsClient client(server.url());
    auto worker = StartWorker(server, client, kKey1, "");
    auto masked = Call<v1::MaskReply>(client, kMask, MaskReq(kFiveValueText));
    auto second = Call<v1::MaskReply>(client, kMask,
                                      MaskReq("again " + kEmail.value, masked.session_id()));
    auto resolved = Call<v1::ResolveReply>(
        client, kResolve, ResolveReq(masked.session_id(), {masked.entities(0).token()}));
    CHECK(resolved.resolved().at(masked.entities(0).token()) == kEmail.value);
    REQUIRE(PollUntil([&] { return CountAuditEvents(client) >= 3; }, std::chrono::seconds(10)));

    std::vector<StoredMessage> stored = ReadStream(client, "KV_privacy_sessions");
    REQUIRE_FALSE(stored.empty());
    std::vector<StoredMessage> audit = ReadStream(client, "PRIVACY_AUDIT");
    stored.insert(stored.end(), audit.begin(), audit.end());
    for (const auto& message : stored) {
      INFO("message ", message.seq, " on ", message.subject);
      for (const auto& known : kFiveValues) {
        CHECK(message.data.find(known.value) == std::string::npos);
        for (const auto& [name, value] : message.headers) {
          CHECK(value.find(known.value) == std::string::npos);
        }
      }
      CHECK(message.data.find(masked.masked_text()) == std::string::npos);
      CHECK(message.data.find(masked.entities(0).token()) == std::string::npos);
    }
  }

  TEST_CASE("rotation: previous key readable until removed, new writes use the new key") {
    NatsServer server;
    NatsClient client(server.url());
    auto worker = StartWorker(server, client, kKey1, "");
    auto old_session = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    const std::string old_token = old_session.entities(0).token();
    REQUIRE(worker->Stop() == 0);

    worker = StartWorker(server, client, kKey2, kKey1);
    auto r = Call<v1::ResolveReply>(client, kResolve, ResolveReq(old_session.session_id(), {old_token}));
    CHECK(r.resolved().at(old_token) == kEmail.value);
    auto new_session = Call<v1::MaskReply>(client, kMask, MaskReq("call " + kPhone.value));
    const std::string new_token = new_session.entities(0).token();
    REQUIRE(worker->Stop() == 0);

    // The previous key removed: the old session is unreadable (404, like an
    // unknown one), the worker keeps serving and the new session resolves.
    worker = StartWorker(server, client, kKey2, "");
    CheckErrorReply(Send(client, kResolve, ResolveReq(old_session.session_id(), {old_token})),
                    Encoding::kProtobuf, 404, {kEmail.value});
    CheckErrorReply(Send(client, kDemask, DemaskReq(old_session.session_id(), old_token)),
                    Encoding::kProtobuf, 404, {kEmail.value});
    r = Call<v1::ResolveReply>(client, kResolve, ResolveReq(new_session.session_id(), {new_token}));
    CHECK(r.resolved().at(new_token) == kPhone.value);
    CheckStillServing(client);
    REQUIRE(worker->Stop() == 0);

    // A worker holding only the old key cannot read the new session.
    worker = StartWorker(server, client, kKey1, "");
    CheckErrorReply(Send(client, kResolve, ResolveReq(new_session.session_id(), {new_token})),
                    Encoding::kProtobuf, 404, {kPhone.value});
  }

  TEST_CASE("serve refuses to start without a master key or with a malformed one") {
    auto [missing_code, missing_log] =
        RunToEnd({"serve", "--nats-url", "nats://127.0.0.1:1"}, {{"ENCRYPTION_MASTER_KEY", ""}});
    CHECK(missing_code != 0);
    CHECK(missing_log.find("ENCRYPTION_MASTER_KEY") != std::string::npos);

    auto [bad_code, bad_log] = RunToEnd({"serve", "--nats-url", "nats://127.0.0.1:1"},
                                        {{"ENCRYPTION_MASTER_KEY", "c2hvcnQ="}});
    CHECK(bad_code != 0);
    CHECK(bad_log.find("base64") != std::string::npos);
    CHECK(bad_log.find("c2hvcnQ=") == std::string::npos);
  }

  TEST_CASE("keygen prints a new usable key each time") {
    auto [code, first] = RunToEnd({"keygen"});
    REQUIRE(code == 0);
    auto [code2, second] = RunToEnd({"keygen"});
    REQUIRE(code2 == 0);
    CHECK(first != second);
    CHECK(first.size() == 45);  // 44 base64 characters and a newline
    NatsServer server;
    NatsClient client(server.url());
    auto worker = StartWorker(server, client, first.substr(0, 44), "");
    CheckStillServing(client);
  }
}
