#include "support/command_run.h"

#include <fstream>
#include <iterator>
#include <sstream>

#include "support/temp_dir.h"

namespace privacy::testing {

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

std::string CommandRun::Describe() const {
  return DescribeExitStatus(status) + "\nstdout:\n" + out + "\nstderr:\n" + err;
}

CommandRun RunPrivacyFilter(const std::vector<std::string>& args, const Environment& env,
                            std::chrono::milliseconds timeout) {
  std::vector<std::string> argv = {PrivacyFilterBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, env, timeout);
}

CommandRun RunCommand(const std::vector<std::string>& argv, const Environment& env,
                      std::chrono::milliseconds timeout) {
  TempDir dir("privacy-it-command");
  ChildProcess::Options options;
  options.argv = argv;
  options.log_file = dir.path() / "stderr.log";
  options.stdout_file = dir.path() / "stdout.log";
  options.env = env;
  ChildProcess process(options);
  CommandRun run;
  if (auto status = process.WaitFor(timeout)) {
    run.status = *status;
  } else {
    run.status = process.Stop();
    run.err = "(still running after " + std::to_string(timeout.count()) + " ms: stopped)\n";
  }
  run.out = ReadFile(options.stdout_file);
  run.err += ReadFile(options.log_file);
  return run;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace privacy::testing
