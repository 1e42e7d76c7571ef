// Read-after-delete on every worker: once privacy.delete has answered, no
// worker serves the session's values, whether its change feed is healthy,
// polling at the longest interval, or stalled while its worker still takes
// requests, or its change feed's consumer is lost and made again (after the
// last change it applied, without replaying the bucket); a stalled worker
// reads the bucket instead of its cache.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "integration/read_after_delete_checks.h"
#include "integration/test_values.h"
#include "support/jetstream_reader.h"
#include "support/nats_server.h"
#include "support/readiness.h"
#include "support/tcp_relay.h"
#include "support/worker_process.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

const std::string kSessionStream = "KV_privacy_sessions";

// The workers' change feed consumers of the session bucket.
std::vector<ConsumerSummary> FeedConsumers(NatsClient& client) {
  std::vector<ConsumerSummary> feeds;
  for (ConsumerSummary& consumer : Consumers(client, kSessionStream)) {
    if (consumer.description == "privacy-filter worker: session changes") {
      feeds.push_back(std::move(consumer));
    }
  }
  return feeds;
}

int Occurrences(const std::string& text, const std::string& what) {
  int count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

// A nats-server, two workers of the default settings, and a client.
struct TwoWorkers {
  NatsServer server;
  WorkerProcess first{server.url()};
  WorkerProcess second{server.url()};
  NatsClient client{server.url()};

  TwoWorkers() {
    WaitForWorkerSubscriptions(server.monitor_port(), 2);
    WaitUntilReady(client);
  }
};

}  // namespace

TEST_SUITE("read after delete") {
  TEST_CASE("two workers: no value is served once delete has answered") {
    TwoWorkers w;
    NatsClient& client = w.client;
    AfterDelete total;
    std::vector<std::string> session_ids;
    for (int round = 0; round < 5; ++round) {
      MaskedSession session = MaskEmail(client);
      session_ids.push_back(session.id);
      ResolveEverywhere(client, session, 20);
      total += DeleteThenRead(client, session, 100);
    }
    CHECK(total.values_served == 0);
    CHECK(total.other == 0);
    CHECK(total.not_found == 5 * 102);
    // Both workers answered reads of deleted sessions.
    CHECK(LoggedReplies(w.first.Log(), "resolve", 404) > 0);
    CHECK(LoggedReplies(w.second.Log(), "resolve", 404) > 0);
    // Their info-level lines about those 404s name no session.
    for (const std::string& id : session_ids) {
      CHECK(w.first.Log().find(id) == std::string::npos);
      CHECK(w.second.Log().find(id) == std::string::npos);
    }
  }

  TEST_CASE("a worker polling at the longest feed interval serves no deleted session") {
    NatsServer server;
    WorkerProcess slow(server.url(), {"--session-feed-interval-ms", "60000"});
    WorkerProcess usual(server.url());
    WaitForWorkerSubscriptions(server.monitor_port(), 2);
    NatsClient client(server.url());
    WaitUntilReady(client);
    MaskedSession session = MaskEmail(client);
    ResolveEverywhere(client, session, 20);
    AfterDelete seen = DeleteThenRead(client, session, 200);
    CHECK(seen.values_served == 0);
    CHECK(seen.other == 0);
    CHECK(LoggedReplies(slow.Log(), "resolve", 404) > 0);
    CHECK(slow.Log().find("session_cache_lease_too_short") != std::string::npos);
    // It still serves live sessions, from the bucket.
    ResolveEverywhere(client, MaskEmail(client), 40);
  }

  TEST_CASE("a worker whose change feed stalls reads the bucket, and serves no deleted session") {
    NatsServer server;
    // The first worker reaches the server through a relay that can stall
    // its change feed's connection (named privacy-filter-<id>-feed) while
    // its requests keep flowing.
    TcpRelay relay(server.port(), "-feed\"");
    WorkerProcess stalled(relay.url());
    WorkerProcess healthy(server.url());
    WaitForWorkerSubscriptions(server.monitor_port(), 2);
    REQUIRE(relay.marked_connections() == 1);
    NatsClient client(server.url());
    WaitUntilReady(client);
    MaskedSession session = MaskEmail(client);
    ResolveEverywhere(client, session, 20);

    relay.Stall();
    AfterDelete seen = DeleteThenRead(client, session, 500);
    CHECK(seen.values_served == 0);
    CHECK(seen.other == 0);
    CHECK(seen.not_found == 502);
    CHECK(LoggedReplies(stalled.Log(), "resolve", 404) > 0);
    // Sessions written while the feed stalls still resolve on both workers.
    ResolveEverywhere(client, MaskEmail(client), 40);
    CHECK(PollUntil([&] { return stalled.Log().find("session_cache_not_current") !=
                                 std::string::npos; },
                    std::chrono::seconds(5)));

    relay.Release();
    CHECK(PollUntil([&] { return Occurrences(stalled.Log(), "session_cache_current\"") >= 2; },
                    std::chrono::seconds(10)));
    ResolveEverywhere(client, MaskEmail(client), 20);
  }

  TEST_CASE("a lost change feed consumer is made again after the last change applied") {
    TwoWorkers w;
    NatsClient& client = w.client;
    for (int i = 0; i < 40; ++i) MaskEmail(client);
    MaskedSession session = MaskEmail(client);
    ResolveEverywhere(client, session, 20);
    // Both feeds have applied the whole bucket.
    const uint64_t last = GetStream(client, kSessionStream)->last_seq;
    REQUIRE(PollUntil(
        [&] {
          auto feeds = FeedConsumers(client);
          return feeds.size() == 2 && feeds[0].delivered_stream_seq == last &&
                 feeds[1].delivered_stream_seq == last;
        },
        std::chrono::seconds(5)));

    for (const ConsumerSummary& feed : FeedConsumers(client)) {
      DeleteConsumer(client, kSessionStream, feed.name);
    }
    // Right away, while the workers notice and make new consumers: the
    // deletion marker is the first change the new consumers deliver.
    AfterDelete seen = DeleteThenRead(client, session, 100);
    CHECK(seen.values_served == 0);
    CHECK(seen.other == 0);

    REQUIRE(PollUntil(
        [&] {
          return w.first.Log().find("session_feed_consumer_created") != std::string::npos &&
                 w.second.Log().find("session_feed_consumer_created") != std::string::npos;
        },
        std::chrono::seconds(10)));
    auto feeds = FeedConsumers(client);
    REQUIRE(feeds.size() == 2);
    for (const ConsumerSummary& feed : feeds) {
      CAPTURE(feed.name);
      CHECK(feed.deliver_policy == js_DeliverByStartSequence);
      CHECK(feed.opt_start_seq == last + 1);
    }
    const std::string resumed = "\"start_sequence\":" + std::to_string(last + 1);
    CHECK(w.first.Log().find(resumed) != std::string::npos);
    CHECK(w.second.Log().find(resumed) != std::string::npos);

    // The new feeds keep both copies current: a new session resolves on
    // both workers, and its deletion is a deletion on both.
    MaskedSession later = MaskEmail(client);
    ResolveEverywhere(client, later, 20);
    seen = DeleteThenRead(client, later, 100);
    CHECK(seen.values_served == 0);
    CHECK(seen.other == 0);
    CHECK(seen.not_found == 102);
    // They delivered only what was stored after the loss, not the 40 and
    // more sessions before it.
    for (const ConsumerSummary& feed : FeedConsumers(client)) {
      CAPTURE(feed.name);
      CHECK(feed.delivered_messages < 10);
    }
  }
}
