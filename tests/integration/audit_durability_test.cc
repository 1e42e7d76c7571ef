// Audit durability: events the audit stream did not acknowledge because
// nats-server restarted are published again (same message id) until it
// does, so every successful request is audited exactly once.
#include <doctest/doctest.h>

#include <map>
#include <thread>

#include "integration/test_values.h"
#include "support/audit_events.h"
#include "support/mask_load.h"
#include "support/readiness.h"
#include "support/service_env.h"

using namespace privacy::testing;

TEST_SUITE("audit durability") {
  TEST_CASE("every successful request is audited exactly once across a nats-server restart") {
    ServiceEnv env({"audit-restart", 2});
    MaskLoad load({env.server().url()}, 6);
    REQUIRE(load.WaitForSuccesses(300, std::chrono::seconds(20)));
    env.server().Restart();
    WaitUntilReady(env.client(), nullptr, std::chrono::seconds(20));
    REQUIRE(load.WaitForSuccesses(load.successes() + 300, std::chrono::seconds(20)));
    load.Stop();
    MESSAGE("load: ", load.Summary());
    const auto& sessions = load.sessions();
    REQUIRE(sessions.size() > 300);

    // Each load session saw one mask (which created it) and at most one
    // resolve: count their events by session and kind.
    std::map<std::pair<std::string, std::string>, int> per_session;
    std::map<std::string, int> events_per_msg_id;
    std::vector<AuditRecord> events;
    size_t missing = 0;
    auto all_audited = [&] {
      events = ReadAuditEvents(env.client());
      per_session.clear();
      for (const auto& record : events) {
        ++per_session[{record.event.session_id(), record.event.kind()}];
      }
      missing = 0;
      for (const auto& s : sessions) {
        missing += per_session.count({s.session_id, "mask"}) == 0;
        missing += s.resolved && per_session.count({s.session_id, "resolve"}) == 0;
      }
      return missing == 0;
    };
    const bool complete = PollUntil(all_audited, std::chrono::seconds(30));
    CHECK_MESSAGE(complete, missing, " successful requests of ", sessions.size(),
                  " sessions have no event");
    for (const auto& s : sessions) {
      CAPTURE(s.session_id);
      CHECK(per_session[{s.session_id, "mask"}] <= 1);
      CHECK(per_session[{s.session_id, "resolve"}] <= 1);
    }
    // No event of any kind is stored twice.
    for (const auto& record : events) {
      ++events_per_msg_id[record.event.worker_id() + "." + record.event.request_id()];
    }
    for (const auto& [id, count] : events_per_msg_id) {
      CAPTURE(id);
      CHECK(count == 1);
    }
    // A message published again keeps its first event's id (expire events
    // have ids of their own).
    size_t messages = 0;
    for (const auto& record : events) {
      if (record.index != 0) continue;
      ++messages;
      if (record.event.kind() == "expire") continue;
      CAPTURE(record.stored->seq);
      CHECK(MessageId(*record.stored) == RequestMessageId(record.event));
    }
    size_t recovered = 0;
    for (size_t i = 0; i < env.worker_count(); ++i) {
      const std::string log = env.worker(i).Log();
      for (size_t at = log.find("audit_publish_recovered"); at != std::string::npos;
           at = log.find("audit_publish_recovered", at + 1)) {
        ++recovered;
      }
    }
    MESSAGE(events.size(), " events in ", messages, " messages in the stream; workers recovered "
            "from failed audit publishes ", recovered, " times");
    CHECK(env.worker(0).Stop() == 0);
    CHECK(env.worker(1).Stop() == 0);
  }
}
