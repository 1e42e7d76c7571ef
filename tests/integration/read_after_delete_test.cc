// Read-after-delete on every worker: once privacy.delete has answered, no
// worker serves the session's values, whether its change feed is healthy,
// polling at the longest interval, or stalled while its worker still takes
// requests; a stalled worker reads the bucket instead of its cache.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "integration/test_values.h"
#include "support/nats_server.h"
#include "support/readiness.h"
#include "support/tcp_relay.h"
#include "support/worker_process.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

// A session of the service's own account holding kEmail, and its token.
struct MaskedSession {
  std::string id;
  std::string token;
};

MaskedSession MaskEmail(NatsClient& client) {
  auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
  REQUIRE(m.entities_size() == 1);
  return {m.session_id(), m.entities(0).token()};
}

// Resolves `session` `times` times; every answer must hold the value (so
// that every worker has read, and cached, the session).
void ResolveEverywhere(NatsClient& client, const MaskedSession& session, int times) {
  for (int i = 0; i < times; ++i) {
    auto r = Call<v1::ResolveReply>(client, kResolve, ResolveReq(session.id, {session.token}));
    REQUIRE(r.resolved().at(session.token) == kEmail.value);
  }
}

// What the workers answered about a deleted session.
struct AfterDelete {
  int values_served = 0;  // replies carrying the session's value
  int not_found = 0;      // 404s
  int other = 0;          // anything else
};

// Deletes `session`, then asks `resolves` resolves, a demask and a mask into
// it, one after the other.
AfterDelete DeleteThenRead(NatsClient& client, const MaskedSession& session, int resolves) {
  REQUIRE(Call<v1::DeleteReply>(client, kDelete, DeleteReq(session.id)).deleted());
  AfterDelete seen;
  auto count = [&seen](const Reply& reply) {
    REQUIRE(reply.ok());
    auto code = reply.Header("Nats-Service-Error-Code");
    if (!code) {
      ++seen.values_served;
    } else if (*code == "404") {
      ++seen.not_found;
    } else {
      ++seen.other;
    }
  };
  for (int i = 0; i < resolves; ++i) {
    count(Send(client, kResolve, ResolveReq(session.id, {session.token})));
  }
  count(Send(client, kDemask, DemaskReq(session.id, "to " + session.token)));
  count(Send(client, kMask, MaskReq("mail " + kPhone.value, session.id)));
  return seen;
}

// The lines of `log` that report a request to `endpoint` answered `code`.
int LoggedReplies(const std::string& log, const std::string& endpoint, int code) {
  const std::string mark = "\"endpoint\":\"" + endpoint + "\"";
  const std::string code_mark = "\"code\":" + std::to_string(code);
  int count = 0;
  size_t line_start = 0;
  while (line_start < log.size()) {
    size_t line_end = log.find('\n', line_start);
    if (line_end == std::string::npos) line_end = log.size();
    std::string_view line(log.data() + line_start, line_end - line_start);
    if (line.find(mark) != std::string_view::npos &&
        line.find(code_mark) != std::string_view::npos) {
      ++count;
    }
    line_start = line_end + 1;
  }
  return count;
}

int Occurrences(const std::string& text, const std::string& what) {
  int count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace

TEST_SUITE("read after delete") {
  TEST_CASE("two workers: no value is served once delete has answered") {
    NatsServer server;
    WorkerProcess first(server.url());
    WorkerProcess second(server.url());
    WaitForWorkerSubscriptions(server.monitor_port(), 2);
    NatsClient client(server.url());
    WaitUntilReady(client);
    AfterDelete total;
    std::vector<std::string> session_ids;
    for (int round = 0; round < 5; ++round) {
      MaskedSession session = MaskEmail(client);
      session_ids.push_back(session.id);
      ResolveEverywhere(client, session, 20);
      AfterDelete seen = DeleteThenRead(client, session, 100);
      total.values_served += seen.values_served;
      total.not_found += seen.not_found;
      total.other += seen.other;
    }
    CHECK(total.values_served == 0);
    CHECK(total.other == 0);
    CHECK(total.not_found == 5 * 102);
    // Both workers answered reads of deleted sessions.
    CHECK(LoggedReplies(first.Log(), "resolve", 404) > 0);
    CHECK(LoggedReplies(second.Log(), "resolve", 404) > 0);
    // Their info-level lines about those 404s name no session.
    for (const std::string& id : session_ids) {
      CHECK(first.Log().find(id) == std::string::npos);
      CHECK(second.Log().find(id) == std::string::npos);
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
}
