// The deployment files in deploy/: the compose file and Kubernetes
// manifests parse and hold their promises (scripts/check-deploy.py), and
// the manifests' probe command really checks a worker.
#include <doctest/doctest.h>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <filesystem>

#include "support/command_run.h"
#include "support/readiness.h"
#include "support/service_env.h"
#include "support/temp_dir.h"

using namespace privacy::testing;

namespace {

const std::string kCheckScript = std::string(TEST_DATA_DIR) + "/../../scripts/check-deploy.py";

// Runs scripts/check-deploy.py with `args`.
CommandRun CheckDeploy(std::vector<std::string> args) {
  std::vector<std::string> argv = {"python3", kCheckScript};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv);
}

}  // namespace

TEST_SUITE("deploy") {
  TEST_CASE("compose file and Kubernetes manifests parse and hold their promises") {
    CommandRun run = CheckDeploy({});
    INFO(run.Describe());
    CHECK(run.status == 0);
  }

  TEST_CASE("the manifests' probe command checks a real worker") {
    CommandRun probe = CheckDeploy({"--probe-command"});
    REQUIRE(probe.status == 0);
    google::protobuf::ListValue command;
    REQUIRE(google::protobuf::util::JsonStringToMessage(probe.out, &command).ok());
    // The manifest's command, with the binary under test and a private id
    // file in place of the container's.
    TempDir dir("privacy-it-probe");
    const std::string id_file = (dir.path() / "worker.id").string();
    std::vector<std::string> args;
    for (int i = 1; i < command.values_size(); ++i) {
      const std::string& arg = command.values(i).string_value();
      bool file_value = i > 1 && command.values(i - 1).string_value() == "--worker-file";
      args.push_back(file_value ? id_file : arg);
    }
    REQUIRE(command.values(0).string_value() == "privacy-filter");

    NatsServer server;
    const Environment env = {{"NATS_URL", server.url()}, {"WORKER_ID_FILE", id_file}};
    WorkerProcess worker(server.url(), {}, env);
    NatsClient client(server.url());
    WaitUntilReady(client, &worker);
    REQUIRE(PollUntil([&] { return std::filesystem::exists(id_file); }, std::chrono::seconds(5)));
    CommandRun healthy = RunPrivacyFilter(args, env);
    INFO(healthy.Describe());
    CHECK(healthy.status == 0);

    REQUIRE(worker.Stop() == 0);
    CHECK(RunPrivacyFilter(args, env).status == 1);
  }
}
