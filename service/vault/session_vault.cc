#include "vault/session_vault.h"

#include <algorithm>
#include <chrono>

#include "common/delayed_calls.h"
#include "vault/session_id.h"
#include "vault/storage_key.h"

namespace privacy::vault {

namespace {

int64_t SystemNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Error SessionNotFound() { return MakeError(ErrorCode::kNotFound, "session not found or expired"); }

// The facts the vault checks, of either form of a session.
std::string_view AccountOf(const Session& session) { return session.record().account(); }
std::string_view AccountOf(const SessionView& session) { return session.account(); }
int64_t ExpiryOf(const Session& session) { return session.record().expires_at_ms(); }
int64_t ExpiryOf(const SessionView& session) { return session.expires_at_ms(); }

}  // namespace

std::chrono::microseconds RetryPause(int attempt, uint32_t random) {
  uint32_t ceiling_us = 50u << std::min(std::max(attempt, 0), 6);
  return std::chrono::microseconds(random % (ceiling_us + 1));
}

SessionVault::SessionVault(std::shared_ptr<SessionStore> store, VaultOptions options)
    : store_(std::move(store)), options_(std::move(options)), random_(std::random_device{}()) {
  if (!options_.now_ms) options_.now_ms = SystemNowMs;
  if (!options_.retry_after) {
    retries_ = std::make_unique<DelayedCalls>();
    options_.retry_after = [calls = retries_.get()](std::chrono::microseconds delay,
                                                   std::function<void()> call) {
      calls->After(delay, std::move(call));
    };
  }
}

SessionVault::~SessionVault() = default;

std::chrono::microseconds SessionVault::NextPause(int attempt) {
  std::lock_guard lock(random_mutex_);
  return RetryPause(attempt, static_cast<uint32_t>(random_()));
}

// One Tokenize call on its way through the store's writes.
struct SessionVault::PendingTokenize {
  std::string account;
  std::string session_id;
  std::vector<ValueToMask> values;
  int64_t expires_at_ms = 0;
  size_t max_tokens = 0;
  TokenizeDone done;
  int attempt = 0;
};

Result<AdmittedTokenize> SessionVault::AdmitTokenize(const std::string& account,
                                                     const std::string& session_id,
                                                     const TokenizeOptions& options) const {
  AdmittedTokenize admitted{account, session_id, options.ttl.value_or(options_.default_ttl),
                            std::min(options_.max_tokens_per_session,
                                     options.max_tokens.value_or(options_.max_tokens_per_session))};
  if (options.ttl && (options.ttl->count() <= 0 || *options.ttl > options_.max_ttl)) {
    return MakeError(ErrorCode::kBadRequest,
                     "ttl_seconds must be between 1 and " +
                         std::to_string(options_.max_ttl.count()));
  }
  if (!session_id.empty() && !IsWellFormedSessionId(session_id)) {
    return MakeError(ErrorCode::kBadRequest, "malformed session_id");
  }
  return admitted;
}

void SessionVault::TokenizeAsync(AdmittedTokenize admitted, std::vector<ValueToMask> values,
                                 TokenizeDone done) {
  auto pending = std::make_shared<PendingTokenize>();
  pending->account = std::move(admitted.account);
  pending->session_id = std::move(admitted.session_id);
  pending->values = std::move(values);
  pending->expires_at_ms =
      options_.now_ms() +
      std::chrono::duration_cast<std::chrono::milliseconds>(admitted.ttl).count();
  pending->max_tokens = admitted.max_tokens;
  pending->done = std::move(done);
  if (pending->session_id.empty()) {
    TokenizeNew(std::move(pending));
  } else {
    TokenizeExisting(std::move(pending));
  }
}

void SessionVault::TokenizeNew(std::shared_ptr<PendingTokenize> pending) {
  v1::SessionRecord record;
  record.set_account(pending->account);
  record.set_created_at_ms(options_.now_ms());
  record.set_expires_at_ms(pending->expires_at_ms);
  Session session(std::move(record));
  TokenizeResult result;
  for (const auto& v : pending->values) result.tokens.push_back(session.TokenFor(v.type, v.value));
  if (session.token_count() > pending->max_tokens) {
    return pending->done(MakeError(ErrorCode::kTooLarge, "too many values for one session"));
  }
  result.session_id = NewSessionId();
  result.expires_at_ms = pending->expires_at_ms;
  result.created = true;
  std::string key = StorageKey(pending->account, result.session_id);
  store_->CreateAsync(
      key, session.record().SerializeAsString(), pending->expires_at_ms,
      [this, pending, result = std::move(result)](Result<uint64_t> created) mutable {
        if (created) return pending->done(std::move(result));
        // A fresh 128-bit id collides only in theory; the store guards it
        // anyway, and another id is tried.
        if (created.error().code == ErrorCode::kConflict && ++pending->attempt < 3) {
          return TokenizeNew(std::move(pending));
        }
        if (created.error().code == ErrorCode::kConflict) {
          return pending->done(MakeError(ErrorCode::kInternal, "could not allocate a session id"));
        }
        pending->done(created.error());
      });
}

void SessionVault::TokenizeExisting(std::shared_ptr<PendingTokenize> pending) {
  if (options_.max_update_attempts <= 0) {
    return pending->done(MakeError(ErrorCode::kUnavailable, "session is too busy, retry"));
  }
  const std::string key = StorageKey(pending->account, pending->session_id);
  // The recent copy will do: a stale one only costs a conflict, after which
  // the store's own copy is read.
  auto stored = store_->LoadRecent(key);
  if (!stored) return pending->done(stored.error());
  const uint64_t revision = stored->revision;
  auto session = Parse<Session>(pending->account, std::move(*stored));
  if (session && Expired(ExpiryOf(*session))) session = LoadLatest<Session>(pending->account, key);
  if (!session) return pending->done(session.error());
  WriteMerged(std::move(pending), std::move(*session), revision);
}

void SessionVault::WriteMerged(std::shared_ptr<PendingTokenize> pending, Session session,
                               uint64_t revision) {
  TokenizeResult result;
  for (const auto& v : pending->values) result.tokens.push_back(session.TokenFor(v.type, v.value));
  if (session.token_count() > pending->max_tokens) {
    return pending->done(MakeError(ErrorCode::kTooLarge, "session token limit reached"));
  }
  v1::SessionRecord& record = session.mutable_record();
  record.set_expires_at_ms(std::max(record.expires_at_ms(), pending->expires_at_ms));
  result.session_id = pending->session_id;
  result.expires_at_ms = record.expires_at_ms();
  store_->UpdateAsync(
      StorageKey(pending->account, pending->session_id), record.SerializeAsString(),
      record.expires_at_ms(), revision,
      [this, pending, result = std::move(result)](Result<uint64_t> updated) mutable {
        if (updated) return pending->done(std::move(result));
        if (updated.error().code != ErrorCode::kConflict) return pending->done(updated.error());
        RetryLater(std::move(pending));
      });
}

void SessionVault::RetryLater(std::shared_ptr<PendingTokenize> pending) {
  if (++pending->attempt >= options_.max_update_attempts) {
    return pending->done(MakeError(ErrorCode::kUnavailable, "session is too busy, retry"));
  }
  auto pause = NextPause(pending->attempt - 1);
  options_.retry_after(pause, [this, pending = std::move(pending)]() mutable {
    std::string key = StorageKey(pending->account, pending->session_id);
    store_->LoadAsync(key, [this, pending = std::move(pending)](Result<StoredBytes> stored) {
      if (!stored) return pending->done(stored.error());
      const uint64_t revision = stored->revision;
      auto session = Parse<Session>(pending->account, std::move(*stored));
      // The store's own copy: expired there, the session is gone.
      if (session && Expired(ExpiryOf(*session))) session = SessionNotFound();
      if (!session) return pending->done(session.error());
      WriteMerged(pending, std::move(*session), revision);
    });
  });
}

Result<SessionView> SessionVault::Open(const std::string& account, const std::string& session_id,
                                       const std::vector<std::string>& needed_tokens) {
  if (!IsWellFormedSessionId(session_id)) {
    return MakeError(ErrorCode::kBadRequest, "malformed session_id");
  }
  const std::string key = StorageKey(account, session_id);
  auto recent = store_->LoadRecent(key);
  if (!recent) return recent.error();
  auto session = FromRecent(account, std::move(*recent), needed_tokens);
  if (!session) return session.error();
  if (*session) return std::move(**session);
  return LoadLatest<SessionView>(account, key);
}

Result<std::optional<SessionView>> SessionVault::OpenAtOnce(
    const std::string& account, const std::string& session_id,
    const std::vector<std::string>& needed_tokens) {
  if (!IsWellFormedSessionId(session_id)) {
    return MakeError(ErrorCode::kBadRequest, "malformed session_id");
  }
  auto recent = store_->LoadRecentAtOnce(StorageKey(account, session_id));
  if (!recent) return std::optional<SessionView>();
  if (!*recent) return recent->error();
  return FromRecent(account, std::move(**recent), needed_tokens);
}

Result<std::optional<SessionView>> SessionVault::FromRecent(
    const std::string& account, StoredBytes recent,
    const std::vector<std::string>& needed_tokens) const {
  auto session = Parse<SessionView>(account, std::move(recent));
  if (!session) return session.error();
  bool holds_all = std::all_of(needed_tokens.begin(), needed_tokens.end(),
                               [&](const std::string& t) { return session->FindByToken(t); });
  if (!holds_all || Expired(ExpiryOf(*session))) return std::optional<SessionView>();
  return std::optional<SessionView>(std::move(*session));
}

template <typename S>
Result<S> SessionVault::Parse(const std::string& account, StoredBytes stored) const {
  std::optional<S> session = S::Parse(std::move(stored.bytes));
  if (!session) return MakeError(ErrorCode::kInternal, "stored session is unreadable");
  // The key already names the account; the record's own copy guards against
  // a hash collision between account names.
  if (AccountOf(*session) != account) return SessionNotFound();
  return std::move(*session);
}

bool SessionVault::Expired(int64_t expires_at_ms) const {
  return expires_at_ms <= options_.now_ms();
}

template <typename S>
Result<S> SessionVault::LoadLatest(const std::string& account, const std::string& key) {
  auto stored = store_->Load(key);
  if (!stored) return stored.error();
  auto session = Parse<S>(account, std::move(*stored));
  if (!session) return session.error();
  // An expired session stays until the expiry watcher has published its
  // expire event and erased it.
  if (Expired(ExpiryOf(*session))) return SessionNotFound();
  return session;
}

void SessionVault::EraseAsync(const std::string& account, const std::string& session_id,
                              EraseDone done) {
  auto session = Open(account, session_id);
  if (!session) return done(session.error());
  store_->EraseEverywhereAsync(StorageKey(account, session_id), std::move(done));
}

}  // namespace privacy::vault
