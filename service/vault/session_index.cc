#include "vault/session_index.h"

#include <algorithm>

#include "common/clocks.h"

namespace privacy::vault {

namespace {

// How long a removal is remembered, to ignore late copies of older writes.
constexpr int64_t kRemovalMemoryMs = 60'000;
constexpr int64_t kForgetSweepEveryMs = 10'000;

}  // namespace

SessionIndex::SessionIndex(size_t byte_budget, int64_t expiry_check_spread_ms,
                           std::function<int64_t()> now_ms, uint32_t seed)
    : now_ms_(now_ms ? std::move(now_ms) : UnixNowMs),
      byte_cache_(byte_budget),
      check_queue_(expiry_check_spread_ms, seed,
                   [this](const PackedStorageKey& key, int64_t check_at_ms) {
                     const Entry* entry = FindEntry(key);
                     return entry != nullptr && entry->check_pending &&
                            entry->check_at_ms == check_at_ms;
                   }) {}

std::optional<SessionIndex::Slot> SessionIndex::SlotFor(std::string_view key) {
  auto packed = account_keys_.Pack(key);
  if (!packed) return std::nullopt;
  ForgetSettledEntries(now_ms_());
  while (accounts_.size() <= packed->account) accounts_.emplace_back();
  Account& account = accounts_[packed->account];
  return Slot{*packed, &account, &account.entries[*packed]};
}

SessionIndex::Entry* SessionIndex::FindEntry(const PackedStorageKey& key) {
  if (key.account >= accounts_.size()) return nullptr;
  Entries& entries = accounts_[key.account].entries;
  auto it = entries.find(key);
  return it == entries.end() ? nullptr : &it->second;
}

bool SessionIndex::Counted(const Account& account, const Entry& entry) {
  return entry.revision != 0 && !entry.removed && account.live.Holds(entry.expires_at_ms);
}

bool SessionIndex::MoveForward(const Slot& slot, uint64_t revision, SessionState state) {
  Entry& entry = *slot.entry;
  if (entry.revision != 0 && revision <= entry.revision) return false;
  if (Counted(*slot.account, entry)) slot.account->live.Remove(entry.expires_at_ms);
  byte_cache_.Drop(&entry.bytes);
  entry.revision = revision;
  entry.removed = state.removed;
  entry.expires_at_ms = state.removed ? now_ms_() + kRemovalMemoryMs : state.expires_at_ms;
  if (Counted(*slot.account, entry)) slot.account->live.Add(entry.expires_at_ms);
  if (state.removed) {
    CancelCheck(&entry);
  } else {
    ScheduleCheck(slot, check_queue_.CheckTimeAfter(entry.expires_at_ms));
  }
  return true;
}

void SessionIndex::ScheduleCheck(const Slot& slot, int64_t check_at_ms) {
  Entry& entry = *slot.entry;
  if (!entry.check_pending) ++pending_checks_;
  entry.check_pending = true;
  entry.check_at_ms = check_at_ms;
  const bool earliest = check_queue_.Push(slot.key, check_at_ms);
  CompactCheckQueue();
  if (earliest) checks_changed_.notify_all();
}

void SessionIndex::CancelCheck(Entry* entry) {
  if (!entry->check_pending) return;
  entry->check_pending = false;
  --pending_checks_;
  CompactCheckQueue();  // its queued check is stale now
}

void SessionIndex::CompactCheckQueue() {
  size_t entries = 0;
  for (const Account& account : accounts_) entries += account.entries.size();
  if (!check_queue_.NeedsRebuild(pending_checks_, entries)) return;
  std::vector<ExpiryCheckQueue::QueuedCheck> pending;
  pending.reserve(pending_checks_);
  for (const Account& account : accounts_) {
    for (const auto& [key, entry] : account.entries) {
      if (entry.check_pending) pending.push_back({entry.check_at_ms, key});
    }
  }
  check_queue_.Rebuild(std::move(pending));
}

void SessionIndex::ForgetSettledEntries(int64_t now) {
  if (now < next_forget_sweep_ms_) return;
  next_forget_sweep_ms_ = now + kForgetSweepEveryMs;
  for (Account& account : accounts_) {
    account.live.Fold(now);
    for (auto it = account.entries.begin(); it != account.entries.end();) {
      Entry& entry = it->second;
      // An expired session stays until its expiry second has left the count
      // and its expiry check was handed out.
      if (entry.expires_at_ms > now || Counted(account, entry) || entry.check_pending) {
        ++it;
        continue;
      }
      byte_cache_.Drop(&entry.bytes);
      it = account.entries.erase(it);
    }
  }
}

void SessionIndex::Apply(std::string_view key, uint64_t revision, SessionState state) {
  std::lock_guard lock(mutex_);
  auto slot = SlotFor(key);
  if (slot) MoveForward(*slot, revision, state);
}

void SessionIndex::Apply(std::string_view key, uint64_t revision, SessionState state,
                         std::string_view bytes) {
  std::lock_guard lock(mutex_);
  auto slot = SlotFor(key);
  if (!slot) return;
  Entry& entry = *slot->entry;
  const bool moved = MoveForward(*slot, revision, state);
  // The same revision again only brings back bytes dropped for the budget.
  if (!moved && entry.revision != revision) return;
  if (state.removed || entry.removed || entry.bytes) return;
  byte_cache_.Hold(&entry.bytes, bytes);
}

std::optional<StoredBytes> SessionIndex::CachedBytes(std::string_view key) {
  std::lock_guard lock(mutex_);
  auto packed = account_keys_.Find(key);
  if (!packed) return std::nullopt;
  Entry* entry = FindEntry(*packed);
  if (entry == nullptr || entry->removed || !entry->bytes || entry->expires_at_ms <= now_ms_()) {
    return std::nullopt;
  }
  return StoredBytes{byte_cache_.Use(&entry->bytes), entry->revision};
}

size_t SessionIndex::cached_bytes() const {
  std::lock_guard lock(mutex_);
  return byte_cache_.held_bytes();
}

uint64_t SessionIndex::LiveSessions(std::string_view account_key) const {
  std::lock_guard lock(mutex_);
  auto index = account_keys_.FindAccount(account_key);
  if (!index || *index >= accounts_.size()) return 0;
  return accounts_[*index].live.LiveAt(now_ms_());
}

std::vector<ExpiryCheck> SessionIndex::TakeDueLocked(size_t max) {
  std::vector<ExpiryCheck> due;
  const int64_t now = now_ms_();
  while (due.size() < max) {
    auto earliest = check_queue_.Earliest();
    if (!earliest || earliest->check_at_ms > now) break;
    check_queue_.PopEarliest();
    Entry* entry = FindEntry(earliest->key);  // there: its check is current
    entry->check_pending = false;
    --pending_checks_;
    due.push_back({account_keys_.Unpack(earliest->key), entry->revision, entry->expires_at_ms});
  }
  return due;
}

std::vector<ExpiryCheck> SessionIndex::TakeDue(size_t max) {
  std::lock_guard lock(mutex_);
  return TakeDueLocked(max);
}

std::vector<ExpiryCheck> SessionIndex::WaitForDue(std::chrono::milliseconds max_wait, size_t max) {
  std::unique_lock lock(mutex_);
  const auto give_up = std::chrono::steady_clock::now() + max_wait;
  while (!stopped_) {
    auto due = TakeDueLocked(max);
    if (!due.empty()) return due;
    auto wake = give_up;
    if (auto earliest = check_queue_.Earliest()) {
      auto until_due = std::chrono::milliseconds(earliest->check_at_ms - now_ms_());
      wake = std::min(wake, std::chrono::steady_clock::now() + until_due);
    }
    if (std::chrono::steady_clock::now() >= give_up) break;
    checks_changed_.wait_until(lock, wake);
  }
  return {};
}

void SessionIndex::RetryAt(const ExpiryCheck& check, int64_t at_ms) {
  std::lock_guard lock(mutex_);
  auto slot = SlotFor(check.key);
  if (!slot) return;
  // A revision first known from the check's own read of the store.
  MoveForward(*slot, check.revision, SessionState::ExpiresAt(check.expires_at_ms));
  const Entry& entry = *slot->entry;
  if (entry.revision != check.revision || entry.removed) return;
  ScheduleCheck(*slot, at_ms);
}

void SessionIndex::RecheckAfterExpiry(const ExpiryCheck& check) {
  std::lock_guard lock(mutex_);
  auto slot = SlotFor(check.key);
  if (!slot) return;
  // A newer revision is checked after its own expiry.
  if (MoveForward(*slot, check.revision, SessionState::ExpiresAt(check.expires_at_ms))) return;
  const Entry& entry = *slot->entry;
  if (entry.revision != check.revision || entry.removed || entry.check_pending) return;
  ScheduleCheck(*slot, check_queue_.CheckTimeAfter(entry.expires_at_ms));
}

void SessionIndex::Stop() {
  std::lock_guard lock(mutex_);
  stopped_ = true;
  checks_changed_.notify_all();
}

size_t SessionIndex::pending_checks() const {
  std::lock_guard lock(mutex_);
  return pending_checks_;
}

}  // namespace privacy::vault
