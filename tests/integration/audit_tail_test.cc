// `privacy-filter audit tail`: a compliance reader with the shipped
// accounts configuration's audit-reader user reads the audit stream
// through a durable pull consumer made ahead by privacy-service, printing each event of a message and
// acknowledging the message; a second run with the same durable goes on
// where the first stopped; --count never splits a message; --follow waits
// for new events until SIGTERM.
#include <doctest/doctest.h>

#include <csignal>
#include <fstream>
#include <iterator>
#include <map>

#include "integration/test_values.h"
#include "support/accounts_config.h"
#include "support/audit_events.h"
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
void MakeEvents(NatsClient& client, size_t n) {
  const size_t before = CountAuditEvents(client);
  for (size_t i = 0; i < n; ++i) {
    Call<v1::MaskReply>(client, kMask, MaskReq("mail " + std::to_string(i) + kEmail.value));
  }
  REQUIRE(PollUntil([&] { return CountAuditEvents(client) == before + n; },
                    std::chrono::seconds(10)));
}

// What a tail run should print and the last message it should acknowledge.
struct TailExpectation {
  std::vector<std::string> lines;
  uint64_t last_seq = 0;
};

// The run of a durable that has acknowledged the messages up to sequence
// `after`, with --count `count` (0: none): the events of every later message,
// or, with a count, of the messages up to the one that brings the events
// to `count` or more (whole messages, never a part of one).
TailExpectation ExpectedTail(NatsClient& client, uint64_t after, size_t count = 0) {
  TailExpectation out{{}, after};
  for (const AuditRecord& record : ReadAuditEvents(client)) {
    if (record.stored->seq <= after) continue;
    if (count > 0 && out.lines.size() >= count && record.stored->seq != out.last_seq) break;
    out.lines.push_back(record.line);
    out.last_seq = record.stored->seq;
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

    // The reader may not make its consumer: privacy-service makes it ahead,
    // starting at the first event.
    CommandRun ahead = RunPrivacyFilter(
        {"audit", "create-consumer", "--nats-url", server.url(), "--nats-user", "privacy-service",
         "--nats-password", "service-secret", "--durable", "compliance", "--from-start"});
    INFO(ahead.Describe());
    REQUIRE(ahead.status == 0);

    // How the five events are grouped into messages depends on timing.
    CommandRun first = with({"--count", "3"});
    INFO(first.Describe());
    REQUIRE(first.status == 0);
    const TailExpectation first_expected = ExpectedTail(service, 0, 3);
    CHECK(Lines(first.out) == first_expected.lines);
    CHECK(ConsumerState(service, "compliance") ==
          std::pair<uint64_t, int64_t>{first_expected.last_seq, 0});

    CommandRun second = with({});
    INFO(second.Describe());
    REQUIRE(second.status == 0);
    const TailExpectation second_expected = ExpectedTail(service, first_expected.last_seq);
    CHECK(Lines(second.out) == second_expected.lines);
    CHECK(first_expected.lines.size() + second_expected.lines.size() == 5);
    CHECK(ConsumerState(service, "compliance") ==
          std::pair<uint64_t, int64_t>{second_expected.last_seq, 0});

    // Nothing left; a new event is the next one read.
    CommandRun third = with({});
    CHECK(third.status == 0);
    CHECK(Lines(third.out).empty());
    MakeEvents(service, 1);
    CommandRun fourth = with({"--from-start"});
    CHECK(fourth.status == 0);
    const TailExpectation fourth_expected = ExpectedTail(service, second_expected.last_seq);
    CHECK(fourth_expected.lines.size() == 1);
    CHECK(Lines(fourth.out) == fourth_expected.lines);
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
    const uint64_t old_last_seq = GetStream(env.client(), kStream)->last_seq;
    // The new event carries the caller's trace id, and the tail prints it.
    const std::string trace_id = "0af7651916cd43dd8448eb211c80319c";
    Reply traced = env.client().Request(
        kMask, Encode(MaskReq("mail " + kEmail.value), Encoding::kProtobuf),
        {{"traceparent", "00-" + trace_id + "-b7ad6b7169203331-01"}});
    REQUIRE_MESSAGE(traced.ok(), traced.Describe());
    REQUIRE(PollUntil([&] { return GetStream(env.client(), kStream)->last_seq > old_last_seq; },
                      std::chrono::seconds(10)));
    CommandRun next = RunPrivacyFilter(TailArgs(env.server().url(), {"--durable", "fresh"}));
    const TailExpectation expected = ExpectedTail(env.client(), old_last_seq);
    CHECK(expected.lines.size() == 1);
    CHECK(Lines(next.out) == expected.lines);
    CHECK(next.out.find("\"trace_id\":\"" + trace_id + "\"") != std::string::npos);
  }

  TEST_CASE("--count ending inside a message prints the whole message; the next run goes on") {
    // Three events a message, none closed by time: six masks give two
    // messages of three events each.
    ServiceEnv env({"audit-tail-batches", 1,
                    {"--audit-batch-events", "3", "--audit-batch-delay-ms", "60000"}});
    NatsClient& client = env.client();
    MakeEvents(client, 6);
    std::map<uint64_t, std::vector<std::string>> lines_by_message;
    for (const AuditRecord& record : ReadAuditEvents(client)) {
      lines_by_message[record.stored->seq].push_back(record.line);
    }
    REQUIRE(lines_by_message.size() == 2);
    const auto& [first_seq, first_message] = *lines_by_message.begin();
    const auto& [second_seq, second_message] = *lines_by_message.rbegin();
    REQUIRE(first_message.size() == 3);
    REQUIRE(second_message.size() == 3);

    CommandRun first = RunPrivacyFilter(
        TailArgs(env.server().url(), {"--durable", "batches", "--from-start", "--count", "2"}));
    INFO(first.Describe());
    REQUIRE(first.status == 0);
    CHECK(Lines(first.out) == first_message);
    CHECK(ConsumerState(client, "batches") == std::pair<uint64_t, int64_t>{first_seq, 0});

    CommandRun second =
        RunPrivacyFilter(TailArgs(env.server().url(), {"--durable", "batches", "--count", "2"}));
    INFO(second.Describe());
    REQUIRE(second.status == 0);
    CHECK(Lines(second.out) == second_message);
    CHECK(ConsumerState(client, "batches") == std::pair<uint64_t, int64_t>{second_seq, 0});

    CommandRun third = RunPrivacyFilter(TailArgs(env.server().url(), {"--durable", "batches"}));
    CHECK(third.status == 0);
    CHECK(Lines(third.out).empty());
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
    const TailExpectation expected = ExpectedTail(env.client(), 0);
    CHECK(Lines(ReadFile(dir.path() / "stdout.log")) == expected.lines);
    tail.Signal(SIGTERM);
    auto status = tail.WaitFor(std::chrono::seconds(5));
    INFO(ReadFile(dir.path() / "stderr.log"));
    REQUIRE(status.has_value());
    CHECK(*status == 0);
    CHECK(ConsumerState(env.client(), "live") ==
          std::pair<uint64_t, int64_t>{expected.last_seq, 0});
  }
}
