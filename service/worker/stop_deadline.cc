#include "worker/stop_deadline.h"

#include <cstdlib>

namespace privacy::worker {

StopDeadline::StopDeadline(std::function<int()> at_deadline)
    : at_deadline_(std::move(at_deadline)) {}

StopDeadline::~StopDeadline() {
  Disarm();
  if (watcher_.joinable()) watcher_.join();
}

void StopDeadline::Arm(Clock::time_point deadline) {
  std::lock_guard lock(mutex_);
  if (watcher_.joinable() || disarmed_) return;
  watcher_ = std::thread([this, deadline] { Watch(deadline); });
}

bool StopDeadline::Disarm() {
  {
    std::lock_guard lock(mutex_);
    if (reached_) return false;
    disarmed_ = true;
  }
  disarmed_changed_.notify_all();
  return true;
}

void StopDeadline::Watch(Clock::time_point deadline) {
  {
    std::unique_lock lock(mutex_);
    if (disarmed_changed_.wait_until(lock, deadline, [this] { return disarmed_; })) return;
    reached_ = true;
  }
  std::_Exit(at_deadline_());
}

}  // namespace privacy::worker
