#include "vault/session_cache.h"

#include <chrono>

namespace privacy::vault {

namespace {

// How long a deletion is remembered, to ignore late copies of older writes.
constexpr int64_t kTombstoneMs = 60'000;
constexpr int64_t kSweepEveryMs = 10'000;

int64_t SystemNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

SessionCache::SessionCache(size_t byte_budget, std::function<int64_t()> now_ms)
    : byte_budget_(byte_budget), now_ms_(now_ms ? std::move(now_ms) : SystemNowMs) {}

void SessionCache::DropBytes(Entry* entry) {
  if (!entry->cached) return;
  cached_bytes_ -= entry->cached->bytes.size();
  recency_.erase(entry->cached->recency);
  entry->cached.reset();
}

void SessionCache::EvictToBudget() {
  while (cached_bytes_ > byte_budget_ && !recency_.empty()) {
    const PackedStorageKey& key = recency_.back();
    DropBytes(&accounts_[key.account][key]);
  }
}

void SessionCache::ForgetOldTombstones(int64_t now) {
  if (now < next_tombstone_sweep_ms_) return;
  next_tombstone_sweep_ms_ = now + kSweepEveryMs;
  for (Entries& entries : accounts_) {
    for (auto it = entries.begin(); it != entries.end();) {
      Entry& entry = it->second;
      // Tombstones keep their forget time in expires_at_ms.
      if (entry.expires_at_ms > now) {
        ++it;
        continue;
      }
      DropBytes(&entry);
      it = entries.erase(it);
    }
  }
}

SessionCache::Entry& SessionCache::EntryAt(const PackedStorageKey& key) {
  ForgetOldTombstones(now_ms_());
  if (key.account >= accounts_.size()) accounts_.resize(key.account + 1);
  return accounts_[key.account][key];
}

void SessionCache::MoveTo(Entry* entry, uint64_t revision, int64_t expires_at_ms, bool removed) {
  DropBytes(entry);
  entry->revision = revision;
  entry->expires_at_ms = expires_at_ms;
  entry->removed = removed;
}

void SessionCache::Put(std::string_view key, std::string_view bytes, uint64_t revision,
                       int64_t expires_at_ms) {
  std::lock_guard lock(mutex_);
  auto packed = account_keys_.Pack(key);
  if (!packed) return;
  Entry& entry = EntryAt(*packed);
  // Older revisions are ignored; the same revision only brings back bytes
  // dropped for the budget.
  if (entry.revision != 0 && revision < entry.revision) return;
  if (entry.revision == revision && (entry.cached || entry.removed)) return;
  MoveTo(&entry, revision, expires_at_ms, false);
  if (bytes.size() <= byte_budget_) {
    recency_.push_front(*packed);
    entry.cached.reset(new CachedBytes{std::string(bytes), recency_.begin()});
    cached_bytes_ += bytes.size();
    EvictToBudget();
  }
}

void SessionCache::Track(std::string_view key, uint64_t revision, int64_t expires_at_ms) {
  std::lock_guard lock(mutex_);
  auto packed = account_keys_.Pack(key);
  if (!packed) return;
  Entry& entry = EntryAt(*packed);
  // What this worker holds (the same revision from its own write, or a
  // newer one) stays.
  if (entry.revision != 0 && revision <= entry.revision) return;
  MoveTo(&entry, revision, expires_at_ms, false);
}

void SessionCache::Remove(std::string_view key, uint64_t revision) {
  std::lock_guard lock(mutex_);
  auto packed = account_keys_.Pack(key);
  if (!packed) return;
  Entry& entry = EntryAt(*packed);
  if (entry.revision != 0 && revision <= entry.revision) return;
  MoveTo(&entry, revision, now_ms_() + kTombstoneMs, true);
}

std::optional<StoredBytes> SessionCache::Get(std::string_view key) {
  std::lock_guard lock(mutex_);
  auto packed = account_keys_.Find(key);
  if (!packed) return std::nullopt;
  Entries& entries = accounts_[packed->account];
  auto it = entries.find(*packed);
  if (it == entries.end()) return std::nullopt;
  Entry& entry = it->second;
  if (entry.removed || !entry.cached || entry.expires_at_ms <= now_ms_()) return std::nullopt;
  recency_.splice(recency_.begin(), recency_, entry.cached->recency);
  return StoredBytes{entry.cached->bytes, entry.revision};
}

uint64_t SessionCache::LiveSessions(std::string_view account_key) const {
  std::lock_guard lock(mutex_);
  auto account = account_keys_.FindAccount(account_key);
  if (!account) return 0;
  const int64_t now = now_ms_();
  uint64_t live = 0;
  for (const auto& [key, entry] : accounts_[*account]) {
    if (!entry.removed && entry.expires_at_ms > now) ++live;
  }
  return live;
}

size_t SessionCache::cached_bytes() const {
  std::lock_guard lock(mutex_);
  return cached_bytes_;
}

}  // namespace privacy::vault
