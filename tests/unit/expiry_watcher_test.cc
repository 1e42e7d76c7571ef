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
using privacy::vault::SessionState;

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

// One worker's view: its session index, fed by hand as the change feed
// would, and its watcher over the shared store.
struct Worker {
  Worker(std::shared_ptr<vault::SessionStore> store, DedupSink* sink, int64_t* now,
         const std::string& id)
      : index(std::make_shared<vault::SessionIndex>(1 << 20, 0, [now] { return *now; })),
        watcher(std::move(store), index, sink->fn(),
                {id, kRetryMs, [now] { return *now; }}, &logger) {}
  Logger logger{LogLevel::kError};
  std::shared_ptr<vault::SessionIndex> index;
  vault::ExpiryWatcher watcher;
};

struct ExpiryFixture {
  std::shared_ptr<FlakyStore> store = std::make_shared<FlakyStore>();
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
    for (int i = 0; i < worker_count; ++i) {
      workers.push_back(std::make_unique<Worker>(store, &sink, &now, "w" + std::to_string(i)));
    }
  }

  // A session of `account` with one value; every worker's index learns it.
  std::string NewSession(const std::string& account = "") {
    auto result = testing::TokenizeAndWait(vault, account, "", {{"EMAIL", "someone@example.com"}}, {});
    REQUIRE(result.ok());
    Announce(account, result->session_id);
    return result->session_id;
  }

  // Tells every worker the current revision and expiry of a session.
  void Announce(const std::string& account, const std::string& session_id) {
    const std::string key = vault::StorageKey(account, session_id);
    auto stored = store->Load(key);
    REQUIRE(stored.ok());
    v1::SessionRecord record;
    REQUIRE(record.ParseFromString(stored->bytes));
    for (auto& w : workers) {
      w->index->Apply(key, stored->revision, SessionState::ExpiresAt(record.expires_at_ms()));
    }
  }

  size_t CheckAll() {
    size_t checked = 0;
    for (auto& w : workers) checked += w->watcher.CheckDue();
    return checked;
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
  CHECK(f.CheckAll() == 30);  // every worker checks every session...
  CHECK(f.sink.calls == 10);  // ...and the first one to confirm publishes
  CHECK(f.sink.stored.size() == 10);
  CHECK(f.store->size() == 0);
}

TEST_CASE("expiry watcher: a worker that dies before erasing is covered by the next") {
  ExpiryFixture f(2);
  f.NewSession();
  f.now += kTtlMs;
  f.store->fail_erase = true;
  CHECK(f.workers[0]->watcher.CheckDue() == 1);  // published, could not erase
  f.store->fail_erase = false;
  CHECK(f.workers[1]->watcher.CheckDue() == 1);  // publishes again, same message id
  CHECK(f.sink.calls == 2);
  CHECK(f.sink.stored.size() == 1);
  CHECK(f.store->size() == 0);
  // The first worker's retry finds the session gone.
  f.now += kRetryMs;
  CHECK(f.workers[0]->watcher.CheckDue() == 1);
  CHECK(f.sink.calls == 2);
}

TEST_CASE("expiry watcher: deleted or extended sessions give no event at the old deadline") {
  ExpiryFixture f;
  const std::string deleted = f.NewSession();
  const std::string extended = f.NewSession();
  // The change feed would apply the deletion to the index; it does not here.
  REQUIRE(testing::EraseNow(f.vault, "", deleted).ok());

  f.now += kTtlMs / 2;
  REQUIRE(testing::TokenizeAndWait(f.vault, "", extended, {{"EMAIL", "other@example.com"}}, {}).ok());
  // The feed has not delivered the extension yet: the old deadline fires.
  f.now += kTtlMs / 2;
  CHECK(f.CheckAll() == 2);
  CHECK(f.sink.calls == 0);
  CHECK(f.store->size() == 1);

  // The check found the newer revision and now waits for its expiry.
  f.now += kTtlMs / 2;
  CHECK(f.CheckAll() == 1);
  REQUIRE(f.sink.stored.size() == 1);
  CHECK(f.sink.stored.begin()->second.session_id() == extended);
  CHECK(f.store->size() == 0);
}

TEST_CASE("expiry watcher: sessions that expired while no worker ran fire at once") {
  ExpiryFixture f;
  f.workers.clear();
  const std::string id = f.NewSession();
  f.now += 10 * kTtlMs;
  // A worker starts: the change feed replays the bucket.
  f.workers.push_back(std::make_unique<Worker>(f.store, &f.sink, &f.now, "late"));
  f.Announce("", id);
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
