// privacy-filter: the worker (`serve`), its clients (`mask`, `detect`,
// `resolve`, `demask`, `delete`), `eval`, `keygen`, `bench`, `health` and
// `audit`, in one binary.
#include <CLI/CLI.hpp>
#include <google/protobuf/stubs/logging.h>
#include <nats/nats.h>

#include <functional>

#include "app/bench_command.h"
#include "app/audit_command.h"
#include "app/client_commands.h"
#include "app/eval_command.h"
#include "app/health_command.h"
#include "app/keygen_command.h"
#include "app/worker.h"

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
  privacy::app::ServeConfig serve_config;
  auto* serve = app.add_subcommand("serve", "run a worker");
  privacy::app::AddServeOptions(serve, &serve_config);
  serve->callback([&] { run = [&] { return privacy::app::RunWorker(serve_config); }; });

  privacy::app::AddClientCommands(&app, &run);
  privacy::app::AddEvalCommand(&app, &run);
  privacy::app::AddKeygenCommand(&app, &run);
  privacy::app::AddBenchCommand(&app, &run);
  privacy::app::AddHealthCommand(&app, &run);
  privacy::app::AddAuditCommand(&app, &run);

  CLI11_PARSE(app, argc, argv);
  return run ? run() : 0;
}
