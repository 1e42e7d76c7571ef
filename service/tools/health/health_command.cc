#include "tools/health/health_command.h"

#include <iostream>
#include <memory>

#include "tools/health/health_check.h"
#include "tools/health/health_report.h"
#include "cli/connect_flags.h"
#include "cli/worker_id_file.h"
#include "nats/connection.h"

namespace privacy::tools {

namespace {

// Settings of one `health` run.
struct HealthCommandOptions {
  std::shared_ptr<const cli::ConnectFlags> connect_flags;
  HealthCheckOptions check;
  std::string worker_file;
  int64_t timeout_ms = 2000;
  bool json = false;
};

// The findings of a check that could not start.
HealthFindings NotChecked(std::string problem) {
  HealthFindings findings;
  findings.problems.push_back(std::move(problem));
  findings.round_trip.error = "not attempted";
  return findings;
}

int Report(const HealthFindings& findings, bool json) {
  if (json) {
    std::cout << JsonHealthReport(findings) << "\n";
  } else {
    std::cout << HumanHealthReport(findings);
  }
  return findings.healthy() ? 0 : 1;
}

int RunHealth(HealthCommandOptions options) {
  const auto started = std::chrono::steady_clock::now();
  const std::chrono::milliseconds timeout(options.timeout_ms);
  if (!options.worker_file.empty()) {
    auto id = cli::ReadWorkerIdFile(options.worker_file);
    if (!id) return Report(NotChecked(id.error().message), options.json);
    options.check.worker_id = *id;
  }
  auto connect = options.connect_flags->Resolve();
  if (!connect) return Report(NotChecked(connect.error().message), options.json);
  Logger logger(LogLevel::kError);
  connect->name = "privacy-filter-health";
  connect->connect_timeout_ms = options.timeout_ms / 2;
  auto conn = nats::Connect(*connect, &logger);
  if (!conn) return Report(NotChecked(conn.error().message), options.json);
  // The check gets what the connection left of the time limit.
  options.check.timeout = timeout - std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now() - started);
  return Report(CheckHealth((*conn)->get(), options.check), options.json);
}

}  // namespace

void AddHealthCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<HealthCommandOptions>();
  auto* health = app->add_subcommand(
      "health", "check one worker (--worker) or all workers over NATS; exit 0 when healthy");
  options->connect_flags = std::make_shared<cli::ConnectFlags>(health);
  auto* worker = health->add_option("--worker", options->check.worker_id,
                                    "id of the worker to check (as in $SRV.PING); default: all");
  health
      ->add_option("--worker-file", options->worker_file,
                   "file holding the id of the worker to check (serve --id-file)")
      ->excludes(worker);
  health->add_option("--timeout-ms", options->timeout_ms, "the whole check's time limit")
      ->check(CLI::Range(int64_t{100}, int64_t{60000}))
      ->capture_default_str();
  health->add_flag("--json", options->json, "print one JSON object instead of text");
  health->callback([=] { *run = [=] { return RunHealth(*options); }; });
}

}  // namespace privacy::tools
