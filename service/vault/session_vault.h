// The session vault: turns values into tokens kept in sessions, and tokens
// back into values, on top of a compare-and-set SessionStore.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "common/status.h"
#include "vault/session.h"
#include "vault/session_store.h"
#include "vault/session_view.h"

namespace privacy {
class DelayedCalls;
}

namespace privacy::vault {

// Limits and timing of sessions.
struct VaultOptions {
  std::chrono::seconds default_ttl{900};
  std::chrono::seconds max_ttl{86400};
  size_t max_tokens_per_session = 10000;
  // Attempts of the read-merge-write cycle when other writers interfere.
  int max_update_attempts = 100;
  // Milliseconds since the Unix epoch; replaceable in tests.
  std::function<int64_t()> now_ms;
  // Runs `call` `delay` from now without blocking the caller: how a merge
  // is retried after a conflict. By default on a timer thread of the
  // vault's own; replaceable in tests (it must then not run `call` after
  // the vault is destroyed).
  std::function<void(std::chrono::microseconds delay, std::function<void()> call)> retry_after;
};

// The pause before the merge's attempt `attempt` + 1 after `attempt`
// conflicts: a random part (from `random`) of a ceiling that grows from
// 50 µs to 3.2 ms, so that competing writers spread out instead of colliding
// again.
std::chrono::microseconds RetryPause(int attempt, uint32_t random);

// A value to tokenize.
struct ValueToMask {
  std::string type;
  std::string value;
};

// How a Tokenize call may grow a session.
struct TokenizeOptions {
  // Session lifetime from now; the vault's default when absent.
  std::optional<std::chrono::seconds> ttl;
  // A tighter token limit than the vault's (e.g. the account's quota).
  std::optional<size_t> max_tokens;
};

// A Tokenize call that passed the vault's checks, ready to run.
struct AdmittedTokenize {
  std::string account;
  std::string session_id;  // empty: a new session
  std::chrono::seconds ttl{0};
  size_t max_tokens = 0;
};

// Result of tokenizing values into a session.
struct TokenizeResult {
  std::string session_id;
  std::vector<std::string> tokens;  // one per ValueToMask, same order
  int64_t expires_at_ms = 0;
  bool created = false;
};

// SessionVault is safe for concurrent use: concurrent writers to one session
// (threads or other processes) are reconciled with the store's revisions, so
// no token is ever lost. A write that lost to another is merged again after
// a pause, on a timer, from an asynchronous read of the store: completions
// never sleep or wait. Destroying the vault drops the retries not yet due
// (their completions are destroyed without running). Every session belongs
// to the NATS account that created it (empty: the service's own account); a
// session is invisible to every other account, which gets 404 exactly as
// for an unknown id.
class SessionVault {
 public:
  SessionVault(std::shared_ptr<SessionStore> store, VaultOptions options);
  ~SessionVault();

  // Completion of TokenizeAsync().
  using TokenizeDone = std::function<void(Result<TokenizeResult>)>;

  // Checks a Tokenize call into `account`'s session `session_id` (a new
  // session when empty) before any work is done for it: 400 when the id is
  // malformed or a given ttl is not between 1 s and the maximum. Reads
  // nothing.
  Result<AdmittedTokenize> AdmitTokenize(const std::string& account,
                                         const std::string& session_id,
                                         const TokenizeOptions& options) const;

  // Tokens for `values` in the admitted call's session, extending its
  // lifetime to now + ttl. 404 when the session does not exist, expired or
  // belongs to another account; 413 when the session would exceed its token
  // limit; 503 when other writers kept winning for
  // VaultOptions::max_update_attempts attempts. Does not wait for the
  // store's writes: `done` runs once, possibly on another thread (the
  // store's acknowledgement thread or the retry timer's).
  void TokenizeAsync(AdmittedTokenize admitted, std::vector<ValueToMask> values,
                     TokenizeDone done);

  // `account`'s live session `session_id`, to read; 404 when absent,
  // expired or another account's, 400 when the id is malformed. Answered
  // from the store's recent copy when that copy holds every token of
  // `needed_tokens` (tokens another worker added a moment ago may be missing
  // from it), else from the store itself.
  Result<SessionView> Open(const std::string& account, const std::string& session_id,
                           const std::vector<std::string>& needed_tokens = {});

  // Open() when it needs no wait (no round trip to the store): the same
  // session, from the store's recent copy, or nullopt when Open() would
  // have to wait (the copy is not known current, lacks the session or one
  // of `needed_tokens`, or shows it expired).
  Result<std::optional<SessionView>> OpenAtOnce(
      const std::string& account, const std::string& session_id,
      const std::vector<std::string>& needed_tokens = {});

  // Completion of EraseAsync().
  using EraseDone = std::function<void(Status)>;

  // Erases `account`'s session; 404 when absent, already expired or another
  // account's. `done` runs once, possibly on another thread, when no reader
  // anywhere can read the session any more.
  void EraseAsync(const std::string& account, const std::string& session_id, EraseDone done);

 private:
  // The session in `stored` if it is `account`'s, as a Session (to change
  // it) or a SessionView (to read it); 404 otherwise.
  template <typename S>
  Result<S> Parse(const std::string& account, StoredBytes stored) const;
  bool Expired(int64_t expires_at_ms) const;
  // The session in `recent`, the store's recent copy of `account`'s
  // session, when it is live and holds every one of `needed_tokens`;
  // nullopt when the store itself must be read.
  Result<std::optional<SessionView>> FromRecent(
      const std::string& account, StoredBytes recent,
      const std::vector<std::string>& needed_tokens) const;
  // Parse() of the store's current copy of `key`; an expired session reads
  // as 404.
  template <typename S>
  Result<S> LoadLatest(const std::string& account, const std::string& key);
  struct PendingTokenize;
  void TokenizeNew(std::shared_ptr<PendingTokenize> pending);
  // The first attempt on an existing session, from the store's recent copy
  // (may wait for the store: runs on the caller's thread).
  void TokenizeExisting(std::shared_ptr<PendingTokenize> pending);
  // Adds `pending`'s values to `session`, read at `revision`, and writes it
  // if the revision is still current; a conflict retries.
  void WriteMerged(std::shared_ptr<PendingTokenize> pending, Session session, uint64_t revision);
  // After a conflict: a pause, an asynchronous read of the store's copy and
  // another merge; 503 when the attempts are used up.
  void RetryLater(std::shared_ptr<PendingTokenize> pending);
  std::chrono::microseconds NextPause(int attempt);

  std::shared_ptr<SessionStore> store_;
  VaultOptions options_;
  std::mutex random_mutex_;
  std::minstd_rand random_;  // jitter of the retry pauses
  // The default retry timer; last, so that it stops before the rest goes.
  std::unique_ptr<DelayedCalls> retries_;
};

}  // namespace privacy::vault
