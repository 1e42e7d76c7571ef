#include "vault/expiry_check_queue.h"

#include <algorithm>

namespace privacy::vault {

namespace {

// Orders the check queue as a min-heap: the earliest check on top.
struct LaterCheck {
  bool operator()(const ExpiryCheckQueue::QueuedCheck& a,
                  const ExpiryCheckQueue::QueuedCheck& b) const {
    return a.check_at_ms > b.check_at_ms;
  }
};

// Stale checks are let pile up to this many beyond twice the current ones,
// plus one per kEntriesPerStaleCheck entries a rebuild visits: a rebuild
// costs a few entry visits per stale check it drops.
constexpr size_t kStaleAllowance = 1024;
constexpr size_t kEntriesPerStaleCheck = 8;

}  // namespace

ExpiryCheckQueue::ExpiryCheckQueue(int64_t spread_ms, uint32_t seed, IsCurrent is_current)
    : spread_ms_(std::max<int64_t>(spread_ms, 0)), rng_(seed), is_current_(std::move(is_current)) {}

int64_t ExpiryCheckQueue::CheckTimeAfter(int64_t expires_at_ms) {
  return expires_at_ms + std::uniform_int_distribution<int64_t>(0, spread_ms_)(rng_);
}

bool ExpiryCheckQueue::Push(const PackedStorageKey& key, int64_t check_at_ms) {
  DropStale();
  const bool earliest = heap_.empty() || check_at_ms < heap_.front().check_at_ms;
  heap_.push_back({check_at_ms, key});
  std::push_heap(heap_.begin(), heap_.end(), LaterCheck{});
  return earliest;
}

std::optional<ExpiryCheckQueue::QueuedCheck> ExpiryCheckQueue::Earliest() {
  DropStale();
  if (heap_.empty()) return std::nullopt;
  return heap_.front();
}

void ExpiryCheckQueue::PopEarliest() {
  std::pop_heap(heap_.begin(), heap_.end(), LaterCheck{});
  heap_.pop_back();
}

void ExpiryCheckQueue::DropStale() {
  while (!heap_.empty() && !is_current_(heap_.front().key, heap_.front().check_at_ms)) {
    PopEarliest();
  }
}

bool ExpiryCheckQueue::NeedsRebuild(size_t current, size_t entries) const {
  return heap_.size() > 2 * current + kStaleAllowance + entries / kEntriesPerStaleCheck;
}

void ExpiryCheckQueue::Rebuild(std::vector<QueuedCheck> current) {
  heap_ = std::move(current);
  std::make_heap(heap_.begin(), heap_.end(), LaterCheck{});
}

}  // namespace privacy::vault
