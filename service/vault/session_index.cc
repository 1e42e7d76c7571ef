#include "vault/session_index.h"

#include "common/clocks.h"
#include "vault/storage_key.h"

namespace privacy::vault {

namespace {

// What an entry costs besides its key and bytes: the map node, the recency
// node and the entry's fields, rounded up.
constexpr size_t kEntryCost = 160;
// Own writes counted ahead of the change feed, at most.
constexpr size_t kMaxCountedAhead = 65536;

}  // namespace

SessionIndex::SessionIndex(size_t budget_bytes, std::function<int64_t()> now_ms)
    : budget_bytes_(budget_bytes), now_ms_(now_ms ? std::move(now_ms) : UnixNowMs) {}

size_t SessionIndex::Cost(const std::string& key, const Entry& entry) {
  return kEntryCost + key.size() + (entry.has_bytes ? entry.bytes.size() : 0);
}

SessionIndex::Entry* SessionIndex::Find(std::string_view key) {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

SessionIndex::Entry& SessionIndex::EntryFor(std::string_view key) {
  auto [it, created] = entries_.try_emplace(std::string(key));
  if (created) {
    recency_.push_front(&it->first);
    it->second.recency = recency_.begin();
    held_bytes_ += Cost(it->first, it->second);
  }
  return it->second;
}

void SessionIndex::Touch(Entry& entry) { recency_.splice(recency_.begin(), recency_, entry.recency); }

void SessionIndex::Erase(Entries::iterator it) {
  held_bytes_ -= Cost(it->first, it->second);
  recency_.erase(it->second.recency);
  entries_.erase(it);
}

void SessionIndex::EvictToBudget() {
  auto candidate = recency_.end();
  while (held_bytes_ > budget_bytes_ && candidate != recency_.begin()) {
    --candidate;
    auto it = entries_.find(**candidate);
    if (it->second.watchers > 0) continue;
    candidate = std::next(candidate);
    Erase(it);
  }
}

bool SessionIndex::MoveForward(Entry& entry, uint64_t revision, SessionState state) {
  if (entry.revision != 0 && revision <= entry.revision) return false;
  SetBytes(entry, {});
  entry.has_bytes = false;
  entry.revision = revision;
  entry.removed = state.removed;
  entry.expires_at_ms = state.removed ? 0 : state.expires_at_ms;
  return true;
}

void SessionIndex::SetBytes(Entry& entry, std::string_view bytes) {
  held_bytes_ -= entry.bytes.size();
  entry.bytes.assign(bytes);
  entry.bytes.shrink_to_fit();
  held_bytes_ += entry.bytes.size();
  entry.has_bytes = !bytes.empty();
}

void SessionIndex::Watch(std::string_view key) {
  std::lock_guard lock(mutex_);
  ++EntryFor(key).watchers;
}

void SessionIndex::Unwatch(std::string_view key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return;
  if (--it->second.watchers == 0 && it->second.revision == 0) {
    Erase(it);  // learned nothing
    return;
  }
  EvictToBudget();
}

void SessionIndex::HoldBytes(std::string_view key, Entry& entry, uint64_t revision,
                             std::string_view bytes) {
  Touch(entry);
  if (entry.revision == revision && !entry.removed && !entry.has_bytes &&
      kEntryCost + key.size() + bytes.size() <= budget_bytes_) {
    SetBytes(entry, bytes);
  }
  EvictToBudget();
}

void SessionIndex::Apply(std::string_view key, uint64_t revision, SessionState state,
                         std::string_view bytes) {
  std::lock_guard lock(mutex_);
  Entry& entry = EntryFor(key);
  MoveForward(entry, revision, state);
  HoldBytes(key, entry, revision, bytes);
}

void SessionIndex::ApplyWrite(std::string_view key, uint64_t revision, SessionState state,
                              std::string_view bytes) {
  std::lock_guard lock(mutex_);
  // Counted here unless the feed passed it already (and counted it then).
  if (revision > last_change_ && counted_ahead_.insert(revision).second) Count(key, state);
  // A feed stalled for long: the oldest will count again when it resumes
  // (until their expiry), rather than this growing without bound.
  if (counted_ahead_.size() > kMaxCountedAhead) counted_ahead_.erase(counted_ahead_.begin());
  if (bytes.empty()) {
    if (Entry* entry = Find(key)) MoveForward(*entry, revision, state);
    return;
  }
  Entry& entry = EntryFor(key);
  MoveForward(entry, revision, state);
  HoldBytes(key, entry, revision, bytes);
}

void SessionIndex::Count(std::string_view key, SessionState state) {
  const std::string_view account = AccountKeyOf(key);
  if (account.empty()) return;  // names no session
  auto count = census_.find(account);
  if (count == census_.end()) count = census_.try_emplace(std::string(account)).first;
  count->second.Fold(now_ms_());
  if (state.previous_expires_at_ms != 0) count->second.Remove(state.previous_expires_at_ms);
  if (!state.removed) count->second.Add(state.expires_at_ms);
}

void SessionIndex::ApplyChange(std::string_view key, uint64_t revision, SessionState state) {
  std::lock_guard lock(mutex_);
  if (revision <= last_change_) return;  // counted already (a feed made again)
  last_change_ = revision;
  if (counted_ahead_.erase(revision) == 0) Count(key, state);
  // Own writes the feed has passed without showing them are no longer ahead.
  counted_ahead_.erase(counted_ahead_.begin(), counted_ahead_.upper_bound(revision));
  if (Entry* entry = Find(key)) MoveForward(*entry, revision, state);
}

size_t SessionIndex::writes_ahead_of_feed() const {
  std::lock_guard lock(mutex_);
  return counted_ahead_.size();
}

std::optional<StoredBytes> SessionIndex::CachedBytes(std::string_view key) {
  std::lock_guard lock(mutex_);
  Entry* entry = Find(key);
  if (entry == nullptr || entry->removed || !entry->has_bytes ||
      entry->expires_at_ms <= now_ms_()) {
    return std::nullopt;
  }
  Touch(*entry);
  return StoredBytes{entry->bytes, entry->revision};
}

std::optional<int64_t> SessionIndex::KnownExpiry(std::string_view key, uint64_t revision) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.removed || it->second.revision == 0 ||
      (revision != 0 && it->second.revision != revision)) {
    return std::nullopt;
  }
  return it->second.expires_at_ms;
}

size_t SessionIndex::held_bytes() const {
  std::lock_guard lock(mutex_);
  return held_bytes_;
}

size_t SessionIndex::held_entries() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

uint64_t SessionIndex::LiveSessions(std::string_view account_key) const {
  std::lock_guard lock(mutex_);
  auto count = census_.find(account_key);
  if (count == census_.end()) return 0;
  return count->second.LiveAt(now_ms_());
}

}  // namespace privacy::vault
