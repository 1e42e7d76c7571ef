// The bound on a worker's graceful stop: whatever NATS does (away, slow,
// flooded), the process ends by the deadline.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace privacy::worker {

// StopDeadline is safe for concurrent use. Once armed, it ends the process
// at the deadline (std::_Exit, no destructors) unless disarmed first; before
// that it calls `at_deadline`, which writes the stop's last log line and
// returns the exit code.
class StopDeadline {
 public:
  using Clock = std::chrono::steady_clock;

  explicit StopDeadline(std::function<int()> at_deadline);
  // Disarms and waits for the watching thread.
  ~StopDeadline();
  StopDeadline(const StopDeadline&) = delete;
  StopDeadline& operator=(const StopDeadline&) = delete;

  // Starts watching for `deadline`; once only.
  void Arm(Clock::time_point deadline);

  // Stops watching. False when the deadline has already been reached: the
  // process is ending, and the caller must not write its own last line.
  bool Disarm();

 private:
  void Watch(Clock::time_point deadline);

  std::function<int()> at_deadline_;
  std::mutex mutex_;
  std::condition_variable disarmed_changed_;
  bool disarmed_ = false;
  bool reached_ = false;
  std::thread watcher_;
};

}  // namespace privacy::worker
