#include "tools/bench/bench_command.h"

#include <cmath>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "tools/bench/bench_report.h"
#include "tools/bench/bench_workload.h"
#include "tools/bench/echo_responder.h"
#include "tools/bench/pipelined_load.h"
#include "cli/connect_flags.h"
#include "tools/bench/stored_echo_responder.h"
#include "common/progress_line.h"
#include "vault/random.h"

namespace privacy::tools {

namespace {

// A prompt of the kind an assistant receives, with a name, a date, an email
// address, a phone number, a card number and an IBAN.
constexpr const char* kDefaultText =
    "Hi, this is Maria Gonzalez. Please move my flight to Madrid to 2024-03-15 and send the "
    "confirmation to maria.gonzalez@example.com or text me on +1 415 555 0132. Charge the "
    "change fee to my card 4111 1111 1111 1111; if that fails, debit my account "
    "DE89 3704 0044 0532 0130 00. Thanks!";

// The bench subcommand's settings.
struct BenchOptions {
  std::shared_ptr<const cli::ConnectFlags> connect_flags;
  int requesters = 32;
  double duration_seconds = 5;
  double warmup_seconds = 1;
  int64_t timeout_ms = 5000;
  std::string encoding = "json";
  std::string text = kDefaultText;
  std::vector<std::string> phases = {std::begin(kBenchPhases), std::end(kBenchPhases)};
  bool json = false;
};

std::chrono::milliseconds Millis(double seconds) {
  return std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
}

int Fail(const std::string& what, const Error& error) {
  std::cerr << "bench: " << what << ": " << error.message << "\n";
  return 1;
}

int RunBench(const BenchOptions& options) {
  auto resolved = options.connect_flags->Resolve();
  if (!resolved) return Fail("connection settings", resolved.error());
  Logger logger(LogLevel::kError);
  nats::ConnectOptions connect = *resolved;
  connect.name = "privacy-filter-bench";
  auto connection = nats::Connect(connect, &logger);
  if (!connection) return Fail("connecting", connection.error());

  WorkloadSettings settings;
  settings.encoding = options.encoding == "json" ? wire::Encoding::kJson : wire::Encoding::kProtobuf;
  settings.text = options.text;
  settings.phases = options.phases;
  settings.request_timeout = std::chrono::milliseconds(options.timeout_ms);
  std::unique_ptr<EchoResponder> echo;
  if (Selected(settings, "echo")) {
    connect.name = "privacy-filter-bench-echo";
    auto started = EchoResponder::Start(connect, "_bench.echo." + vault::RandomHex(8), &logger);
    if (!started) return Fail("starting the echo responder", started.error());
    echo = std::move(*started);
    settings.echo_subject = echo->subject();
  }
  std::unique_ptr<StoredEchoResponder> stored_echo;
  if (Selected(settings, "stored-echo")) {
    connect.name = "privacy-filter-bench-stored-echo";
    auto started =
        StoredEchoResponder::Start(connect, "_bench.stored_echo." + vault::RandomHex(8), &logger);
    if (!started) return Fail("starting the stored echo responder", started.error());
    stored_echo = std::move(*started);
    settings.stored_echo_subject = stored_echo->subject();
  }
  auto requests = PrepareWorkload((*connection)->get(), settings);
  if (!requests) return Fail("preparing the requests", requests.error());

  BenchRun run;
  run.requesters = options.requesters;
  run.duration_seconds = options.duration_seconds;
  run.warmup_seconds = options.warmup_seconds;
  run.encoding = options.encoding;
  run.text_bytes = options.text.size();
  ProgressLine progress = ProgressLine::OnTerminal();
  for (const PhaseRequest& request : *requests) {
    progress.Show("bench: phase " + std::to_string(run.phases.size() + 1) + " of " +
                  std::to_string(requests->size()) + ", " + request.phase + " (" +
                  std::to_string(std::lround(options.warmup_seconds + options.duration_seconds)) + " s)");
    LoadSpec spec;
    spec.subject = request.subject;
    spec.payload = request.payload;
    spec.headers = request.headers;
    spec.requesters = options.requesters;
    spec.warmup = Millis(options.warmup_seconds);
    spec.duration = Millis(options.duration_seconds);
    spec.request_timeout = std::chrono::milliseconds(options.timeout_ms);
    auto result = RunPipelinedLoad((*connection)->get(), spec);
    if (!result) return Fail(request.phase, result.error());
    run.phases.push_back({request.phase, request.subject, std::move(*result)});
  }
  progress.Finish();
  std::cout << (options.json ? FormatJson(run) : FormatTable(run)) << std::flush;
  return run.TotalErrors() == 0 ? 0 : 2;
}

}  // namespace

void AddBenchCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<BenchOptions>();
  auto* bench = app->add_subcommand(
      "bench", "load the privacy.* endpoints at --nats-url and compare them with a NATS echo");
  options->connect_flags = std::make_shared<cli::ConnectFlags>(bench);
  bench->add_option("--requesters", options->requesters, "requests in flight at once")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  bench->add_option("--duration", options->duration_seconds, "measured seconds per phase")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  bench->add_option("--warmup", options->warmup_seconds,
                    "seconds of load before each phase's measurement, not counted")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  bench->add_option("--timeout-ms", options->timeout_ms,
                    "a request unanswered this long counts as an error")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  bench->add_option("--encoding", options->encoding, "request encoding")
      ->check(CLI::IsMember({"json", "protobuf"}))
      ->capture_default_str();
  bench->add_option("--text", options->text, "the text to mask (default: a prompt with PII)");
  bench->add_option("--phases", options->phases, "phases to run, comma-separated")
      ->delimiter(',')
      ->check(
          CLI::IsMember(std::vector<std::string>(std::begin(kBenchPhases), std::end(kBenchPhases))))
      ->capture_default_str();
  bench->add_flag("--json", options->json, "print the results as JSON, for scripts");
  bench->callback([options, run] { *run = [options] { return RunBench(*options); }; });
}

}  // namespace privacy::tools
