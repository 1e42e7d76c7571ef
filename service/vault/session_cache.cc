#include "vault/session_cache.h"

#include <algorithm>
#include <chrono>

namespace privacy::vault {

namespace {

// How long a deletion is remembered, to ignore late copies of older writes.
constexpr int64_t kTombstoneMs = 60'000;
constexpr int64_t kSweepEveryMs = 10'000;

// The end of the second holding `ms`: when a session expiring at `ms` has
// left every count.
int64_t EndOfSecond(int64_t ms) { return (ms / 1000 + 1) * 1000; }

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
    DropBytes(&accounts_[key.account].entries[key]);
  }
}

void SessionCache::ForgetOldTombstones(int64_t now) {
  if (now < next_tombstone_sweep_ms_) return;
  next_tombstone_sweep_ms_ = now + kSweepEveryMs;
  for (Account& account : accounts_) {
    Fold(&account, now);
    for (auto it = account.entries.begin(); it != account.entries.end();) {
      Entry& entry = it->second;
      // Tombstones keep their forget time in expires_at_ms. An expired
      // session stays until its expiry second has left the count.
      if (entry.expires_at_ms > now || Counted(account, entry)) {
        ++it;
        continue;
      }
      DropBytes(&entry);
      it = account.entries.erase(it);
    }
  }
}

std::optional<SessionCache::Slot> SessionCache::SlotFor(std::string_view key) {
  auto packed = account_keys_.Pack(key);
  if (!packed) return std::nullopt;
  ForgetOldTombstones(now_ms_());
  if (packed->account >= accounts_.size()) accounts_.resize(packed->account + 1);
  Account& account = accounts_[packed->account];
  return Slot{*packed, &account, &account.entries[*packed]};
}

bool SessionCache::Counted(const Account& account, const Entry& entry) {
  return entry.revision != 0 && !entry.removed &&
         EndOfSecond(entry.expires_at_ms) > account.folded_until_ms;
}

void SessionCache::Count(Account* account, const Entry& entry) {
  if (!Counted(*account, entry)) return;
  ++account->counted;
  ++account->counted_by_expiry[EndOfSecond(entry.expires_at_ms)];
}

void SessionCache::Uncount(Account* account, const Entry& entry) {
  if (!Counted(*account, entry)) return;
  --account->counted;
  auto second = account->counted_by_expiry.find(EndOfSecond(entry.expires_at_ms));
  if (--second->second == 0) account->counted_by_expiry.erase(second);
}

void SessionCache::Fold(Account* account, int64_t now) {
  auto& by_expiry = account->counted_by_expiry;
  while (!by_expiry.empty() && by_expiry.begin()->first <= now) {
    account->counted -= by_expiry.begin()->second;
    by_expiry.erase(by_expiry.begin());
  }
  account->folded_until_ms = std::max(account->folded_until_ms, now);
}

void SessionCache::MoveTo(Account* account, Entry* entry, uint64_t revision, int64_t expires_at_ms,
                          bool removed) {
  Uncount(account, *entry);
  DropBytes(entry);
  entry->revision = revision;
  entry->expires_at_ms = expires_at_ms;
  entry->removed = removed;
  Count(account, *entry);
}

void SessionCache::Put(std::string_view key, std::string_view bytes, uint64_t revision,
                       int64_t expires_at_ms) {
  std::lock_guard lock(mutex_);
  auto slot = SlotFor(key);
  if (!slot) return;
  Entry& entry = *slot->entry;
  // Older revisions are ignored; the same revision only brings back bytes
  // dropped for the budget.
  if (entry.revision != 0 && revision < entry.revision) return;
  if (entry.revision == revision && (entry.cached || entry.removed)) return;
  MoveTo(slot->account, &entry, revision, expires_at_ms, false);
  if (bytes.size() <= byte_budget_) {
    recency_.push_front(slot->key);
    entry.cached.reset(new CachedBytes{std::string(bytes), recency_.begin()});
    cached_bytes_ += bytes.size();
    EvictToBudget();
  }
}

void SessionCache::Track(std::string_view key, uint64_t revision, int64_t expires_at_ms) {
  std::lock_guard lock(mutex_);
  auto slot = SlotFor(key);
  if (!slot) return;
  Entry& entry = *slot->entry;
  // What this worker holds (the same revision from its own write, or a
  // newer one) stays.
  if (entry.revision != 0 && revision <= entry.revision) return;
  MoveTo(slot->account, &entry, revision, expires_at_ms, false);
}

void SessionCache::Remove(std::string_view key, uint64_t revision) {
  std::lock_guard lock(mutex_);
  auto slot = SlotFor(key);
  if (!slot) return;
  Entry& entry = *slot->entry;
  if (entry.revision != 0 && revision <= entry.revision) return;
  MoveTo(slot->account, &entry, revision, now_ms_() + kTombstoneMs, true);
}

std::optional<StoredBytes> SessionCache::Get(std::string_view key) {
  std::lock_guard lock(mutex_);
  auto packed = account_keys_.Find(key);
  if (!packed) return std::nullopt;
  Entries& entries = accounts_[packed->account].entries;
  auto it = entries.find(*packed);
  if (it == entries.end()) return std::nullopt;
  Entry& entry = it->second;
  if (entry.removed || !entry.cached || entry.expires_at_ms <= now_ms_()) return std::nullopt;
  recency_.splice(recency_.begin(), recency_, entry.cached->recency);
  return StoredBytes{entry.cached->bytes, entry.revision};
}

uint64_t SessionCache::LiveSessions(std::string_view account_key) const {
  std::lock_guard lock(mutex_);
  auto index = account_keys_.FindAccount(account_key);
  if (!index) return 0;
  const Account& account = accounts_[*index];
  // Seconds that ended since the last fold are left out here; the next
  // change folds them.
  uint64_t live = account.counted;
  const int64_t now = now_ms_();
  for (auto it = account.counted_by_expiry.begin();
       it != account.counted_by_expiry.end() && it->first <= now; ++it) {
    live -= it->second;
  }
  return live;
}

size_t SessionCache::cached_bytes() const {
  std::lock_guard lock(mutex_);
  return cached_bytes_;
}

}  // namespace privacy::vault
