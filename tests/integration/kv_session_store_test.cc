// The KV session store against a real nats-server: its asynchronous read
// (a message get through the JetStream publisher) answers as its waiting one.
#include <doctest/doctest.h>

#include <future>
#include <memory>
#include <string>

#include "nats/jetstream_publisher.h"
#include "nats/kv_session_store.h"
#include "support/nats_client.h"
#include "support/nats_server.h"
#include "vault/cache_lease.h"
#include "vault/session_id.h"
#include "vault/session_index.h"
#include "vault/storage_key.h"

using namespace privacy;
using namespace privacy::testing;

namespace {

Result<vault::StoredBytes> LoadAsyncAndWait(vault::SessionStore& store, const std::string& key) {
  std::promise<Result<vault::StoredBytes>> outcome;
  store.LoadAsync(key, [&outcome](Result<vault::StoredBytes> stored) {
    outcome.set_value(std::move(stored));
  });
  return outcome.get_future().get();
}

template <typename Write>
auto Waited(Write write) {
  std::promise<Result<uint64_t>> outcome;
  write([&outcome](Result<uint64_t> revision) { outcome.set_value(std::move(revision)); });
  return outcome.get_future().get();
}

// `size` bytes running through every byte value.
std::string EveryByte(size_t size) {
  std::string bytes(size, '\0');
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(i % 256);
  return bytes;
}

}  // namespace

TEST_SUITE("kv session store") {
  TEST_CASE("LoadAsync reads what Load reads: bytes and revision, 404 when absent or deleted") {
    NatsServer server;
    NatsClient client(server.url());
    Logger logger(LogLevel::kError);
    auto publisher = nats::JetStreamPublisher::Start(client.connection(), {}, &logger);
    REQUIRE(publisher.ok());
    auto index = std::make_shared<vault::SessionIndex>(1 << 20);
    auto lease = std::make_shared<vault::CacheLease>(std::chrono::milliseconds(1000));
    nats::KvBucketOptions options;
    options.bucket = "load_async";
    options.memory_storage = true;
    auto opened = nats::KvSessionStore::Open(
        client.jetstream(), options, index, lease,
        std::shared_ptr<nats::JetStreamPublisher>(std::move(*publisher)), nullptr, &logger);
    REQUIRE(opened.ok());
    nats::KvSessionStore& store = **opened;
    const std::string key = vault::StorageKey("", vault::NewSessionId());

    CHECK(LoadAsyncAndWait(store, key).error().code == ErrorCode::kNotFound);
    CHECK(store.Load(key).error().code == ErrorCode::kNotFound);

    // Lengths that leave two, one and no padding characters in base64.
    uint64_t revision = 0;
    for (size_t size : {257, 1001, 3000}) {
      CAPTURE(size);
      const std::string bytes = EveryByte(size);
      auto written = Waited([&](auto done) {
        if (revision == 0) return store.CreateAsync(key, bytes, 1'900'000'000'000, done);
        store.UpdateAsync(key, bytes, 1'900'000'000'000, revision, done);
      });
      REQUIRE(written.ok());
      revision = *written;
      auto read = LoadAsyncAndWait(store, key);
      REQUIRE(read.ok());
      CHECK(read->revision == revision);
      CHECK(read->bytes == bytes);
      auto waited = store.Load(key);
      REQUIRE(waited.ok());
      CHECK(waited->revision == read->revision);
      CHECK(waited->bytes == read->bytes);
    }

    std::promise<Status> erased;
    store.EraseIfUnchangedAsync(key, revision, [&erased](Status s) { erased.set_value(s); });
    REQUIRE(erased.get_future().get().ok());
    CHECK(LoadAsyncAndWait(store, key).error().code == ErrorCode::kNotFound);
    CHECK(store.Load(key).error().code == ErrorCode::kNotFound);
    // Reads in flight keep their key's entry only while in flight.
    CHECK(index->held_entries() <= 1);
  }
}
