// The storage interface behind the vault: a compare-and-set map from session
// id to opaque bytes. The JetStream KV implementation lives in the NATS
// layer; tests use an in-memory one.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/status.h"

namespace privacy::vault {

// Bytes of a session as stored, with the revision that guards updates.
struct StoredBytes {
  std::string bytes;
  uint64_t revision = 0;
};

// A SessionStore must be safe for concurrent use from many threads. Its
// writes do not wait for the store: their completions run later, possibly
// on the store's acknowledgement thread, and must not block.
class SessionStore {
 public:
  virtual ~SessionStore() = default;

  // Completion of a write: the new revision, or the error.
  using WriteDone = std::function<void(Result<uint64_t>)>;
  // Completion of an erasure.
  using EraseDone = std::function<void(Status)>;
  // Completion of a read: the stored bytes, or the error.
  using LoadDone = std::function<void(Result<StoredBytes>)>;

  // The stored bytes as the store holds them now; kNotFound when absent or
  // deleted.
  virtual Result<StoredBytes> Load(const std::string& id) = 0;

  // Load() without waiting: `done` runs once with the same answer, possibly
  // on another thread (the store's acknowledgement thread), and must not
  // block. Stores without asynchronous reads complete before returning.
  virtual void LoadAsync(const std::string& id, LoadDone done) { done(Load(id)); }

  // The stored bytes as this process last saw them: possibly behind another
  // process's latest write by the time that write takes to reach this one,
  // never behind this process's own writes. Stores without a local copy
  // read the store.
  virtual Result<StoredBytes> LoadRecent(const std::string& id) { return Load(id); }

  // LoadRecent() when it needs no wait (no round trip to the store): the
  // same answer, or nullopt when LoadRecent() would have to wait. Stores
  // that always would answer nullopt.
  virtual std::optional<Result<StoredBytes>> LoadRecentAtOnce(const std::string& id) {
    (void)id;
    return std::nullopt;
  }

  // Stores a new entry that expires at `expires_at_ms` (Unix milliseconds;
  // stored as plain metadata next to the bytes); kConflict if `id` already
  // exists. Does not wait: `done` runs once with the new revision or the
  // error, possibly on another thread. Stores without pipelined writes
  // complete before returning.
  virtual void CreateAsync(const std::string& id, const std::string& bytes,
                           int64_t expires_at_ms, WriteDone done) = 0;

  // Replaces the entry if its revision is still `expected_revision`;
  // kConflict otherwise. Completes as CreateAsync().
  virtual void UpdateAsync(const std::string& id, const std::string& bytes,
                           int64_t expires_at_ms, uint64_t expected_revision, WriteDone done) = 0;

  // Erases the entry if its revision is still `expected_revision`:
  // kConflict when it changed meanwhile (nothing erased), kNotFound when
  // absent. Completes as CreateAsync().
  virtual void EraseIfUnchangedAsync(const std::string& id, uint64_t expected_revision,
                                     EraseDone done) = 0;

  // Erases the entry and its history, whatever its revision (kNotFound
  // when absent, from stores that can tell). `done` runs once, possibly on
  // another thread, when no reader of the store, in this process or any
  // other, can read the entry any more. Stores without per-process copies
  // complete before returning.
  virtual void EraseEverywhereAsync(const std::string& id, EraseDone done) = 0;
};

}  // namespace privacy::vault
