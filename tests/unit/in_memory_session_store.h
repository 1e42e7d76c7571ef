// A SessionStore in process memory, for unit tests of the vault.
#pragma once

#include <map>
#include <mutex>
#include <optional>

#include "vault/session_store.h"
#include "vault/session_vault.h"

namespace privacy::testing {

// Thread-safe map with per-entry revisions, like a KV bucket.
class InMemorySessionStore : public vault::SessionStore {
 public:
  Result<vault::StoredBytes> Load(const std::string& id) override {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end()) return MakeError(ErrorCode::kNotFound, "session not found");
    return it->second;
  }
  // Memory never waits.
  std::optional<Result<vault::StoredBytes>> LoadRecentAtOnce(const std::string& id) override {
    return Load(id);
  }
  // The writes complete before they return.
  void CreateAsync(const std::string& id, const std::string& bytes, int64_t,
                   WriteDone done) override {
    done(Create(id, bytes));
  }
  void UpdateAsync(const std::string& id, const std::string& bytes, int64_t,
                   uint64_t expected_revision, WriteDone done) override {
    done(Update(id, bytes, expected_revision));
  }
  void EraseIfUnchangedAsync(const std::string& id, uint64_t expected_revision,
                             EraseDone done) override {
    done(EraseIfUnchanged(id, expected_revision));
  }
  void EraseEverywhereAsync(const std::string& id, EraseDone done) override { done(Erase(id)); }

  size_t size() {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  Result<uint64_t> Create(const std::string& id, const std::string& bytes) {
    std::lock_guard lock(mutex_);
    if (entries_.contains(id)) return MakeError(ErrorCode::kConflict, "exists");
    entries_[id] = {bytes, ++sequence_};
    return sequence_;
  }
  Result<uint64_t> Update(const std::string& id, const std::string& bytes,
                          uint64_t expected_revision) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end() || it->second.revision != expected_revision) {
      return MakeError(ErrorCode::kConflict, "changed");
    }
    it->second = {bytes, ++sequence_};
    return sequence_;
  }
  Status Erase(const std::string& id) {
    std::lock_guard lock(mutex_);
    if (entries_.erase(id) == 0) return MakeError(ErrorCode::kNotFound, "session not found");
    return Status::Ok();
  }
  Status EraseIfUnchanged(const std::string& id, uint64_t expected_revision) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end()) return MakeError(ErrorCode::kNotFound, "session not found");
    if (it->second.revision != expected_revision) return MakeError(ErrorCode::kConflict, "changed");
    entries_.erase(it);
    return Status::Ok();
  }

  std::mutex mutex_;
  std::map<std::string, vault::StoredBytes> entries_;
  uint64_t sequence_ = 0;
};

// The outcome of `vault`'s EraseAsync() over an InMemorySessionStore, which
// completes before it returns.
inline Status EraseNow(vault::SessionVault& vault, const std::string& account,
                       const std::string& session_id) {
  Status outcome = MakeError(ErrorCode::kInternal, "erasure did not complete inline");
  vault.EraseAsync(account, session_id, [&outcome](Status erased) { outcome = erased; });
  return outcome;
}

}  // namespace privacy::testing
