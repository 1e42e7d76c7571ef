#include "common/retry_queue.h"

#include <algorithm>

#include "common/clocks.h"

namespace privacy {

int64_t BackoffDelayMs(int failures, uint32_t random) {
  constexpr int64_t kFirstMs = 250;
  constexpr int kMaxDoublings = 5;
  int64_t delay = kFirstMs << std::clamp(failures - 1, 0, kMaxDoublings);
  return delay - static_cast<int64_t>(random % static_cast<uint32_t>(delay / 2 + 1));
}

RetryQueue::RetryQueue(size_t capacity, std::function<int64_t()> now_ms)
    : capacity_(capacity), now_ms_(now_ms ? std::move(now_ms) : MonotonicNowMs) {}

bool RetryQueue::Add(RetryItem item, int64_t delay_ms) {
  std::lock_guard lock(mutex_);
  if (events_ + item.events > capacity_) {
    dropped_ += item.events;
    return false;
  }
  events_ += item.events;
  by_due_time_.emplace(now_ms_() + delay_ms, std::move(item));
  return true;
}

std::vector<RetryItem> RetryQueue::TakeDue(size_t max) {
  std::lock_guard lock(mutex_);
  std::vector<RetryItem> due;
  const int64_t now = now_ms_();
  while (due.size() < max && !by_due_time_.empty() && by_due_time_.begin()->first <= now) {
    due.push_back(std::move(by_due_time_.extract(by_due_time_.begin()).mapped()));
    events_ -= due.back().events;
  }
  return due;
}

std::vector<RetryItem> RetryQueue::TakeAll() {
  std::lock_guard lock(mutex_);
  std::vector<RetryItem> all;
  all.reserve(by_due_time_.size());
  for (auto& [due, item] : by_due_time_) all.push_back(std::move(item));
  by_due_time_.clear();
  events_ = 0;
  return all;
}

size_t RetryQueue::size() const {
  std::lock_guard lock(mutex_);
  return events_;
}

uint64_t RetryQueue::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

}  // namespace privacy
