#include <doctest/doctest.h>

#include <functional>
#include <map>

#include "awaited_calls.h"
#include "in_memory_session_store.h"
#include "privacy/v1/session.pb.h"
#include "vault/expiry_watcher.h"
#include "vault/session_vault.h"
#include "vault/storage_key.h"

using namespace privacy;

namespace {

constexpr int64_t kTtlMs = 60'000;
constexpr int64_t kRetryMs = 1000;

// The audit stream as far as expire events go: keeps the first event of
// every message id (JetStream's duplicate window) and counts every call.
struct DedupSink {
  std::map<std::string, v1::AuditEvent> stored;
  int calls = 0;
  bool failing = false;
  // Runs while an event is being published (another worker acting then).
  std::function<void()> meanwhile;

  vault::ExpiryEventSink fn() {
    return [this](const v1::AuditEvent& event, const std::string& msg_id,
                  std::function<void(Status)> done) {
      ++calls;
      if (meanwhile) meanwhile();
      if (failing) return done(MakeError(ErrorCode::kUnavailable, "audit stream unavailable"));
      stored.emplace(msg_id, event);
      done(Status::Ok());
    };
  }
};

// A store whose erasures and reads can be made to fail, as when NATS is away.
class FlakyStore : public testing::InMemorySessionStore {
 public:
  bool fail_erase = false;
  bool fail_load = false;
  Result<vault::StoredBytes> Load(const std::string& id) override {
    if (fail_load) return MakeError(ErrorCode::kUnavailable, "store unavailable");
    return InMemorySessionStore::Load(id);
  }
  void EraseIfUnchangedAsync(const std::string& id, uint64_t expected_revision,
                             EraseDone done) override {
    if (fail_erase) return done(MakeError(ErrorCode::kUnavailable, "store unavailable"));
    InMemorySessionStore::EraseIfUnchangedAsync(id, expected_revision, std::move(done));
  }
  void EraseEverywhereAsync(const std::string& id, EraseDone done) override {
    if (fail_erase) return done(MakeError(ErrorCode::kUnavailable, "store unavailable"));
    InMemorySessionStore::EraseEverywhereAsync(id, std::move(done));
  }
};

// The shared expiry queue as far as the watchers go: one check per session
// (a check queued twice under the same id is kept once), handed to one
// worker at a time once due, acknowledged or given back for later.
class WorkQueue : public vault::ExpiryScheduler {
 public:
  struct Check {
    std::string key;
    int64_t due_ms = 0;
    int64_t not_before_ms = 0;
  };
  bool failing = false;

  void ScheduleAsync(const std::string& key, int64_t due_ms,
                     std::function<void(Status)> done) override {
    if (failing) return done(MakeError(ErrorCode::kUnavailable, "queue unavailable"));
    checks.emplace(key + "." + std::to_string(due_ms), Check{key, due_ms, due_ms});
    done(Status::Ok());
  }
  // Hands every check due at `now` to `watchers` in turn; returns how many.
  size_t Deliver(int64_t now, const std::vector<vault::ExpiryWatcher*>& watchers) {
    std::vector<std::string> due;
    for (const auto& [id, check] : checks) {
      if (check.not_before_ms <= now) due.push_back(id);
    }
    size_t turn = 0;
    for (const std::string& id : due) {
      const Check check = checks.at(id);
      checks.erase(id);  // taken: the queue does not hand it out again meanwhile
      watchers[turn++ % watchers.size()]->Check(check.key, [this, id, check](vault::ExpiryVerdict v) {
        if (!v.done) checks.emplace(id, Check{check.key, check.due_ms, v.retry_at_ms});
      });
    }
    return due.size();
  }
  std::map<std::string, Check> checks;
};

// One worker's watcher over the shared store and queue.
struct Worker {
  Worker(std::shared_ptr<vault::SessionStore> store, std::shared_ptr<WorkQueue> queue,
         DedupSink* sink, int64_t* now, const std::string& id)
      : watcher(std::move(store), std::move(queue), sink->fn(),
                {id, kRetryMs, [now] { return *now; }}, &logger) {}
  Logger logger{LogLevel::kError};
  vault::ExpiryWatcher watcher;
};

struct ExpiryFixture {
  std::shared_ptr<FlakyStore> store = std::make_shared<FlakyStore>();
  std::shared_ptr<WorkQueue> queue = std::make_shared<WorkQueue>();
  int64_t now = 1'700'000'000'000;
  vault::SessionVault vault{store, [this] {
                              vault::VaultOptions o;
                              o.default_ttl = std::chrono::seconds(kTtlMs / 1000);
                              o.now_ms = [this] { return now; };
                              return o;
                            }()};
  DedupSink sink;
  std::vector<std::unique_ptr<Worker>> workers;

  explicit ExpiryFixture(int worker_count = 1) {
    for (int i = 0; i < worker_count; ++i) AddWorker("w" + std::to_string(i));
  }

  void AddWorker(const std::string& id) {
    workers.push_back(std::make_unique<Worker>(store, queue, &sink, &now, id));
  }

  // A session of `account` with one value, its check queued as the session
  // store queues it when it creates a session.
  std::string NewSession(const std::string& account = "") {
    auto result = testing::TokenizeAndWait(vault, account, "", {{"EMAIL", "someone@example.com"}}, {});
    REQUIRE(result.ok());
    const std::string key = vault::StorageKey(account, result->session_id);
    auto stored = store->Load(key);
    REQUIRE(stored.ok());
    v1::SessionRecord record;
    REQUIRE(record.ParseFromString(stored->bytes));
    queue->ScheduleAsync(key, record.expires_at_ms(), [](Status) {});
    return result->session_id;
  }

  size_t CheckAll() {
    std::vector<vault::ExpiryWatcher*> watchers;
    for (auto& w : workers) watchers.push_back(&w->watcher);
    return queue->Deliver(now, watchers);
  }
};

}  // namespace

TEST_CASE("expiry watcher: an expired session gives one expire event and is erased") {
  ExpiryFixture f;
  const std::string id = f.NewSession("TENANT_A");
  const std::string key = vault::StorageKey("TENANT_A", id);
  const uint64_t revision = f.store->Load(key)->revision;

  f.now += kTtlMs - 1;
  CHECK(f.CheckAll() == 0);
  CHECK(f.sink.calls == 0);

  f.now += 1;
  CHECK(f.CheckAll() == 1);
  REQUIRE(f.sink.stored.size() == 1);
  const auto& [msg_id, event] = *f.sink.stored.begin();
  CHECK(msg_id == "expire." + key + "." + std::to_string(revision));
  CHECK(event.kind() == "expire");
  CHECK(event.session_id() == id);
  CHECK(event.account() == "TENANT_A");
  CHECK(event.worker_id() == "w0");
  CHECK(event.timestamp_ms() == f.now);
  CHECK(event.entity_count() == 0);
  CHECK(event.request_id().empty());
  CHECK(f.store->size() == 0);
  CHECK(f.workers[0]->watcher.events_published() == 1);
}

TEST_CASE("expiry watcher: a session extended while its event is published is not erased") {
  ExpiryFixture f;
  const std::string id = f.NewSession();
  const std::string key = vault::StorageKey("", id);
  uint64_t extended_to = 0;
  // Another worker, its clock a little behind, extends the session between
  // this worker's check and its erasure.
  f.sink.meanwhile = [&] {
    auto stored = f.store->Load(key);
    REQUIRE(stored.ok());
    auto updated = testing::UpdateAndWait(*f.store, key, stored->bytes, f.now + kTtlMs, stored->revision);
    REQUIRE(updated.ok());
    extended_to = *updated;
  };
  f.now += kTtlMs;
  CHECK(f.CheckAll() == 1);
  CHECK(f.sink.stored.size() == 1);
  REQUIRE(f.store->size() == 1);
  CHECK(f.store->Load(key)->revision == extended_to);
}

TEST_CASE("expiry watcher: three workers, one event") {
  ExpiryFixture f(3);
  std::vector<std::string> ids;
  for (int i = 0; i < 10; ++i) ids.push_back(f.NewSession());
  f.now += kTtlMs;
  CHECK(f.CheckAll() == 10);  // the queue hands each check to one worker
  CHECK(f.sink.calls == 10);
  CHECK(f.sink.stored.size() == 10);
  CHECK(f.store->size() == 0);
  CHECK(f.queue->checks.empty());
  f.now += kTtlMs;
  CHECK(f.CheckAll() == 0);
}

TEST_CASE("expiry watcher: a check whose erasure failed is taken again, by any worker") {
  ExpiryFixture f(2);
  const std::string id = f.NewSession();
  const std::string key = vault::StorageKey("", id);
  f.now += kTtlMs;
  f.store->fail_erase = true;
  CHECK(f.CheckAll() == 1);  // published, could not erase: given back
  CHECK(f.CheckAll() == 0);  // not before the retry time
  f.store->fail_erase = false;
  f.now += kRetryMs;
  CHECK(f.CheckAll() == 1);  // publishes again, same message id
  CHECK(f.sink.calls == 2);
  CHECK(f.sink.stored.size() == 1);
  CHECK(f.store->size() == 0);
  CHECK(f.queue->checks.empty());
}

TEST_CASE("expiry watcher: a check delivered again after its session was erased gives nothing") {
  // A worker that died after erasing, before acknowledging: the queue
  // delivers its check again.
  ExpiryFixture f(2);
  const std::string id = f.NewSession();
  const std::string key = vault::StorageKey("", id);
  f.now += kTtlMs;
  CHECK(f.CheckAll() == 1);
  f.queue->ScheduleAsync(key, f.now - 1, [](Status) {});
  CHECK(f.CheckAll() == 1);
  CHECK(f.sink.calls == 1);
  CHECK(f.queue->checks.empty());
}

TEST_CASE("expiry watcher: deleted or extended sessions give no event at the old deadline") {
  ExpiryFixture f;
  const std::string deleted = f.NewSession();
  const std::string extended = f.NewSession();
  REQUIRE(testing::EraseNow(f.vault, "", deleted).ok());

  f.now += kTtlMs / 2;
  REQUIRE(testing::TokenizeAndWait(f.vault, "", extended, {{"EMAIL", "other@example.com"}}, {}).ok());
  // The check of the old deadline is due.
  f.now += kTtlMs / 2;
  CHECK(f.CheckAll() == 2);
  CHECK(f.sink.calls == 0);
  CHECK(f.store->size() == 1);
  // The check found the newer revision and queued itself for its expiry.
  REQUIRE(f.queue->checks.size() == 1);
  CHECK(f.queue->checks.begin()->second.due_ms == f.now + kTtlMs / 2);

  f.now += kTtlMs / 2;
  CHECK(f.CheckAll() == 1);
  REQUIRE(f.sink.stored.size() == 1);
  CHECK(f.sink.stored.begin()->second.session_id() == extended);
  CHECK(f.store->size() == 0);
}

TEST_CASE("expiry watcher: sessions that expired while no worker ran fire at once") {
  ExpiryFixture f;
  f.workers.clear();
  f.NewSession();
  f.now += 10 * kTtlMs;
  // A worker starts: the queue still holds the check.
  f.AddWorker("late");
  CHECK(f.sink.calls == 0);
  CHECK(f.CheckAll() == 1);
  REQUIRE(f.sink.stored.size() == 1);
  CHECK(f.sink.stored.begin()->second.worker_id() == "late");
}

TEST_CASE("expiry watcher: store or audit failures are retried until the event is stored") {
  ExpiryFixture f;
  f.NewSession();
  f.now += kTtlMs;
  f.store->fail_load = true;
  CHECK(f.CheckAll() == 1);
  CHECK(f.sink.calls == 0);
  f.store->fail_load = false;
  f.sink.failing = true;
  CHECK(f.CheckAll() == 0);  // not before the retry time
  f.now += kRetryMs;
  CHECK(f.CheckAll() == 1);
  CHECK(f.sink.calls == 1);
  CHECK(f.store->size() == 1);  // not erased without its event
  f.sink.failing = false;
  f.now += kRetryMs;
  CHECK(f.CheckAll() == 1);
  CHECK(f.sink.stored.size() == 1);
  CHECK(f.store->size() == 0);
}

TEST_CASE("expiry watcher: an extended session whose check cannot be queued again is retried") {
  ExpiryFixture f;
  const std::string id = f.NewSession();
  f.now += kTtlMs / 2;
  REQUIRE(testing::TokenizeAndWait(f.vault, "", id, {{"EMAIL", "other@example.com"}}, {}).ok());
  f.now += kTtlMs / 2;
  f.queue->failing = true;
  CHECK(f.CheckAll() == 1);
  REQUIRE(f.queue->checks.size() == 1);  // given back, not lost
  CHECK(f.queue->checks.begin()->second.not_before_ms == f.now + kRetryMs);
  f.queue->failing = false;
  f.now += kRetryMs;
  CHECK(f.CheckAll() == 1);
  REQUIRE(f.queue->checks.size() == 1);  // now filed under the new expiry
  f.now += kTtlMs;
  CHECK(f.CheckAll() == 1);
  CHECK(f.sink.stored.size() == 1);
  CHECK(f.store->size() == 0);
}
