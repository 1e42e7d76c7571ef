// Bad input: every malformed request gets a typed 4xx error (headers and an
// ErrorReply body in the request's encoding) that leaks no personal value,
// and the worker keeps serving.
#include <doctest/doctest.h>

#include "integration/test_values.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

constexpr size_t kMaxTextBytes = 1024;

ServiceEnv& Env() {
  static SharedServiceEnv shared(
      {"bad-input", 1, {"--max-text-bytes", std::to_string(kMaxTextBytes)}});
  return shared.Get();
}

const Headers kJsonHeader = {{"Content-Type", "application/json"}};

// Protobuf bytes of a message whose field 1 (string) holds `bytes` as is.
std::string RawStringField1(const std::string& bytes) {
  std::string out = "\x0a";
  size_t n = bytes.size();
  do {
    unsigned char b = n & 0x7f;
    n >>= 7;
    if (n) b |= 0x80;
    out.push_back(static_cast<char>(b));
  } while (n);
  return out + bytes;
}

const std::string kInvalidUtf8 = "write to maria.gonzalez@example.com \xc3\x28 \xff now";

}  // namespace

TEST_SUITE("bad-input") {
  TEST_CASE("garbage bytes get a Protobuf 400 on every subject") {
    NatsClient& client = Env().client();
    // 0x0f = field 1 with the invalid wire type 7; 0x0a 0xff = truncated length.
    for (const std::string& garbage : {std::string("\x0f\xff\xfe garbage", 11),
                                      std::string("\x0a\xff\x01short", 8)}) {
      for (const auto& subject : {kMask, kDetect, kResolve, kDemask, kDelete}) {
        CAPTURE(subject);
        CheckErrorReply(client.Request(subject, garbage), Encoding::kProtobuf, 400);
      }
    }
    CheckStillServing(client);
  }

  TEST_CASE("broken JSON gets a JSON 400") {
    NatsClient& client = Env().client();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {kMask, R"({"text": "maria.gonzalez@example.com)"},                    // truncated
        {kMask, R"({"text": 5})"},                                             // wrong type
        {kMask, R"({"text": "maria.gonzalez@example.com", "entities_to_mask": 5})"},
        {kMask, R"({"text": ["maria.gonzalez@example.com"]})"},
        {kMask, R"({"text": "maria.gonzalez@example.com", "ttl_seconds": "soon"})"},
        {kMask, R"({"text": "maria.gonzalez@example.com", "no_such_field": 1})"},
        {kDetect, R"({"text": {"nested": "maria.gonzalez@example.com"}})"},
        {kResolve, R"({"session_id": 12, "tokens": "[EMAIL_0000]"})"},
        {kDemask, R"({"session_id": "00000000000000000000000000000000", "masked_text": 1})"},
        {kDelete, R"({"session_id": true})"},
        {kDelete, R"({)"},
        // Unknown fields, on every subject.
        {kDetect, R"({"text": "maria.gonzalez@example.com", "txet": 1})"},
        {kResolve, R"({"session_id": "00000000000000000000000000000000", "token": []})"},
        {kDemask, R"({"session_id": "00000000000000000000000000000000", "text": "x"})"},
        {kDelete, R"({"session_id": "00000000000000000000000000000000", "force": true})"},
    };
    for (const auto& [subject, body] : cases) {
      CAPTURE(subject);
      CAPTURE(body);
      CheckErrorReply(client.Request(subject, body, kJsonHeader), Encoding::kJson, 400,
                      {kEmail.value, "maria.gonzalez"});
      // Recognised as JSON by its leading brace too.
      CheckErrorReply(client.Request(subject, body), Encoding::kJson, 400, {kEmail.value});
    }
    CheckStillServing(client);
  }

  TEST_CASE("a JSON mask or detect without text is a bad request; an empty text is not") {
    NatsClient& client = Env().client();
    for (const std::string& body :
         {std::string(R"({})"), std::string(R"({"text": null})"),
          std::string(R"({"entities_to_mask": ["EMAIL"]})")}) {
      CAPTURE(body);
      for (const auto& subject : {kMask, kDetect}) {
        CAPTURE(subject);
        Reply reply = client.Request(subject, body, kJsonHeader);
        CheckErrorReply(reply, Encoding::kJson, 400);
        CHECK(ReadError(reply, Encoding::kJson).header_text.find("text") != std::string::npos);
        CheckErrorReply(client.Request(subject, body), Encoding::kJson, 400);
      }
    }
    auto empty = client.Request(kMask, R"({"text": ""})", kJsonHeader);
    REQUIRE(empty.ok());
    CHECK_FALSE(empty.Header("Nats-Service-Error-Code").has_value());
    CheckStillServing(client);
  }

  TEST_CASE("a Nats-Request-Info header that names no account is refused, not taken as ours") {
    NatsClient& client = Env().client();
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    const std::string token = m.entities(0).token();
    const std::vector<std::string> bad_infos = {
        "not json", "{", "[1]", R"({})", R"({"acc": 5})", R"({"acc": null})",
        R"({"account": "TENANT_A"})",
    };
    for (const std::string& info : bad_infos) {
      CAPTURE(info);
      const Headers headers = {{"Nats-Request-Info", info}};
      for (const auto& [subject, request] :
           std::vector<std::pair<std::string, std::string>>{
               {kMask, Encode(MaskReq("mail " + kEmail.value), Encoding::kProtobuf)},
               {kResolve, Encode(ResolveReq(m.session_id(), {token}), Encoding::kProtobuf)},
               {kDemask, Encode(DemaskReq(m.session_id(), token), Encoding::kProtobuf)},
               {kDelete, Encode(DeleteReq(m.session_id()), Encoding::kProtobuf)}}) {
        CAPTURE(subject);
        Reply reply = client.Request(subject, request, headers);
        CheckErrorReply(reply, Encoding::kProtobuf, 400, {kEmail.value});
        CHECK(ReadError(reply, Encoding::kProtobuf).header_text.find("Nats-Request-Info") !=
              std::string::npos);
      }
    }
    // The session was neither read nor deleted by any of them.
    auto r = Call<v1::ResolveReply>(client, kResolve, ResolveReq(m.session_id(), {token}));
    CHECK(r.resolved().at(token) == kEmail.value);
    // A well-formed header names the account the session belongs to.
    const Headers tenant = {{"Nats-Request-Info", R"({"acc":"TENANT_A","user":"x"})"}};
    auto other = client.Request(kResolve,
                                Encode(ResolveReq(m.session_id(), {token}), Encoding::kProtobuf),
                                tenant);
    CheckErrorReply(other, Encoding::kProtobuf, 404, {kEmail.value});
    CheckStillServing(client);
  }

  TEST_CASE("invalid UTF-8 in a text is a bad request (Protobuf and JSON)") {
    NatsClient& client = Env().client();
    CheckErrorReply(client.Request(kMask, RawStringField1(kInvalidUtf8)), Encoding::kProtobuf, 400,
                    {kEmail.value, "maria.gonzalez"});
    CheckErrorReply(client.Request(kDetect, RawStringField1(kInvalidUtf8)), Encoding::kProtobuf, 400,
                    {kEmail.value, "maria.gonzalez"});
    const std::string json = "{\"text\": \"" + kInvalidUtf8 + "\"}";
    CheckErrorReply(client.Request(kMask, json, kJsonHeader), Encoding::kJson, 400,
                    {kEmail.value, "maria.gonzalez"});
    CheckErrorReply(client.Request(kDetect, json, kJsonHeader), Encoding::kJson, 400,
                    {kEmail.value, "maria.gonzalez"});
    // Demask: invalid UTF-8 in masked_text of an existing session.
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    v1::DemaskRequest bad_demask = DemaskReq(m.session_id(), "");
    std::string bytes = Encode(bad_demask, Encoding::kProtobuf);
    bytes += "\x12" + std::string(1, static_cast<char>(m.masked_text().size() + 3)) + m.masked_text() +
             "\xc3\x28\xff";
    CheckErrorReply(client.Request(kDemask, bytes), Encoding::kProtobuf, 400, {kEmail.value});
    CheckStillServing(client);
  }

  TEST_CASE("unknown entity type in entities_to_mask is a bad request") {
    NatsClient& client = Env().client();
    for (Encoding enc : {Encoding::kProtobuf, Encoding::kJson}) {
      CAPTURE(EncodingName(enc));
      v1::MaskRequest req = MaskReq("mail " + kEmail.value);
      req.add_entities_to_mask("EMAIL");
      req.add_entities_to_mask("NOT_A_TYPE");
      CheckErrorReply(Send(client, kMask, req, enc), enc, 400, {kEmail.value, "NOT_A_TYPE"});
      v1::DetectRequest det = DetectReq("mail " + kEmail.value);
      det.add_entities_to_mask("NOT_A_TYPE");
      CheckErrorReply(Send(client, kDetect, det, enc), enc, 400, {kEmail.value, "NOT_A_TYPE"});
    }
    CheckStillServing(client);
  }

  TEST_CASE("missing or malformed session ids are bad requests, unknown ones 404") {
    NatsClient& client = Env().client();
    const std::vector<std::string> malformed = {
        "not-a-session",
        "ABCDEF0123456789ABCDEF0123456789",     // upper case
        "0123456789abcdef0123456789abcde",      // 31 chars
        "0123456789abcdef0123456789abcdef0",    // 33 chars
        "0123456789abcdef0123456789abcdeg",     // non-hex
        "../../0123456789abcdef0123456789ab",   // path-like
        "privacy.sessions.>",
    };
    for (Encoding enc : {Encoding::kProtobuf, Encoding::kJson}) {
      CAPTURE(EncodingName(enc));
      // Missing session id.
      CheckErrorReply(Send(client, kResolve, ResolveReq("", {"[EMAIL_0000]"}), enc), enc, 400);
      CheckErrorReply(Send(client, kDemask, DemaskReq("", "[EMAIL_0000]"), enc), enc, 400);
      CheckErrorReply(Send(client, kDelete, DeleteReq(""), enc), enc, 400);
      for (const auto& id : malformed) {
        CAPTURE(id);
        // Malformed caller input is not echoed in the error.
        CheckErrorReply(Send(client, kResolve, ResolveReq(id, {"[EMAIL_0000]"}), enc), enc, 400, {id});
        CheckErrorReply(Send(client, kDemask, DemaskReq(id, "hi [EMAIL_0000]"), enc), enc, 400, {id});
        CheckErrorReply(Send(client, kDelete, DeleteReq(id), enc), enc, 400, {id});
        CheckErrorReply(Send(client, kMask, MaskReq("mail " + kEmail.value, id), enc), enc, 400,
                        {kEmail.value, id});
      }
      // Well-formed but unknown.
      const std::string unknown = RandomSessionId();
      CAPTURE(unknown);
      CheckErrorReply(Send(client, kResolve, ResolveReq(unknown, {"[EMAIL_0000]"}), enc), enc, 404);
      CheckErrorReply(Send(client, kDemask, DemaskReq(unknown, "hi [EMAIL_0000]"), enc), enc, 404);
      CheckErrorReply(Send(client, kDelete, DeleteReq(unknown), enc), enc, 404);
      CheckErrorReply(Send(client, kMask, MaskReq("mail " + kEmail.value, unknown), enc), enc, 404,
                      {kEmail.value});
    }
    CheckStillServing(client);
  }

  TEST_CASE("text over --max-text-bytes is 413, at the limit it is served") {
    NatsClient& client = Env().client();
    const std::string head = "mail " + kEmail.value + " ";
    const std::string at_limit = head + std::string(kMaxTextBytes - head.size(), 'a');
    const std::string over = at_limit + "b";
    REQUIRE(at_limit.size() == kMaxTextBytes);
    for (Encoding enc : {Encoding::kProtobuf, Encoding::kJson}) {
      CAPTURE(EncodingName(enc));
      auto ok = Call<v1::MaskReply>(client, kMask, MaskReq(at_limit), enc);
      CHECK(ok.entities_size() == 1);
      CheckErrorReply(Send(client, kMask, MaskReq(over), enc), enc, 413, {kEmail.value});
      CheckErrorReply(Send(client, kDetect, DetectReq(over), enc), enc, 413, {kEmail.value});
      CheckErrorReply(Send(client, kMask, MaskReq(std::string(100 * 1024, 'x') + kEmail.value), enc),
                      enc, 413, {kEmail.value});
    }
    CheckStillServing(client);
  }

  TEST_CASE("resolve without tokens and demask without tokens are valid") {
    NatsClient& client = Env().client();
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    auto r = Call<v1::ResolveReply>(client, kResolve, ResolveReq(m.session_id(), {}));
    CHECK(r.resolved_size() == 0);
    CHECK(r.unknown_size() == 0);
    auto d = Call<v1::DemaskReply>(client, kDemask, DemaskReq(m.session_id(), "no tokens"));
    CHECK(d.original_text() == "no tokens");
  }

  TEST_CASE("resolve takes at most 1000 tokens per request (413 above)") {
    NatsClient& client = Env().client();
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    const std::string token = m.entities(0).token();
    v1::ResolveRequest req = ResolveReq(m.session_id(), {token});
    for (int i = 1; i < 1000; ++i) req.add_tokens(token);
    auto ok = Call<v1::ResolveReply>(client, kResolve, req);
    CHECK(ok.resolved().at(token) == kEmail.value);
    req.add_tokens(token);
    REQUIRE(req.tokens_size() == 1001);
    CheckErrorReply(Send(client, kResolve, req), Encoding::kProtobuf, 413, {kEmail.value});
    CheckStillServing(client);
  }
}
