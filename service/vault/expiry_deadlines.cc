#include "vault/expiry_deadlines.h"

#include <algorithm>

#include "common/clocks.h"

namespace privacy::vault {

ExpiryDeadlines::ExpiryDeadlines(int64_t spread_ms, std::function<int64_t()> now_ms,
                                 uint32_t seed)
    : spread_ms_(std::max<int64_t>(spread_ms, 0)),
      now_ms_(now_ms ? std::move(now_ms) : UnixNowMs),
      rng_(seed) {}

void ExpiryDeadlines::ScheduleLocked(const std::string& key, const Deadline& deadline) {
  auto [it, inserted] = by_key_.try_emplace(key, deadline);
  if (!inserted) {
    by_time_.erase({it->second.check_at_ms, it->first});
    it->second = deadline;
  }
  bool earliest = by_time_.empty() || deadline.check_at_ms < by_time_.begin()->first;
  by_time_.emplace(deadline.check_at_ms, it->first);
  if (earliest) changed_.notify_all();
}

void ExpiryDeadlines::Track(std::string_view key, uint64_t revision, int64_t expires_at_ms) {
  std::lock_guard lock(mutex_);
  std::string owned(key);
  auto it = by_key_.find(owned);
  if (it != by_key_.end() && revision <= it->second.revision) return;
  int64_t delay = std::uniform_int_distribution<int64_t>(0, spread_ms_)(rng_);
  ScheduleLocked(owned, {revision, expires_at_ms, expires_at_ms + delay});
}

void ExpiryDeadlines::Forget(std::string_view key, uint64_t revision) {
  std::lock_guard lock(mutex_);
  auto it = by_key_.find(std::string(key));
  if (it == by_key_.end() || revision <= it->second.revision) return;
  by_time_.erase({it->second.check_at_ms, it->first});
  by_key_.erase(it);
}

void ExpiryDeadlines::RetryAt(const ExpiryCheck& check, int64_t at_ms) {
  std::lock_guard lock(mutex_);
  auto it = by_key_.find(check.key);
  if (it != by_key_.end() && check.revision < it->second.revision) return;
  ScheduleLocked(check.key, {check.revision, check.expires_at_ms, at_ms});
}

std::vector<ExpiryCheck> ExpiryDeadlines::TakeDueLocked(size_t max) {
  std::vector<ExpiryCheck> due;
  const int64_t now = now_ms_();
  while (due.size() < max && !by_time_.empty() && by_time_.begin()->first <= now) {
    auto it = by_key_.find(std::string(by_time_.begin()->second));
    by_time_.erase(by_time_.begin());
    due.push_back({it->first, it->second.revision, it->second.expires_at_ms});
    by_key_.erase(it);
  }
  return due;
}

std::vector<ExpiryCheck> ExpiryDeadlines::TakeDue(size_t max) {
  std::lock_guard lock(mutex_);
  return TakeDueLocked(max);
}

std::vector<ExpiryCheck> ExpiryDeadlines::WaitForDue(std::chrono::milliseconds max_wait,
                                                     size_t max) {
  std::unique_lock lock(mutex_);
  const auto give_up = std::chrono::steady_clock::now() + max_wait;
  while (!stopped_) {
    auto due = TakeDueLocked(max);
    if (!due.empty()) return due;
    auto wake = give_up;
    if (!by_time_.empty()) {
      auto until_due = std::chrono::milliseconds(by_time_.begin()->first - now_ms_());
      wake = std::min(wake, std::chrono::steady_clock::now() + until_due);
    }
    if (std::chrono::steady_clock::now() >= give_up) break;
    changed_.wait_until(lock, wake);
  }
  return {};
}

void ExpiryDeadlines::Stop() {
  std::lock_guard lock(mutex_);
  stopped_ = true;
  changed_.notify_all();
}

size_t ExpiryDeadlines::size() const {
  std::lock_guard lock(mutex_);
  return by_key_.size();
}

}  // namespace privacy::vault
