// Steady client load for fault tests: threads that each mask a fresh value
// into a new session and resolve its token back, over and over, recording
// every outcome with its time, until stopped.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/nats_client.h"

namespace privacy::testing {

// One request of the load and how it ended.
struct LoadOutcome {
  std::chrono::steady_clock::time_point sent;
  std::chrono::steady_clock::time_point done;
  std::string endpoint;  // "mask" or "resolve"
  bool ok = false;
  std::string failure;  // "timeout", "no responders", "503", ...; empty when ok
};

// A session the load created: its id, the token of its value, the value,
// and whether resolving the token right after succeeded.
struct LoadSession {
  std::string session_id;
  std::string token;
  std::string value;
  bool resolved = false;
};

// Starts `threads` threads on construction, thread i connected to
// urls[i % urls.size()]; Stop() (or the destructor) ends them.
class MaskLoad {
 public:
  MaskLoad(std::vector<std::string> urls, int threads,
           std::chrono::milliseconds request_timeout = std::chrono::seconds(3));
  ~MaskLoad();
  MaskLoad(const MaskLoad&) = delete;
  MaskLoad& operator=(const MaskLoad&) = delete;

  size_t successes() const { return successes_.load(); }
  // Waits until at least `count` requests have succeeded; false on timeout.
  bool WaitForSuccesses(size_t count, std::chrono::milliseconds timeout);
  void Stop();

  // Valid after Stop().
  const std::vector<LoadOutcome>& outcomes() const { return outcomes_; }
  const std::vector<LoadSession>& sessions() const { return sessions_; }
  std::vector<LoadOutcome> failures() const;
  // From the sending of the first failed request to the end of the last
  // one; zero without failures.
  std::chrono::milliseconds FailureWindow() const;
  // "N requests, M failed (kinds...)" for messages.
  std::string Summary() const;

 private:
  void Run(int thread, const std::string& url);
  void Record(LoadOutcome outcome);

  const std::chrono::milliseconds request_timeout_;
  std::atomic<bool> stopping_{false};
  std::atomic<size_t> successes_{0};
  std::mutex mutex_;
  std::vector<LoadOutcome> outcomes_;
  std::vector<LoadSession> sessions_;
  std::vector<std::thread> threads_;
};

}  // namespace privacy::testing
