// Progress lines of long work: `eval` and `bench` show one on a terminal
// (a pseudo-terminal from script(1)), and never when output is not one.
#include <doctest/doctest.h>

#include "support/command_run.h"
#include "support/service_env.h"

using namespace privacy::testing;

namespace {

const std::string kCorpus = std::string(TEST_DATA_DIR) + "/detect/names.jsonl";
// Back to the line's start, and erase it.
const std::string kErase = "\r\033[K";

// `args` of privacy-filter run on a pseudo-terminal; all it printed.
CommandRun OnTerminal(const std::vector<std::string>& args) {
  std::string command = "'" + PrivacyFilterBinary() + "'";
  for (const std::string& arg : args) command += " '" + arg + "'";
  return RunCommand({"script", "-qec", command, "/dev/null"}, {}, std::chrono::seconds(60));
}

}  // namespace

TEST_SUITE("progress") {
  TEST_CASE("eval shows its progress on a terminal, erased before the report") {
    CommandRun run = OnTerminal({"eval", kCorpus, "--types", "PERSON"});
    INFO(run.Describe());
    CHECK(run.status == 0);
    const size_t progress = run.out.find(kErase + "eval: 1 of 137 texts (0%)");
    CHECK(progress != std::string::npos);
    const size_t report = run.out.find("micro");
    CHECK(report != std::string::npos);
    CHECK(progress < report);
    CHECK(run.out.find(kErase + "type") != std::string::npos);  // erased
  }

  TEST_CASE("eval shows no progress when its output is not a terminal") {
    CommandRun run = RunPrivacyFilter({"eval", kCorpus, "--types", "PERSON"});
    INFO(run.Describe());
    CHECK(run.status == 0);
    CHECK(run.err.empty());
    CHECK(run.out.find('\r') == std::string::npos);
    CHECK(run.out.find("micro") != std::string::npos);
  }

  TEST_CASE("bench shows the phase it runs on a terminal") {
    ServiceEnv env({"progress-bench"});
    CommandRun run = OnTerminal({"bench", "--nats-url", env.server().url(), "--phases",
                                 "echo,mask", "--duration", "0.3", "--warmup", "0",
                                 "--requesters", "2"});
    INFO(run.Describe());
    CHECK(run.status == 0);
    CHECK(run.out.find(kErase + "bench: phase 1 of 2, echo") != std::string::npos);
    CHECK(run.out.find(kErase + "bench: phase 2 of 2, mask") != std::string::npos);
  }
}
