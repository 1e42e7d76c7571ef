// Restoring tokens end to end: a streamed answer demasked chunk by chunk
// through two workers, tool-call arguments restored in JSON by
// privacy.resolve, mangled tokens restored and look-alikes left alone, and
// the agent example script (scripts/agent-round-trip.mjs).
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <set>

#include "integration/test_values.h"
#include "privacy/v1/audit.pb.h"
#include "support/audit_events.h"
#include "support/child_process.h"
#include "support/readiness.h"
#include "support/service_env.h"
#include "support/temp_dir.h"
#include "support/text_chunks.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

ServiceEnv& Env() {
  static SharedServiceEnv shared(ServiceEnvOptions("restore", 2));
  return shared.Get();
}

// The source tree's root (TEST_DATA_DIR is <root>/tests/data).
std::filesystem::path SourceRoot() {
  return std::filesystem::path(TEST_DATA_DIR).parent_path().parent_path();
}

// "[EMAIL_3f2a]" -> "EMAIL_3f2a".
std::string Core(const std::string& token) { return token.substr(1, token.size() - 2); }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A session holding the five values of kFiveValueText, and their tokens.
struct MaskedSession {
  std::string id;
  std::map<std::string, std::string> token;  // value -> token
};

MaskedSession MaskFiveValues(NatsClient& client) {
  auto reply = Call<v1::MaskReply>(client, kMask, MaskReq(kFiveValueText));
  REQUIRE(reply.entities_size() == 5);
  MaskedSession session{reply.session_id(), {}};
  for (const auto& v : kFiveValues) {
    const v1::Entity* e = FindEntity(reply, kFiveValueText, v.value);
    REQUIRE_MESSAGE(e != nullptr, "no entity for ", v.value);
    session.token[v.value] = e->token();
  }
  return session;
}

v1::DemaskRequest ChunkReq(const std::string& session_id, const std::string& chunk,
                           const std::string& carry, bool final) {
  v1::DemaskRequest r = DemaskReq(session_id, chunk);
  r.set_carry(carry);
  r.set_final(final);
  return r;
}

// Demask events of `session` in the audit stream.
std::vector<v1::AuditEvent> DemaskEvents(NatsClient& client, const std::string& session) {
  std::vector<v1::AuditEvent> out;
  for (const AuditRecord& record : ReadAuditEvents(client)) {
    if (record.decode_error.empty() && record.event.kind() == "demask" &&
        record.event.session_id() == session) {
      out.push_back(record.event);
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("restore") {
  TEST_CASE("a streamed answer demasked in random chunks by two workers equals the whole demask") {
    NatsClient& client = Env().client();
    REQUIRE(Env().worker_count() == 2);
    MaskedSession s = MaskFiveValues(client);
    const std::string email = s.token[kEmail.value];
    const std::string phone = s.token[kPhone.value];
    const std::string card = s.token[kCard.value];
    const std::string answer = "Écrivez à " + Lower(email) + "—appelez le [ " + Core(phone) +
                               " ]日本" + Core(card) + "。 Not X" + Core(card) + " nor " +
                               Core(card) + "1 nor [EMAIL_zzzz] nor [TICKET_0000]; 😀" + email;
    const std::string expected = "Écrivez à " + kEmail.value + "—appelez le " + kPhone.value +
                                 "日本" + kCard.value + "。 Not X" + Core(card) + " nor " +
                                 Core(card) + "1 nor [EMAIL_zzzz] nor [TICKET_0000]; 😀" +
                                 kEmail.value;
    std::mt19937 rng(2);
    size_t requests = 0;
    for (Encoding enc : {Encoding::kProtobuf, Encoding::kJson}) {
      CAPTURE(EncodingName(enc));
      auto whole = Call<v1::DemaskReply>(client, kDemask, DemaskReq(s.id, answer), enc);
      CHECK(whole.original_text() == expected);
      REQUIRE(whole.unknown_size() == 1);
      CHECK(whole.unknown(0) == "[TICKET_0000]");
      ++requests;
      for (int round = 0; round < 4; ++round) {
        const auto chunks = RandomChunks(rng, answer);
        std::string streamed, carry;
        std::set<std::string> unknown;
        for (size_t i = 0; i < chunks.size(); ++i) {
          const bool last = i + 1 == chunks.size();
          auto reply = Call<v1::DemaskReply>(client, kDemask,
                                             ChunkReq(s.id, chunks[i], carry, last), enc);
          ++requests;
          CHECK(reply.carry().size() < 31);  // shorter than the longest token form
          streamed += reply.original_text();
          carry = reply.carry();
          unknown.insert(reply.unknown().begin(), reply.unknown().end());
        }
        CHECK(carry.empty());
        CHECK(streamed == expected);
        CHECK(unknown == std::set<std::string>{"[TICKET_0000]"});
      }
    }
    // Any worker serves any chunk: both took part.
    std::set<std::string> workers;
    CHECK(PollUntil(
        [&] {
          auto events = DemaskEvents(client, s.id);
          workers.clear();
          for (const auto& e : events) workers.insert(e.worker_id());
          return events.size() == requests;
        },
        std::chrono::seconds(10)));
    CHECK(workers.size() == 2);
  }

  TEST_CASE("privacy.resolve restores tool-call arguments in JSON") {
    NatsClient& client = Env().client();
    MaskedSession s = MaskFiveValues(client);
    const std::string email = s.token[kEmail.value];
    const std::string url = s.token[kUrl.value];
    const std::string ip = s.token[kIp.value];
    const std::string args = "{\"to\": [\"" + email + "\", {\"cc\": \"" + Lower(Core(email)) +
                             "\"}],\n \"body\":\"See [ " + Core(url) + " ]\\u00e9, from " + ip +
                             "\\\"\", \"" + email + "\": -1.50e+2, \"ok\": [true, null, 0]}";
    const std::string expected = "{\"to\": [\"" + kEmail.value + "\", {\"cc\": \"" + kEmail.value +
                                 "\"}],\n \"body\":\"See " + kUrl.value + "\\u00e9, from " +
                                 kIp.value + "\\\"\", \"" + email +
                                 "\": -1.50e+2, \"ok\": [true, null, 0]}";
    for (Encoding enc : {Encoding::kProtobuf, Encoding::kJson, Encoding::kJsonNoHeader}) {
      CAPTURE(EncodingName(enc));
      v1::ResolveRequest request = ResolveReq(s.id, {s.token[kCard.value]});
      request.set_json(args);
      auto reply = Call<v1::ResolveReply>(client, kResolve, request, enc);
      CHECK(reply.json() == expected);
      CHECK(reply.resolved().at(s.token[kCard.value]) == kCard.value);
      CHECK(reply.unknown_size() == 0);

      v1::ResolveRequest bad = ResolveReq(s.id, {});
      bad.set_json("{\"to\": \"" + kEmail.value + "\",}");
      CheckErrorReply(Send(client, kResolve, bad, enc),
                      enc == Encoding::kProtobuf ? Encoding::kProtobuf : Encoding::kJson, 400,
                      {kEmail.value, "maria"});
    }
    // Without json the reply has none.
    auto plain = Call<v1::ResolveReply>(client, kResolve, ResolveReq(s.id, {email}));
    CHECK_FALSE(plain.has_json());
  }

  TEST_CASE("mangled tokens of the session are restored, look-alikes left as they are") {
    NatsClient& client = Env().client();
    MaskedSession s = MaskFiveValues(client);
    MaskedSession other = MaskFiveValues(client);
    const std::string ip = s.token[kIp.value];
    const std::string theirs = other.token[kIp.value];
    const std::string text = "[" + Lower(Core(ip)) + "] " + Core(ip) + " [  " + Core(ip) +
                             "  ] X" + Core(ip) + " " + Core(ip) + "ff";
    const std::string expected = kIp.value + " " + kIp.value + " " + kIp.value + " X" + Core(ip) +
                                 " " + Core(ip) + "ff";
    for (Encoding enc : {Encoding::kProtobuf, Encoding::kJson}) {
      CAPTURE(EncodingName(enc));
      auto reply = Call<v1::DemaskReply>(client, kDemask, DemaskReq(s.id, text), enc);
      CHECK(reply.original_text() == expected);
      CHECK(reply.unknown_size() == 0);
      CHECK(reply.carry().empty());
      if (theirs == ip) continue;  // both sessions drew the same suffix
      // Another session's token is not restored, in any form, and is reported.
      auto foreign = Call<v1::DemaskReply>(
          client, kDemask, DemaskReq(s.id, theirs + " " + Lower(theirs) + " " + Core(theirs)), enc);
      CHECK(foreign.original_text() == theirs + " " + Lower(theirs) + " " + Core(theirs));
      REQUIRE(foreign.unknown_size() == 1);
      CHECK(foreign.unknown(0) == theirs);
    }
  }

  TEST_CASE("the agent example runs (node scripts/agent-round-trip.mjs)") {
    const auto root = SourceRoot();
    REQUIRE_MESSAGE(std::filesystem::exists(root / "tests/js/node_modules/nats"),
                    "the NATS JavaScript client is not installed: run `npm ci --prefix tests/js`");
    TempDir tmp("privacy-it-agent");
    ChildProcess node({.argv = {"node", (root / "scripts/agent-round-trip.mjs").string()},
                       .log_file = tmp.path() / "node.log",
                       .env = {{"NATS_URL", Env().server().url()}}});
    auto status = node.WaitFor(std::chrono::seconds(60));
    INFO("node output:\n", node.Log());
    REQUIRE_MESSAGE(status.has_value(), "node did not finish within 60 s");
    CHECK(*status == 0);
    CHECK(node.Log().find("agent round trip: OK") != std::string::npos);
  }
}
