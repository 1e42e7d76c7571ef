// Session lifecycle: mask -> resolve -> demask -> delete -> 404, in every
// encoding, plus graceful shutdown of a worker.
#include <doctest/doctest.h>

#include <signal.h>

#include <cstdio>
#include <set>

#include "integration/test_values.h"
#include "support/privacy_format.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

ServiceEnv& Env() {
  static SharedServiceEnv shared({"lifecycle"});
  return shared.Get();
}

// A token of the `prefix` family that is not among `taken`.
std::string UnusedToken(const std::string& prefix, const std::set<std::string>& taken) {
  for (int i = 0;; ++i) {
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%04x", i);
    std::string token = "[" + prefix + "_" + suffix + "]";
    if (!taken.count(token)) return token;
  }
}

template <class Msg>
Msg DecodeOk(const Reply& reply, Encoding e) {
  REQUIRE_MESSAGE(reply.ok(), reply.Describe());
  REQUIRE_MESSAGE(!reply.Header("Nats-Service-Error-Code"), reply.Describe());
  Msg out;
  const std::string err = Decode(reply.data, e, &out);
  REQUIRE_MESSAGE(err.empty(), err, " in ", reply.Describe());
  return out;
}

void RunLifecycle(Encoding enc) {
  CAPTURE(EncodingName(enc));
  NatsClient& client = Env().client();
  const bool json = enc != Encoding::kProtobuf;
  const int64_t before_ms = NowMs();

  // --- mask ---------------------------------------------------------------
  Reply raw_mask = Send(client, kMask, MaskReq(kFiveValueText), enc);
  auto mask = DecodeOk<v1::MaskReply>(raw_mask, enc);
  if (json) {
    INFO(raw_mask.data);
    CHECK(raw_mask.data.find("\"masked_text\"") != std::string::npos);
    CHECK(raw_mask.data.find("\"session_id\"") != std::string::npos);
    CHECK(IsQuotedDigits(RawJsonValue(raw_mask.data, "expires_at")));
  }
  REQUIRE(IsSessionId(mask.session_id()));
  CHECK(mask.expires_at() > before_ms);
  REQUIRE(mask.entities_size() == 5);
  CHECK(mask.entity_count() == 5);

  std::set<std::string> tokens;
  std::string expected_masked = kFiveValueText;
  for (const auto& v : kFiveValues) {
    CAPTURE(v.value);
    const v1::Entity* e = FindEntity(mask, kFiveValueText, v.value);
    REQUIRE_MESSAGE(e != nullptr, "no entity spans exactly the value");
    CHECK(e->type() == v.type);
    CHECK(IsToken(e->token()));
    CHECK(TokenPrefix(e->token()) == v.prefix);
    CHECK(e->score() > 0.0);
    CHECK(e->score() <= 1.0);
    tokens.insert(e->token());
    expected_masked = ReplaceAll(expected_masked, v.value, e->token());
  }
  CHECK(tokens.size() == 5);  // distinct values -> distinct tokens
  CHECK(mask.masked_text() == expected_masked);
  CHECK(mask.masked_text() == ApplyTokens(kFiveValueText, mask));
  for (const auto& v : kFiveValues) CHECK(mask.masked_text().find(v.value) == std::string::npos);

  // --- resolve ------------------------------------------------------------
  const std::string unknown = UnusedToken("EMAIL", tokens);
  v1::ResolveRequest resolve_req;
  resolve_req.set_session_id(mask.session_id());
  for (const auto& t : tokens) resolve_req.add_tokens(t);
  resolve_req.add_tokens(unknown);
  auto resolve = DecodeOk<v1::ResolveReply>(Send(client, kResolve, resolve_req, enc), enc);
  CHECK(resolve.resolved_size() == 5);
  for (const auto& v : kFiveValues) {
    const v1::Entity* e = FindEntity(mask, kFiveValueText, v.value);
    REQUIRE(e != nullptr);
    auto it = resolve.resolved().find(e->token());
    REQUIRE_MESSAGE(it != resolve.resolved().end(), "token not resolved: ", e->token());
    CHECK(it->second == v.value);
  }
  REQUIRE(resolve.unknown_size() == 1);
  CHECK(resolve.unknown(0) == unknown);

  // --- demask -------------------------------------------------------------
  auto demask = DecodeOk<v1::DemaskReply>(
      Send(client, kDemask, DemaskReq(mask.session_id(), mask.masked_text()), enc), enc);
  CHECK(demask.original_text() == kFiveValueText);

  // --- delete, then everything answers 404 --------------------------------
  auto del = DecodeOk<v1::DeleteReply>(Send(client, kDelete, DeleteReq(mask.session_id()), enc), enc);
  CHECK(del.deleted());
  CheckErrorReply(Send(client, kResolve, resolve_req, enc), enc, 404,
                  {kEmail.value, kCard.value, kIp.value});
  CheckErrorReply(Send(client, kDemask, DemaskReq(mask.session_id(), mask.masked_text()), enc), enc,
                  404, {kEmail.value});
  CheckErrorReply(Send(client, kDelete, DeleteReq(mask.session_id()), enc), enc, 404);
  CheckErrorReply(Send(client, kMask, MaskReq("more " + kEmail.value, mask.session_id()), enc),
                  enc, 404, {kEmail.value});
}

}  // namespace

TEST_SUITE("lifecycle") {
  TEST_CASE("lifecycle with Protobuf: mask, resolve, demask, delete, then 404") {
    RunLifecycle(Encoding::kProtobuf);
  }

  TEST_CASE("lifecycle with JSON (Content-Type header): mask, resolve, demask, delete, then 404") {
    RunLifecycle(Encoding::kJson);
  }

  TEST_CASE("lifecycle with JSON recognised by its leading brace") {
    RunLifecycle(Encoding::kJsonNoHeader);
  }

  TEST_CASE("demask restores a text with unicode, repeated values and no values") {
    NatsClient& client = Env().client();
    const std::string text = "Grüße an maria.gonzalez@example.com — und nochmal "
                             "maria.gonzalez@example.com, 日本語のテキスト 192.168.10.42.";
    auto mask = Call<v1::MaskReply>(client, kMask, MaskReq(text));
    REQUIRE(mask.entities_size() == 3);
    const v1::Entity* email = FindEntity(mask, text, kEmail.value);
    REQUIRE(email != nullptr);
    // Both occurrences of the email carry the same token.
    int email_tokens = 0;
    for (const auto& e : mask.entities()) email_tokens += (e.token() == email->token());
    CHECK(email_tokens == 2);
    CHECK(mask.masked_text() == ApplyTokens(text, mask));
    auto demask = Call<v1::DemaskReply>(client, kDemask, DemaskReq(mask.session_id(), mask.masked_text()));
    CHECK(demask.original_text() == text);

    // A text without tokens comes back unchanged; an empty text too.
    auto plain = Call<v1::DemaskReply>(client, kDemask, DemaskReq(mask.session_id(), "nothing to see"));
    CHECK(plain.original_text() == "nothing to see");
    auto empty = Call<v1::DemaskReply>(client, kDemask, DemaskReq(mask.session_id(), ""));
    CHECK(empty.original_text().empty());
    CHECK(Call<v1::DeleteReply>(client, kDelete, DeleteReq(mask.session_id())).deleted());
  }

  TEST_CASE("empty text is a valid mask with an empty masked_text") {
    NatsClient& client = Env().client();
    auto check = [](const v1::MaskReply& mask) {
      CHECK(mask.masked_text().empty());
      CHECK(mask.entity_count() == 0);
      CHECK(mask.entities_size() == 0);
      CHECK(IsSessionId(mask.session_id()));
    };
    check(Call<v1::MaskReply>(client, kMask, MaskReq(""), Encoding::kProtobuf));
    // JSON names the empty text (a request without text is a 400).
    Reply json = client.Request(kMask, R"({"text":""})");
    REQUIRE_FALSE(json.Header("Nats-Service-Error-Code").has_value());
    v1::MaskReply mask;
    REQUIRE(Decode(json.data, Encoding::kJson, &mask).empty());
    check(mask);
  }

  TEST_CASE("SIGTERM stops a worker gracefully (exit 0)") {
    ServiceEnv env({"sigterm"});
    auto mask = Call<v1::MaskReply>(env.client(), kMask, MaskReq(kFiveValueText));
    CHECK(mask.entities_size() == 5);
    CHECK(env.worker(0).Stop(std::chrono::seconds(15)) == 0);
  }

  TEST_CASE("SIGTERM answers the requests already delivered to the worker") {
    ServiceEnv env({"sigterm-inflight"});
    constexpr int kRequests = 40;
    std::vector<std::string> payloads;
    for (int i = 0; i < kRequests; ++i) {
      payloads.push_back(Encode(MaskReq("in flight " + std::to_string(i) + " user" + std::to_string(i) +
                                        "@example.com"),
                                Encoding::kProtobuf));
    }
    ExitStatus status = -1;
    auto replies = env.client().RequestBatch(kMask, payloads, {}, std::chrono::seconds(20), [&] {
      // Every request has reached the server (flushed): stop the worker now.
      ::kill(env.worker(0).pid(), SIGTERM);
    });
    status = env.worker(0).Stop(std::chrono::seconds(15));
    CHECK(status == 0);
    int answered = 0;
    for (int i = 0; i < kRequests; ++i) {
      CAPTURE(i);
      if (!replies[i].ok()) continue;
      ++answered;
      v1::MaskReply mask;
      CHECK(Decode(replies[i].data, Encoding::kProtobuf, &mask).empty());
      CHECK(mask.masked_text().find("user" + std::to_string(i) + "@example.com") == std::string::npos);
    }
    CHECK(answered == kRequests);
  }
}
