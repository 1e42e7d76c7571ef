// privacy-filter: the worker (`serve`), its clients (`mask`, `detect`,
// `resolve`, `demask`, `delete`), `eval`, `keygen`, `bench`, `health` and
// `audit`, in one binary.
#include <CLI/CLI.hpp>
#include <google/protobuf/stubs/logging.h>
#include <nats/nats.h>

#include <functional>

#include "tools/bench/bench_command.h"
#include "tools/audit_command.h"
#include "tools/client_commands.h"
#include "tools/eval_command.h"
#include "tools/expiry_command.h"
#include "tools/health/health_command.h"
#include "tools/keygen_command.h"
#include "worker/worker.h"

namespace {
// Protobuf's own log lines could mention field contents; the service reports
// parse failures itself.
void DiscardProtobufLog(google::protobuf::LogLevel, const char*, int, const std::string&) {}
}  // namespace

int main(int argc, char** argv) {
  google::protobuf::SetLogHandler(&DiscardProtobufLog);
  // nats.c spins 2000 times on a busy lock before it sleeps; with few cores
  // shared with nats-server the spinning costs more than it saves.
  nats_Open(0);
  CLI::App app{"privacy-filter: keeps personal data out of LLM prompts, over NATS"};
  app.set_version_flag("--version", PRIVACY_FILTER_VERSION);
  app.require_subcommand(1);

  std::function<int()> run;
  privacy::worker::ServeConfig serve_config;
  auto* serve = app.add_subcommand("serve", "run a worker");
  privacy::worker::AddServeOptions(serve, &serve_config);
  serve->callback([&] { run = [&] { return privacy::worker::RunWorker(serve_config); }; });

  privacy::tools::AddClientCommands(&app, &run);
  privacy::tools::AddEvalCommand(&app, &run);
  privacy::tools::AddKeygenCommand(&app, &run);
  privacy::tools::AddBenchCommand(&app, &run);
  privacy::tools::AddHealthCommand(&app, &run);
  privacy::tools::AddAuditCommand(&app, &run);
  privacy::tools::AddExpiryCommand(&app, &run);

  CLI11_PARSE(app, argc, argv);
  return run ? run() : 0;
}
