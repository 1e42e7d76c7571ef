// Expiry events: every session that expires gives exactly one
// privacy.events.expire audit event, whatever the number of workers (they
// share the expiry queue), also when it expired while no worker was
// running; deleted or extended sessions give none at their old deadline.
// Sessions without a check (written before the expiry queue existed) get
// one from `privacy-filter expiry requeue`. And a worker whose change feed
// consumer was lost makes a new one.
#include <doctest/doctest.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

#include "integration/test_values.h"
#include "support/audit_events.h"
#include "support/command_run.h"
#include "support/readiness.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

const std::vector<std::string> kShortSessions = {"--session-ttl", "1"};
// A worker checks an expired session at most 1 s after its expiry; waiting
// this long after every expected event has arrived gives a duplicate every
// chance to show up.
constexpr auto kSettle = std::chrono::milliseconds(1500);

// Expire events in the audit stream, by session id.
std::map<std::string, std::vector<AuditRecord>> ExpireEvents(NatsClient& client) {
  std::map<std::string, std::vector<AuditRecord>> by_session;
  for (AuditRecord& record : ReadAuditEvents(client)) {
    if (record.event.kind() == "expire") {
      by_session[record.event.session_id()].push_back(std::move(record));
    }
  }
  return by_session;
}

// Polls until every session of `ids` has an expire event, then lets
// duplicates (if any) arrive; returns the events.
std::map<std::string, std::vector<AuditRecord>> AwaitExpireEvents(
    NatsClient& client, const std::vector<std::string>& ids, std::chrono::seconds timeout) {
  std::map<std::string, std::vector<AuditRecord>> events;
  bool all = PollUntil(
      [&] {
        events = ExpireEvents(client);
        return std::all_of(ids.begin(), ids.end(), [&](const auto& id) { return events.count(id); });
      },
      timeout);
  CHECK_MESSAGE(all, "expire events for ", events.size(), " of ", ids.size(), " sessions");
  std::this_thread::sleep_for(kSettle);
  return ExpireEvents(client);
}

v1::MaskReply MaskNew(NatsClient& client, int i) {
  return Call<v1::MaskReply>(client, kMask,
                             MaskReq("user" + std::to_string(i) + "@example.com wrote"));
}

}  // namespace

TEST_SUITE("expiry events") {
  TEST_CASE("three workers publish exactly one expire event per expired session") {
    ServiceEnv env({"expiry-three-workers", 3, kShortSessions});
    NatsClient& client = env.client();
    std::vector<v1::MaskReply> expiring;
    for (int i = 0; i < 12; ++i) expiring.push_back(MaskNew(client, i));
    auto deleted = MaskNew(client, 100);
    auto extended = MaskNew(client, 101);
    REQUIRE(Call<v1::DeleteReply>(client, kDelete, DeleteReq(deleted.session_id())).deleted());
    // Extend one session to 30 s: nothing may be published at its old deadline.
    v1::MaskRequest extend = MaskReq("and " + kIp.value, extended.session_id());
    extend.set_ttl_seconds(30);
    Call<v1::MaskReply>(client, kMask, extend);

    std::vector<std::string> ids;
    for (const auto& m : expiring) ids.push_back(m.session_id());
    auto events = AwaitExpireEvents(client, ids, std::chrono::seconds(10));

    std::set<std::string> confirming_workers;
    for (const auto& m : expiring) {
      CAPTURE(m.session_id());
      REQUIRE(events[m.session_id()].size() == 1);
      const AuditRecord& record = events[m.session_id()].front();
      CHECK(record.decode_error.empty());
      CHECK(record.stored->subject == "privacy.events.expire");
      CHECK(record.message_events == 1);  // expire events are not batched
      CHECK(record.event.timestamp_ms() >= m.expires_at());
      CHECK(record.event.account().empty());
      CHECK(record.event.request_id().empty());
      CHECK(record.event.entity_count() == 0);
      CHECK_FALSE(record.event.worker_id().empty());
      confirming_workers.insert(record.event.worker_id());
      CHECK(MessageId(*record.stored).rfind("expire." + OwnSessionKey(m.session_id()) + ".", 0) ==
            0);
      CHECK(record.line.find("@example.com") == std::string::npos);
      // Erased from the bucket after its event.
      CHECK_FALSE(KvGet(client, "privacy_sessions", OwnSessionKey(m.session_id())).has_value());
    }
    MESSAGE("expire events confirmed by ", confirming_workers.size(), " distinct workers");
    CHECK(events.count(deleted.session_id()) == 0);
    CHECK(events.count(extended.session_id()) == 0);
    // The extended session is alive and still answers.
    auto resolved = Call<v1::ResolveReply>(
        client, kResolve, ResolveReq(extended.session_id(), {extended.entities(0).token()}));
    CHECK(resolved.resolved_size() == 1);
  }

  TEST_CASE("sessions that expired while no worker ran are reported once workers start") {
    NatsServer server;
    NatsClient client(server.url());
    std::vector<std::string> ids;
    int64_t last_expiry = 0;
    {
      WorkerProcess worker(server.url());
      WaitUntilReady(client, &worker);
      for (int i = 0; i < 3; ++i) {
        v1::MaskRequest request = MaskReq("user" + std::to_string(i) + "@example.com wrote");
        request.set_ttl_seconds(2);
        auto mask = Call<v1::MaskReply>(client, kMask, request);
        ids.push_back(mask.session_id());
        last_expiry = std::max(last_expiry, mask.expires_at());
      }
      REQUIRE(worker.Stop() == 0);
    }
    REQUIRE(NowMs() < last_expiry);
    CHECK(ExpireEvents(client).empty());
    while (NowMs() < last_expiry + 500) std::this_thread::sleep_for(std::chrono::milliseconds(50));

    WorkerProcess first(server.url(), kShortSessions);
    WorkerProcess second(server.url(), kShortSessions);
    auto events = AwaitExpireEvents(client, ids, std::chrono::seconds(10));
    for (const auto& id : ids) {
      CAPTURE(id);
      CHECK(events[id].size() == 1);
    }
    CHECK(first.Stop() == 0);
    CHECK(second.Stop() == 0);
  }

  TEST_CASE("two workers share the expiry queue: one event per session, over many slots") {
    ServiceEnv env({"expiry-shared-queue", 2, kShortSessions});
    NatsClient& client = env.client();
    std::vector<std::string> expiring;
    std::vector<std::string> deleted;
    std::vector<std::string> extended;
    // Masked over about three seconds: their checks fall into several slots.
    for (int i = 0; i < 150; ++i) {
      auto mask = MaskNew(client, i);
      if (i % 10 == 3) {
        REQUIRE(Call<v1::DeleteReply>(client, kDelete, DeleteReq(mask.session_id())).deleted());
        deleted.push_back(mask.session_id());
      } else if (i % 10 == 7) {
        v1::MaskRequest extend = MaskReq("and " + kIp.value, mask.session_id());
        extend.set_ttl_seconds(60);
        Call<v1::MaskReply>(client, kMask, extend);
        extended.push_back(mask.session_id());
      } else {
        expiring.push_back(mask.session_id());
      }
      if (i % 50 == 49) std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    }
    auto events = AwaitExpireEvents(client, expiring, std::chrono::seconds(20));
    std::set<std::string> confirming_workers;
    for (const auto& id : expiring) {
      CAPTURE(id);
      REQUIRE(events[id].size() == 1);
      confirming_workers.insert(events[id].front().event.worker_id());
      CHECK_FALSE(KvGet(client, "privacy_sessions", OwnSessionKey(id)).has_value());
    }
    MESSAGE("expire events confirmed by ", confirming_workers.size(), " distinct workers");
    for (const auto& id : deleted) CHECK(events.count(id) == 0);
    for (const auto& id : extended) {
      CHECK(events.count(id) == 0);
      CHECK(KvGet(client, "privacy_sessions", OwnSessionKey(id)).has_value());
    }
    // The queue holds the extended sessions' checks, filed under their new
    // expiry, and nothing else.
    Reply info = client.Request("$JS.API.STREAM.INFO.PRIVACY_EXPIRY", "");
    REQUIRE_MESSAGE(info.ok(), info.Describe());
    google::protobuf::Struct stream;
    REQUIRE(google::protobuf::util::JsonStringToMessage(info.data, &stream).ok());
    CHECK(stream.fields().at("state").struct_value().fields().at("messages").number_value() ==
          static_cast<double>(extended.size()));
  }

  TEST_CASE("expiry requeue gives sessions without a check one, once") {
    ServiceEnv env({"expiry-requeue", 1, {"--session-ttl", "4"}});
    NatsClient& client = env.client();
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(MaskNew(client, i).session_id());
    auto deleted = MaskNew(client, 100);
    REQUIRE(Call<v1::DeleteReply>(client, kDelete, DeleteReq(deleted.session_id())).deleted());
    // As if written by a build without the expiry queue: no checks.
    Reply purged = client.Request("$JS.API.STREAM.PURGE.PRIVACY_EXPIRY", "");
    REQUIRE_MESSAGE(purged.ok(), purged.Describe());

    CommandRun requeue =
        RunPrivacyFilter({"expiry", "requeue", "--nats-url", env.server().url()});
    REQUIRE_MESSAGE(requeue.status == 0, requeue.Describe());
    CHECK(requeue.out.find("\"checks_queued\":5,") != std::string::npos);
    auto events = AwaitExpireEvents(client, ids, std::chrono::seconds(15));
    for (const auto& id : ids) {
      CAPTURE(id);
      CHECK(events[id].size() == 1);
    }
    CHECK(events.count(deleted.session_id()) == 0);
  }

  TEST_CASE("a worker whose change feed consumer was lost makes a new one") {
    ServiceEnv env({"expiry-lost-consumer", 1, kShortSessions});
    NatsClient& client = env.client();
    auto consumer_names = [&client] {
      Reply names = client.Request("$JS.API.CONSUMER.NAMES.KV_privacy_sessions", "");
      REQUIRE_MESSAGE(names.ok(), names.Describe());
      google::protobuf::Struct listed;
      REQUIRE(google::protobuf::util::JsonStringToMessage(names.data, &listed).ok());
      std::vector<std::string> found;
      for (const auto& name : listed.fields().at("consumers").list_value().values()) {
        found.push_back(name.string_value());
      }
      return found;
    };
    const auto consumers = consumer_names();
    REQUIRE(consumers.size() == 1);
    Reply deleted = client.Request(
        "$JS.API.CONSUMER.DELETE.KV_privacy_sessions." + consumers[0], "");
    REQUIRE_MESSAGE(deleted.ok(), deleted.Describe());
    CHECK(PollUntil(
        [&] {
          auto now = consumer_names();
          return now.size() == 1 && now[0] != consumers[0];
        },
        std::chrono::seconds(15)));

    std::vector<std::string> ids = {MaskNew(client, 1).session_id()};
    auto events = AwaitExpireEvents(client, ids, std::chrono::seconds(15));
    CHECK(events[ids.front()].size() == 1);
  }
}
