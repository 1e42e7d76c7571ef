// The deployment files in deploy/: every file parses, names agree between
// them and the manifests hold their promises (scripts/check-deploy.py,
// which also finds planted disagreements), and the manifests' probe
// command really checks a worker.
#include <doctest/doctest.h>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "support/command_run.h"
#include "support/readiness.h"
#include "support/service_env.h"
#include "support/temp_dir.h"

using namespace privacy::testing;

namespace {

const std::string kCheckScript = std::string(TEST_DATA_DIR) + "/../../scripts/check-deploy.py";

// Runs scripts/check-deploy.py with `args`, with the binaries under test.
CommandRun CheckDeploy(std::vector<std::string> args) {
  std::vector<std::string> argv = {"python3", kCheckScript};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, {{"PRIVACY_FILTER_BIN", PrivacyFilterBinary()},
                           {"NATS_SERVER_BIN", NatsServerBinary()}});
}

// `path`'s text with the first `from` replaced by `to`.
void ReplaceInFile(const std::filesystem::path& path, const std::string& from,
                   const std::string& to) {
  std::ifstream in(path);
  std::string text(std::istreambuf_iterator<char>(in), {});
  const size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from, " not in ", path);
  text.replace(at, from.size(), to);
  std::ofstream(path) << text;
}

}  // namespace

TEST_SUITE("deploy") {
  TEST_CASE("every deploy file parses, names agree, manifests hold their promises") {
    CommandRun run = CheckDeploy({});
    INFO(run.Describe());
    CHECK(run.status == 0);
  }

  TEST_CASE("names that disagree between deploy files are found") {
    TempDir dir("privacy-it-deploy");
    const std::filesystem::path copy = dir.path() / "deploy";
    std::filesystem::copy(std::string(TEST_DATA_DIR) + "/../../deploy", copy,
                          std::filesystem::copy_options::recursive);
    ReplaceInFile(copy / "k8s" / "helm" / "nats-values.yaml", "user: tenant-b", "user: tenant-c");
    ReplaceInFile(copy / "k8s" / "helm" / "nats-values.yaml",
                  "key: TENANT_A_PASSWORD}", "key: TENANT_PASSWORD}");
    ReplaceInFile(copy / "k8s" / "deployment.yaml", "key: NATS_PASSWORD}", "key: PASSWORD}");
    ReplaceInFile(copy / "k8s" / "deployment.yaml", "name: LOG_LEVEL", "name: LOGLEVEL");
    ReplaceInFile(copy / "nats-accounts.conf", "{ service: \"privacy.delete\" }",
                  "{ service: \"privacy.erase\" }");
    CommandRun run = CheckDeploy({"--deploy-dir", copy.string()});
    INFO(run.Describe());
    CHECK(run.status == 1);
    for (const char* problem :
         {"config.merge.accounts differ from nats-accounts.conf",
          "TENANT_A_PASSWORD does not come from a secret key of its name",
          "NATS_PASSWORD refers to privacy-filter/PASSWORD",
          "LOGLEVEL is no variable privacy-filter serve reads",
          "PRIVACY exports", "nats-accounts.conf: nats-server -t"}) {
      CHECK_MESSAGE(run.out.find(problem) != std::string::npos, "not reported: ",
                    std::string(problem));
    }
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
