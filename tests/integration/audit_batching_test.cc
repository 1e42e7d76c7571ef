// Audit batching: a worker stores audit events of one kind that come close
// together as one message on privacy.events.<kind> (one JSON line per event,
// message id of the first event); --audit-batch-events bounds how many
// events a message holds, --audit-batch-delay-ms how long an event waits,
// and SIGTERM publishes the events still waiting.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <thread>

#include "integration/test_values.h"
#include "support/audit_events.h"
#include "support/jetstream_reader.h"
#include "support/readiness.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

// Requests to one subject, sent all at once on a connection of their own.
struct Burst {
  std::string subject;
  std::vector<std::string> payloads;  // Protobuf requests
};

// Sends every burst from a thread of its own, all together, and returns
// the replies of each burst in request order (a missing one has
// NATS_TIMEOUT).
std::vector<std::vector<Reply>> SendBursts(ServiceEnv& env, const std::vector<Burst>& bursts) {
  std::vector<std::unique_ptr<NatsClient>> clients;
  for (size_t i = 0; i < bursts.size(); ++i) clients.push_back(env.NewClient());
  std::vector<std::vector<Reply>> replies(bursts.size());
  std::vector<std::string> failures(bursts.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < bursts.size(); ++i) {
    threads.emplace_back([&, i] {
      try {
        replies[i] = clients[i]->RequestBatch(bursts[i].subject, bursts[i].payloads,
                                              HeadersFor(Encoding::kProtobuf),
                                              std::chrono::seconds(30));
      } catch (const std::exception& e) {
        failures[i] = e.what();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& failure : failures) REQUIRE_MESSAGE(failure.empty(), failure);
  return replies;
}

// The decoded successful reply; fails the test case otherwise.
template <class Resp>
Resp Decoded(const Reply& reply) {
  REQUIRE_MESSAGE(reply.ok(), reply.Describe());
  REQUIRE_MESSAGE(!reply.Header("Nats-Service-Error-Code"), reply.Describe());
  Resp out;
  const std::string error = Decode(reply.data, Encoding::kProtobuf, &out);
  REQUIRE_MESSAGE(error.empty(), error);
  return out;
}

std::string UserText(size_t i) { return "user" + std::to_string(i) + "@example.com wrote"; }

// Checks the framing every audit message of a request's events must have:
// every line a complete AuditEvent of the kind the subject names, the
// message ending with '\n', no larger than 256 KiB, its events from one
// worker and its id that of its first event. Returns how many messages
// each kind took.
std::map<std::string, size_t> CheckMessages(const std::vector<AuditRecord>& events) {
  std::map<std::string, size_t> messages_per_kind;
  const AuditRecord* first = nullptr;
  for (const AuditRecord& record : events) {
    CAPTURE(record.stored->seq);
    CAPTURE(record.index);
    CAPTURE(record.line);
    CHECK_MESSAGE(record.decode_error.empty(), record.decode_error);
    CHECK(record.stored->subject == "privacy.events." + record.event.kind());
    if (record.index == 0) {
      first = &record;
      ++messages_per_kind[record.event.kind()];
      CHECK(record.stored->data.ends_with('\n'));
      CHECK(record.stored->data.size() <= 256 * 1024);
      CHECK(MessageId(*record.stored) == RequestMessageId(record.event));
    } else {
      REQUIRE(first != nullptr);
      CHECK(record.stored->seq == first->stored->seq);
      CHECK(record.event.worker_id() == first->event.worker_id());
    }
  }
  return messages_per_kind;
}

}  // namespace

TEST_SUITE("audit batching") {
  TEST_CASE("concurrent requests: each event stored once, fewer messages than events") {
    ServiceEnv env({"audit-batching", 2});
    constexpr size_t kSessions = 300;
    constexpr size_t kMaskBursts = 3;
    std::vector<Burst> masks(kMaskBursts, Burst{kMask, {}});
    for (size_t i = 0; i < kSessions; ++i) {
      masks[i % kMaskBursts].payloads.push_back(Encode(MaskReq(UserText(i)), Encoding::kProtobuf));
    }
    std::vector<v1::MaskReply> masked;
    for (const std::vector<Reply>& replies : SendBursts(env, masks)) {
      for (const Reply& reply : replies) masked.push_back(Decoded<v1::MaskReply>(reply));
    }
    REQUIRE(masked.size() == kSessions);

    // Resolves and demasks at the same time: events of two kinds interleave.
    Burst resolves{kResolve, {}};
    Burst demasks{kDemask, {}};
    for (const v1::MaskReply& mask : masked) {
      REQUIRE(mask.entities_size() == 1);
      resolves.payloads.push_back(Encode(
          ResolveReq(mask.session_id(), {mask.entities(0).token()}), Encoding::kProtobuf));
      demasks.payloads.push_back(
          Encode(DemaskReq(mask.session_id(), mask.masked_text()), Encoding::kProtobuf));
    }
    for (const std::vector<Reply>& replies : SendBursts(env, {resolves, demasks})) {
      REQUIRE(replies.size() == kSessions);
      for (const Reply& reply : replies) CHECK_MESSAGE(reply.ok(), reply.Describe());
    }

    const std::vector<std::string> kinds = {"mask", "resolve", "demask"};
    std::vector<AuditRecord> events;
    std::map<std::pair<std::string, std::string>, int> per_session_kind;
    size_t missing = 0;
    auto all_stored = [&] {
      events = ReadAuditEvents(env.client());
      per_session_kind.clear();
      for (const AuditRecord& record : events) {
        ++per_session_kind[{record.event.session_id(), record.event.kind()}];
      }
      missing = 0;
      for (const v1::MaskReply& mask : masked) {
        for (const std::string& kind : kinds) {
          missing += per_session_kind.count({mask.session_id(), kind}) == 0;
        }
      }
      return missing == 0;
    };
    const bool complete = PollUntil(all_stored, std::chrono::seconds(20));
    CHECK_MESSAGE(complete, missing, " of ", kinds.size() * kSessions, " events missing");

    for (const v1::MaskReply& mask : masked) {
      for (const std::string& kind : kinds) {
        CAPTURE(mask.session_id());
        CAPTURE(kind);
        CHECK(per_session_kind[{mask.session_id(), kind}] == 1);
      }
    }
    CHECK(events.size() == kinds.size() * kSessions);
    std::set<std::string> request_ids;
    for (const AuditRecord& record : events) request_ids.insert(RequestMessageId(record.event));
    CHECK(request_ids.size() == events.size());

    const std::map<std::string, size_t> messages = CheckMessages(events);
    for (const std::string& kind : kinds) {
      CAPTURE(kind);
      REQUIRE(messages.count(kind) == 1);
      CHECK(messages.at(kind) < kSessions);
    }
    MESSAGE(events.size(), " events in ", GetStream(env.client(), kAuditStream)->messages,
            " messages: mask ", messages.at("mask"), ", resolve ", messages.at("resolve"),
            ", demask ", messages.at("demask"));
  }

  TEST_CASE("--audit-batch-events 1 stores one event per message") {
    ServiceEnv env({"audit-batching-off", 1, {"--audit-batch-events", "1"}});
    constexpr size_t kMasks = 60;
    std::vector<Burst> masks(2, Burst{kMask, {}});
    for (size_t i = 0; i < kMasks; ++i) {
      masks[i % masks.size()].payloads.push_back(
          Encode(MaskReq(UserText(i)), Encoding::kProtobuf));
    }
    for (const std::vector<Reply>& replies : SendBursts(env, masks)) {
      for (const Reply& reply : replies) Decoded<v1::MaskReply>(reply);
    }
    REQUIRE(PollUntil([&] { return CountAuditEvents(env.client()) >= kMasks; },
                      std::chrono::seconds(10)));

    const std::vector<AuditRecord> events = ReadAuditEvents(env.client());
    CHECK(events.size() == kMasks);
    for (const AuditRecord& record : events) {
      CAPTURE(record.stored->seq);
      CHECK(record.message_events == 1);
    }
    CHECK(CheckMessages(events).at("mask") == kMasks);
    CHECK(GetStream(env.client(), kAuditStream)->messages == kMasks);
  }

  TEST_CASE("SIGTERM publishes the events still waiting for their batch") {
    // Nothing closes a message by time during the test: the events wait
    // until the worker stops.
    ServiceEnv env({"audit-batching-drain", 1, {"--audit-batch-delay-ms", "60000"}});
    NatsClient& client = env.client();
    constexpr size_t kMasks = 5;
    std::vector<v1::MaskReply> masked;
    for (size_t i = 0; i < kMasks; ++i) {
      masked.push_back(Call<v1::MaskReply>(client, kMask, MaskReq(UserText(i))));
    }
    const v1::MaskReply& resolved = masked.front();
    const v1::MaskReply& deleted = masked.back();
    Call<v1::ResolveReply>(client, kResolve,
                           ResolveReq(resolved.session_id(), {resolved.entities(0).token()}));
    REQUIRE(Call<v1::DeleteReply>(client, kDelete, DeleteReq(deleted.session_id())).deleted());
    CHECK(CountAuditEvents(client) == 0);

    REQUIRE(env.worker(0).Stop() == 0);
    const std::vector<AuditRecord> events = ReadAuditEvents(client);
    CHECK(events.size() == kMasks + 2);
    std::map<std::pair<std::string, std::string>, int> per_session_kind;
    for (const AuditRecord& record : events) {
      ++per_session_kind[{record.event.session_id(), record.event.kind()}];
    }
    for (const v1::MaskReply& mask : masked) {
      CAPTURE(mask.session_id());
      CHECK(per_session_kind[{mask.session_id(), "mask"}] == 1);
    }
    CHECK(per_session_kind[{resolved.session_id(), "resolve"}] == 1);
    CHECK(per_session_kind[{deleted.session_id(), "delete"}] == 1);
    // One message per kind.
    const std::map<std::string, size_t> messages = CheckMessages(events);
    CHECK(messages == std::map<std::string, size_t>{{"mask", 1}, {"resolve", 1}, {"delete", 1}});
  }
}
