#include "support/child_process.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace privacy::testing {
namespace {

ExitStatus FromWaitStatus(int wstatus) {
  if (WIFEXITED(wstatus)) return WEXITSTATUS(wstatus);
  if (WIFSIGNALED(wstatus)) return 128 + WTERMSIG(wstatus);
  return -1;
}

}  // namespace

std::string DescribeExitStatus(ExitStatus status) {
  if (status >= 128) return "signal " + std::to_string(status - 128);
  return "exit " + std::to_string(status);
}

ChildProcess::ChildProcess(Options options) : options_(std::move(options)) {
  if (options_.argv.empty()) throw std::invalid_argument("ChildProcess: empty argv");

  // Everything the child needs is prepared before fork(): after fork() in a
  // multi-threaded process only async-signal-safe calls are allowed.
  std::vector<char*> argv;
  for (auto& a : options_.argv) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::map<std::string, std::string> env_map;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string kv(*e);
    auto eq = kv.find('=');
    if (eq != std::string::npos) env_map[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  for (const auto& [k, v] : options_.env) env_map[k] = v;
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : env_map) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  int log_fd = ::open(options_.log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    throw std::runtime_error("open(" + options_.log_file.string() + "): " + std::strerror(errno));
  }
  int out_fd = options_.stdout_file.empty()
                   ? ::fcntl(log_fd, F_DUPFD_CLOEXEC, 0)
                   : ::open(options_.stdout_file.c_str(),
                            O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (out_fd < 0) {
    ::close(log_fd);
    throw std::runtime_error("open(" + options_.stdout_file.string() + "): " + std::strerror(errno));
  }
  int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  const pid_t parent = ::getpid();

  pid_ = ::fork();
  if (pid_ == 0) {
    // Child: die with the test binary, redirect output, close inherited fds.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    ::setpgid(0, 0);
    if (null_fd >= 0) ::dup2(null_fd, STDIN_FILENO);
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(log_fd, STDERR_FILENO);
    ::close_range(3, ~0U, 0);
    ::execvpe(argv[0], argv.data(), envp.data());
    const char msg[] = "ChildProcess: exec failed\n";
    [[maybe_unused]] auto n = ::write(STDERR_FILENO, msg, sizeof msg - 1);
    ::_exit(127);
  }
  const int fork_errno = errno;
  ::close(log_fd);
  ::close(out_fd);
  if (null_fd >= 0) ::close(null_fd);
  if (pid_ < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(fork_errno));
}

ChildProcess::~ChildProcess() {
  try {
    Stop();
  } catch (...) {
  }
}

bool ChildProcess::Running() {
  if (status_ || pid_ <= 0) return false;
  int wstatus = 0;
  pid_t r = ::waitpid(pid_, &wstatus, WNOHANG);
  if (r == pid_) {
    status_ = FromWaitStatus(wstatus);
    return false;
  }
  return r == 0;
}

std::optional<ExitStatus> ChildProcess::WaitFor(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (Running()) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return status_;
}

void ChildProcess::Signal(int signal) {
  if (Running()) ::kill(pid_, signal);
}

ExitStatus ChildProcess::Stop(std::chrono::milliseconds grace) {
  if (!Running()) return status_.value_or(-1);
  ::kill(pid_, SIGTERM);
  if (auto st = WaitFor(grace)) return *st;
  ::kill(pid_, SIGKILL);
  int wstatus = 0;
  if (::waitpid(pid_, &wstatus, 0) == pid_) status_ = FromWaitStatus(wstatus);
  return status_.value_or(-1);
}

std::string ChildProcess::Log() const {
  std::ifstream in(options_.log_file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string ChildProcess::LogTail(size_t max_bytes) const {
  std::string log = Log();
  if (log.size() <= max_bytes) return log;
  return "[...]" + log.substr(log.size() - max_bytes);
}

std::string ChildProcess::CommandLine() const {
  std::string out;
  for (const auto& a : options_.argv) {
    if (!out.empty()) out += ' ';
    out += a;
  }
  return out;
}

}  // namespace privacy::testing
