#include "vault/expiry_deadlines.h"

#include <algorithm>

#include "common/clocks.h"

namespace privacy::vault {

ExpiryDeadlines::ExpiryDeadlines(int64_t spread_ms, std::function<int64_t()> now_ms, uint32_t seed)
    : spread_ms_(std::max<int64_t>(spread_ms, 0)),
      now_ms_(now_ms ? std::move(now_ms) : UnixNowMs),
      rng_(seed) {}

namespace {

// Orders the check queue as a min-heap: the earliest check on top.
struct LaterCheck {
  template <typename Check>
  bool operator()(const Check& a, const Check& b) const {
    return a.check_at_ms > b.check_at_ms;
  }
};

// Stale checks are let pile up to this many beyond twice the live ones.
constexpr size_t kStaleAllowance = 1024;

}  // namespace

void ExpiryDeadlines::ScheduleLocked(const PackedStorageKey& key, const Deadline& deadline) {
  by_key_.insert_or_assign(key, deadline);
  DropStaleLocked();
  bool earliest = queue_.empty() || deadline.check_at_ms < queue_.front().check_at_ms;
  queue_.push_back({deadline.check_at_ms, key});
  std::push_heap(queue_.begin(), queue_.end(), LaterCheck{});
  CompactLocked();
  if (earliest) changed_.notify_all();
}

void ExpiryDeadlines::DropStaleLocked() {
  while (!queue_.empty()) {
    const QueuedCheck& top = queue_.front();
    auto it = by_key_.find(top.key);
    if (it != by_key_.end() && it->second.check_at_ms == top.check_at_ms) return;
    std::pop_heap(queue_.begin(), queue_.end(), LaterCheck{});
    queue_.pop_back();
  }
}

void ExpiryDeadlines::CompactLocked() {
  if (queue_.size() <= 2 * by_key_.size() + kStaleAllowance) return;
  queue_.clear();
  for (const auto& [key, deadline] : by_key_) queue_.push_back({deadline.check_at_ms, key});
  std::make_heap(queue_.begin(), queue_.end(), LaterCheck{});
}

void ExpiryDeadlines::Track(std::string_view key, uint64_t revision, int64_t expires_at_ms) {
  std::lock_guard lock(mutex_);
  auto packed = account_keys_.Pack(key);
  if (!packed) return;
  auto it = by_key_.find(*packed);
  if (it != by_key_.end() && revision <= it->second.revision) return;
  int64_t delay = std::uniform_int_distribution<int64_t>(0, spread_ms_)(rng_);
  ScheduleLocked(*packed, {revision, expires_at_ms, expires_at_ms + delay});
}

void ExpiryDeadlines::Forget(std::string_view key, uint64_t revision) {
  std::lock_guard lock(mutex_);
  auto packed = account_keys_.Find(key);
  if (!packed) return;
  auto it = by_key_.find(*packed);
  if (it == by_key_.end() || revision <= it->second.revision) return;
  by_key_.erase(it);  // its queued check is stale now
  CompactLocked();
}

void ExpiryDeadlines::RetryAt(const ExpiryCheck& check, int64_t at_ms) {
  std::lock_guard lock(mutex_);
  auto packed = account_keys_.Pack(check.key);
  if (!packed) return;
  auto it = by_key_.find(*packed);
  if (it != by_key_.end() && check.revision < it->second.revision) return;
  ScheduleLocked(*packed, {check.revision, check.expires_at_ms, at_ms});
}

std::vector<ExpiryCheck> ExpiryDeadlines::TakeDueLocked(size_t max) {
  std::vector<ExpiryCheck> due;
  const int64_t now = now_ms_();
  while (due.size() < max) {
    DropStaleLocked();
    if (queue_.empty() || queue_.front().check_at_ms > now) break;
    auto it = by_key_.find(queue_.front().key);
    std::pop_heap(queue_.begin(), queue_.end(), LaterCheck{});
    queue_.pop_back();
    due.push_back({account_keys_.Unpack(it->first), it->second.revision, it->second.expires_at_ms});
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
    if (!queue_.empty()) {
      auto until_due = std::chrono::milliseconds(queue_.front().check_at_ms - now_ms_());
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
