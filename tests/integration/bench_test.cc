// `privacy-filter bench`: against a real worker it reports well-formed JSON
// figures for every phase with zero errors; failed requests (error replies,
// no responders, timeouts) are counted and fail the run.
#include <doctest/doctest.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "support/jetstream_reader.h"
#include "nats/handles.h"
#include "support/service_env.h"
#include "support/temp_dir.h"

using namespace privacy::testing;
using google::protobuf::Struct;
using google::protobuf::Value;

namespace {

ServiceEnv& Env() {
  static SharedServiceEnv shared({"bench", 1});
  return shared.Get();
}

// One finished `privacy-filter bench --json` run.
struct BenchOutcome {
  ExitStatus exit_status = -1;
  std::string output;  // standard output: the JSON report
  std::string log;     // standard error
  Struct report;       // `output` parsed, when it is JSON
  std::string parse_error;
};

// Runs bench against `url` for 1 s per phase (0.2 s warm-up, 8 requesters)
// with the extra arguments `args`.
BenchOutcome RunBench(const std::string& url, const std::vector<std::string>& args) {
  TempDir dir("privacy-it-bench");
  ChildProcess::Options options;
  options.argv = {PrivacyFilterBinary(), "bench", "--nats-url", url, "--json", "--duration", "1",
                  "--warmup", "0.2", "--requesters", "8"};
  options.argv.insert(options.argv.end(), args.begin(), args.end());
  options.log_file = dir.path() / "bench.log";
  options.stdout_file = dir.path() / "bench.json";
  ChildProcess bench(options);
  auto status = bench.WaitFor(std::chrono::seconds(60));
  REQUIRE_MESSAGE(status.has_value(), "bench did not finish: ", bench.CommandLine());

  BenchOutcome outcome;
  outcome.exit_status = *status;
  outcome.log = bench.Log();
  std::ifstream in(options.stdout_file);
  std::ostringstream text;
  text << in.rdbuf();
  outcome.output = text.str();
  auto parsed = google::protobuf::util::JsonStringToMessage(outcome.output, &outcome.report);
  if (!parsed.ok()) outcome.parse_error = std::string(parsed.message());
  return outcome;
}

const Value& Field(const Struct& object, const std::string& key) {
  auto it = object.fields().find(key);
  REQUIRE_MESSAGE(it != object.fields().end(), "no field ", key);
  return it->second;
}

double Number(const Struct& object, const std::string& key) {
  const Value& value = Field(object, key);
  REQUIRE_MESSAGE(value.kind_case() == Value::kNumberValue, key, " is not a number");
  return value.number_value();
}

std::string Text(const Struct& object, const std::string& key) {
  const Value& value = Field(object, key);
  REQUIRE_MESSAGE(value.kind_case() == Value::kStringValue, key, " is not a string");
  return value.string_value();
}

// The report's phases, by name in run order.
std::vector<std::pair<std::string, Struct>> Phases(const BenchOutcome& outcome) {
  const Value& phases = Field(outcome.report, "phases");
  REQUIRE(phases.kind_case() == Value::kListValue);
  std::vector<std::pair<std::string, Struct>> out;
  for (const Value& phase : phases.list_value().values()) {
    REQUIRE(phase.kind_case() == Value::kStructValue);
    out.emplace_back(Text(phase.struct_value(), "phase"), phase.struct_value());
  }
  return out;
}

// The phases of a report that ran `phase_count` phases and exited with
// `exit_status`.
std::vector<std::pair<std::string, Struct>> CheckedPhases(const BenchOutcome& outcome,
                                                          ExitStatus exit_status,
                                                          size_t phase_count) {
  CHECK(outcome.exit_status == exit_status);
  REQUIRE_MESSAGE(outcome.parse_error.empty(), outcome.parse_error);
  auto phases = Phases(outcome);
  REQUIRE(phases.size() == phase_count);
  return phases;
}

// Streams the stored-echo phase made and has not deleted.
std::vector<std::string> ScratchStreams(NatsClient& client) {
  std::vector<std::string> scratch;
  for (const std::string& name : StreamNames(client)) {
    if (name.rfind("BENCH_STORE_", 0) == 0) scratch.push_back(name);
  }
  return scratch;
}

// Checks a phase that ran cleanly: requests answered, ordered latencies.
void CheckCleanPhase(const std::string& name, const Struct& phase) {
  CAPTURE(name);
  CHECK(Number(phase, "errors") == 0);
  CHECK(Text(phase, "first_error").empty());
  CHECK(Number(phase, "requests") > 0);
  CHECK(Number(phase, "seconds") >= 0.9);
  CHECK(Number(phase, "rps") ==
        doctest::Approx(Number(phase, "requests") / Number(phase, "seconds")).epsilon(0.01));
  CHECK(Number(phase, "p50_us") > 0);
  CHECK(Number(phase, "p50_us") <= Number(phase, "p90_us"));
  CHECK(Number(phase, "p90_us") <= Number(phase, "p99_us"));
  CHECK(Number(phase, "p99_us") <= Number(phase, "max_us"));
}

}  // namespace

TEST_SUITE("bench") {
  TEST_CASE("every phase answers requests without error, figures relative to the echo") {
    const auto before = GetStream(Env().client(), "KV_privacy_sessions");
    BenchOutcome outcome = RunBench(Env().server().url(), {});
    INFO("stdout: ", outcome.output, "\nstderr: ", outcome.log);
    auto phases = CheckedPhases(outcome, 0, 5);
    CHECK(outcome.log.find("bench: phase") == std::string::npos);  // not a terminal
    CHECK(Number(outcome.report, "errors") == 0);
    CHECK(Number(outcome.report, "requesters") == 8);
    CHECK(Text(outcome.report, "encoding") == "json");
    CHECK(phases[0].first == "echo");
    CHECK(phases[1].first == "stored-echo");
    CHECK(phases[2].first == "mask");
    CHECK(phases[3].first == "resolve");
    CHECK(phases[4].first == "demask");
    CHECK(Text(phases[2].second, "subject") == "privacy.mask");
    const double echo_rps = Number(phases[0].second, "rps");
    const double echo_p99 = Number(phases[0].second, "p99_us");
    for (const auto& [name, phase] : phases) {
      CheckCleanPhase(name, phase);
      CHECK(Number(phase, "rps_ratio") ==
            doctest::Approx(Number(phase, "rps") / echo_rps).epsilon(0.01));
      CHECK(Number(phase, "p99_ratio") ==
            doctest::Approx(Number(phase, "p99_us") / echo_p99).epsilon(0.01));
    }
    // The masks really went through the worker: each stored a new session.
    const auto after = GetStream(Env().client(), "KV_privacy_sessions");
    REQUIRE(after.has_value());
    const uint64_t sessions_before = before ? before->messages : 0;
    CHECK(after->messages - sessions_before >= Number(phases[2].second, "requests"));
    CHECK(ScratchStreams(Env().client()).empty());
  }

  TEST_CASE("the stored echo writes every request to a scratch stream it deletes at the end") {
    NatsServer server;
    NatsClient client(server.url());
    TempDir dir("privacy-it-bench");
    ChildProcess::Options options;
    options.argv = {PrivacyFilterBinary(), "bench", "--nats-url", server.url(), "--json",
                    "--phases", "stored-echo", "--duration", "2", "--warmup", "0.2",
                    "--requesters", "8"};
    options.log_file = dir.path() / "bench.log";
    ChildProcess bench(options);
    // While the phase runs, its scratch stream fills with one message per
    // request, each under a subject of its own (as sessions are).
    std::optional<StreamSummary> scratch;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < give_up && bench.Running()) {
      auto names = ScratchStreams(client);
      if (!names.empty()) scratch = GetStream(client, names.front());
      if (scratch && scratch->messages >= 100) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE_MESSAGE(scratch.has_value(), "no scratch stream seen: ", bench.LogTail());
    CHECK(scratch->messages >= 100);
    CHECK(scratch->messages == scratch->last_seq);  // one subject per request
    REQUIRE(scratch->subjects.size() == 1);
    CHECK(scratch->subjects[0].rfind("_bench.store.", 0) == 0);
    // What is stored has the request's size, not its text.
    natsMsg* raw = nullptr;
    ThrowIfNotOk(js_GetMsg(&raw, client.jetstream(), scratch->name.c_str(), 1, nullptr, nullptr),
                 "reading the first stored request");
    privacy::nats::MsgPtr stored(raw);
    const std::string data(natsMsg_GetData(stored.get()),
                           static_cast<size_t>(natsMsg_GetDataLength(stored.get())));
    CHECK(data.size() > 100);
    CHECK(data.find("Gonzalez") == std::string::npos);
    auto status = bench.WaitFor(std::chrono::seconds(30));
    REQUIRE(status.has_value());
    CHECK(*status == 0);
    CHECK(ScratchStreams(client).empty());
  }

  TEST_CASE("a stored echo that cannot make its scratch stream fails the run at start") {
    NatsServer server;
    NatsClient client(server.url());
    // A stream already holding every subject the scratch stream would take.
    const char* subjects[] = {"_bench.store.>"};
    jsStreamConfig config;
    jsStreamConfig_Init(&config);
    config.Name = "SQUATTER";
    config.Subjects = subjects;
    config.SubjectsLen = 1;
    jsErrCode code = static_cast<jsErrCode>(0);
    ThrowIfNotOk(js_AddStream(nullptr, client.jetstream(), &config, nullptr, &code),
                 "adding the stream");
    BenchOutcome outcome = RunBench(server.url(), {"--phases", "echo,stored-echo"});
    CHECK(outcome.exit_status == 1);
    CHECK(outcome.output.empty());
    CHECK(outcome.log.find("starting the stored echo responder") != std::string::npos);
  }

  TEST_CASE("Protobuf requests: resolve and demask on the session of a setup mask") {
    BenchOutcome outcome =
        RunBench(Env().server().url(), {"--encoding", "protobuf", "--phases", "resolve,demask"});
    INFO("stdout: ", outcome.output, "\nstderr: ", outcome.log);
    auto phases = CheckedPhases(outcome, 0, 2);
    CHECK(Text(outcome.report, "encoding") == "protobuf");
    CHECK(phases[0].first == "resolve");
    CHECK(phases[1].first == "demask");
    for (const auto& [name, phase] : phases) {
      CheckCleanPhase(name, phase);
      CHECK(Field(phase, "rps_ratio").kind_case() == Value::kNullValue);
    }
  }

  TEST_CASE("error replies are counted and fail the run") {
    // Invalid UTF-8 is not a valid Protobuf string: every mask gets a 400.
    BenchOutcome outcome = RunBench(Env().server().url(), {"--encoding", "protobuf", "--phases",
                                                           "echo,mask", "--text", "bad \xff text"});
    INFO("stdout: ", outcome.output, "\nstderr: ", outcome.log);
    auto phases = CheckedPhases(outcome, 2, 2);
    CheckCleanPhase("echo", phases[0].second);
    const Struct& mask = phases[1].second;
    CHECK(Number(mask, "requests") == 0);
    CHECK(Number(mask, "errors") > 0);
    CHECK(Text(mask, "first_error").find("400") != std::string::npos);
    CHECK(Number(outcome.report, "errors") == Number(mask, "errors"));
  }

  TEST_CASE("without a worker, requests fail with no responders and setup fails") {
    NatsServer server;
    BenchOutcome outcome = RunBench(server.url(), {"--phases", "echo,mask"});
    INFO("stdout: ", outcome.output, "\nstderr: ", outcome.log);
    auto phases = CheckedPhases(outcome, 2, 2);
    CheckCleanPhase("echo", phases[0].second);
    CHECK(Number(phases[1].second, "errors") > 0);
    CHECK(Text(phases[1].second, "first_error") == "no responders");

    // Resolve needs a session from a setup mask, which cannot be made.
    BenchOutcome setup = RunBench(server.url(), {"--phases", "resolve"});
    CHECK(setup.exit_status == 1);
    CHECK(setup.output.empty());
    CHECK(setup.log.find("setup mask") != std::string::npos);
  }

  TEST_CASE("a request left unanswered counts as a timeout error") {
    NatsServer server;
    NatsClient silent(server.url());
    natsSubscription* raw = nullptr;
    ThrowIfNotOk(natsConnection_SubscribeSync(&raw, silent.connection(), "privacy.mask"),
                 "subscribing");
    privacy::nats::SubscriptionPtr subscription(raw);
    natsSubscription_SetPendingLimits(raw, -1, -1);
    ThrowIfNotOk(natsConnection_Flush(silent.connection()), "flushing");

    BenchOutcome outcome = RunBench(server.url(), {"--phases", "mask", "--timeout-ms", "300"});
    INFO("stdout: ", outcome.output, "\nstderr: ", outcome.log);
    auto phases = CheckedPhases(outcome, 2, 1);
    CHECK(Number(phases[0].second, "requests") == 0);
    // 8 requesters time out about every 0.3 s over 1.2 s, then once more
    // while draining.
    CHECK(Number(phases[0].second, "errors") >= 16);
    CHECK(Text(phases[0].second, "first_error") == "timeout");
  }
}
