// `privacy-filter audit tail`: a compliance reader with the shipped
// accounts configuration's audit-reader user reads the audit stream
// through a durable pull consumer, acknowledging each event; a second run
// with the same durable goes on where the first stopped; --follow waits
// for new events until SIGTERM.
#include <doctest/doctest.h>

#include <csignal>
#include <fstream>
#include <iterator>

#include "integration/test_values.h"
#include "support/accounts_config.h"
#include "support/command_run.h"
#include "support/jetstream_reader.h"
#include "support/readiness.h"
#include "support/service_env.h"
#include "support/temp_dir.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

const std::string kStream = "PRIVACY_AUDIT";

// Masks `n` texts and waits until their audit events are stored.
void MakeEvents(NatsClient& client, int n) {
  uint64_t before = GetStream(client, kStream)->messages;
  for (int i = 0; i < n; ++i) {
    Call<v1::MaskReply>(client, kMask, MaskReq("mail " + std::to_string(i) + kEmail.value));
  }
  REQUIRE(PollUntil([&] { return GetStream(client, kStream)->messages == before + n; },
                    std::chrono::seconds(10)));
}

// The stored events' JSON, from sequence `first` on, `count` of them.
std::vector<std::string> StoredEvents(NatsClient& client, uint64_t first, size_t count) {
  std::vector<std::string> out;
  for (const auto& m : ReadStream(client, kStream)) {
    if (m.seq >= first && out.size() < count) out.push_back(m.data);
  }
  return out;
}

// The durable's acknowledgement state: (delivered stream sequence, pending acks).
std::pair<uint64_t, int64_t> ConsumerState(NatsClient& client, const std::string& durable) {
  jsConsumerInfo* raw = nullptr;
  natsStatus s = js_GetConsumerInfo(&raw, client.jetstream(), kStream.c_str(), durable.c_str(),
                                    nullptr, nullptr);
  ThrowIfNotOk(s, "js_GetConsumerInfo(" + durable + ")");
  std::pair<uint64_t, int64_t> out{raw->Delivered.Stream, raw->NumAckPending};
  jsConsumerInfo_Destroy(raw);
  return out;
}

std::vector<std::string> TailArgs(const std::string& url, std::vector<std::string> extra) {
  std::vector<std::string> args = {"audit", "tail", "--nats-url", url, "--timeout-ms", "300"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_SUITE("audit_tail") {
  TEST_CASE("the audit-reader user reads with a durable consumer; a second run goes on") {
    NatsServer server(AccountsServerOptions());
    NatsClient service(server.url(), {"privacy-service", "service-secret"});
    WorkerProcess worker(server.url(),
                         {"--nats-user", "privacy-service", "--nats-password", "service-secret"});
    WaitUntilReady(service, &worker);
    MakeEvents(service, 5);
    const std::vector<std::string> reader = {"--nats-user", "audit-reader", "--nats-password",
                                             "audit-secret", "--durable", "compliance"};
    auto with = [&](std::vector<std::string> more) {
      std::vector<std::string> args = reader;
      args.insert(args.end(), more.begin(), more.end());
      return RunPrivacyFilter(TailArgs(server.url(), args));
    };

    CommandRun first = with({"--from-start", "--count", "3"});
    INFO(first.Describe());
    REQUIRE(first.status == 0);
    CHECK(Lines(first.out) == StoredEvents(service, 1, 3));
    CHECK(ConsumerState(service, "compliance") == std::pair<uint64_t, int64_t>{3, 0});

    CommandRun second = with({});
    INFO(second.Describe());
    REQUIRE(second.status == 0);
    CHECK(Lines(second.out) == StoredEvents(service, 4, 2));
    CHECK(ConsumerState(service, "compliance") == std::pair<uint64_t, int64_t>{5, 0});

    // Nothing left; a new event is the next one read.
    CommandRun third = with({});
    CHECK(third.status == 0);
    CHECK(Lines(third.out).empty());
    MakeEvents(service, 1);
    CommandRun fourth = with({"--from-start"});
    CHECK(fourth.status == 0);
    CHECK(Lines(fourth.out) == StoredEvents(service, 6, 1));
    CHECK(fourth.err.find("going on where it stopped") != std::string::npos);

    // A tenant cannot read the audit stream this way.
    CommandRun tenant = RunPrivacyFilter(TailArgs(
        server.url(), {"--nats-user", "tenant-a", "--nats-password", "a-secret"}));
    CHECK(tenant.status == 1);
    CHECK(Lines(tenant.out).empty());
  }

  TEST_CASE("a new durable without --from-start reads only new events") {
    ServiceEnv env({"audit-tail-new"});
    MakeEvents(env.client(), 2);
    CommandRun empty = RunPrivacyFilter(TailArgs(env.server().url(), {"--durable", "fresh"}));
    INFO(empty.Describe());
    CHECK(empty.status == 0);
    CHECK(Lines(empty.out).empty());
    MakeEvents(env.client(), 1);
    CommandRun next = RunPrivacyFilter(TailArgs(env.server().url(), {"--durable", "fresh"}));
    CHECK(Lines(next.out) == StoredEvents(env.client(), 3, 1));
  }

  TEST_CASE("--follow prints events as they come and stops on SIGTERM") {
    ServiceEnv env({"audit-tail-follow"});
    TempDir dir("privacy-it-audit-tail");
    ChildProcess tail({.argv = {PrivacyFilterBinary(), "audit", "tail", "--nats-url",
                                env.server().url(), "--durable", "live", "--follow"},
                       .log_file = dir.path() / "stderr.log",
                       .stdout_file = dir.path() / "stdout.log"});
    // Events count from the moment the consumer exists.
    REQUIRE(PollUntil(
        [&] {
          jsConsumerInfo* raw = nullptr;
          natsStatus s = js_GetConsumerInfo(&raw, env.client().jetstream(), kStream.c_str(),
                                            "live", nullptr, nullptr);
          jsConsumerInfo_Destroy(raw);
          return s == NATS_OK;
        },
        std::chrono::seconds(10)));
    MakeEvents(env.client(), 2);
    REQUIRE(PollUntil([&] { return Lines(ReadFile(dir.path() / "stdout.log")).size() == 2; },
                      std::chrono::seconds(10)));
    CHECK(Lines(ReadFile(dir.path() / "stdout.log")) == StoredEvents(env.client(), 1, 2));
    tail.Signal(SIGTERM);
    auto status = tail.WaitFor(std::chrono::seconds(5));
    INFO(ReadFile(dir.path() / "stderr.log"));
    REQUIRE(status.has_value());
    CHECK(*status == 0);
    CHECK(ConsumerState(env.client(), "live") == std::pair<uint64_t, int64_t>{2, 0});
  }
}
