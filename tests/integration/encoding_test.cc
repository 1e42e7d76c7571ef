// Both encodings on every subject: Protobuf, and the Protobuf-JSON mapping
// (proto field names) chosen by Content-Type or by a leading '{'.
#include <doctest/doctest.h>


#include "integration/test_values.h"
#include "support/jetstream_reader.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

ServiceEnv& Env() {
  static SharedServiceEnv shared({"encoding"});
  return shared.Get();
}

const Encoding kAll[] = {Encoding::kProtobuf, Encoding::kJson, Encoding::kJsonNoHeader};

Reply SendOk(NatsClient& client, const std::string& subject, const google::protobuf::Message& req,
             Encoding enc) {
  Reply r = Send(client, subject, req, enc);
  REQUIRE_MESSAGE(r.ok(), r.Describe());
  REQUIRE_MESSAGE(!r.Header("Nats-Service-Error-Code"), r.Describe());
  if (enc == Encoding::kProtobuf) {
    CHECK_MESSAGE((r.data.empty() || r.data[0] != '{'), "Protobuf request answered in JSON: ",
                  r.Describe());
  } else {
    REQUIRE_MESSAGE((!r.data.empty() && r.data[0] == '{'), "JSON request not answered in JSON: ",
                    r.Describe());
  }
  return r;
}

bool Has(const std::string& json, const std::string& key) {
  return json.find("\"" + key + "\"") != std::string::npos;
}

}  // namespace

TEST_SUITE("encoding") {
  TEST_CASE("every subject answers in the request's encoding") {
    NatsClient& client = Env().client();
    for (Encoding enc : kAll) {
      CAPTURE(EncodingName(enc));
      const bool json = enc != Encoding::kProtobuf;

      Reply r = SendOk(client, kDetect, DetectReq(kFiveValueText), enc);
      v1::DetectReply detect;
      REQUIRE(Decode(r.data, enc, &detect).empty());
      CHECK(detect.entities_size() == 5);
      for (const auto& e : detect.entities()) {
        CHECK(e.end() > e.start());
        CHECK(e.score() > 0.0);
      }
      REQUIRE(FindEntity(detect, kFiveValueText, kCard.value) != nullptr);
      CHECK(FindEntity(detect, kFiveValueText, kCard.value)->type() == "CREDIT_CARD");
      if (json) {
        INFO(r.data);
        CHECK(Has(r.data, "entities"));
        CHECK(Has(r.data, "type"));
        CHECK(Has(r.data, "start"));
        CHECK(Has(r.data, "end"));
        CHECK(Has(r.data, "score"));
        CHECK_FALSE(Has(r.data, "token"));
      }

      r = SendOk(client, kMask, MaskReq(kFiveValueText), enc);
      v1::MaskReply mask;
      REQUIRE(Decode(r.data, enc, &mask).empty());
      REQUIRE(mask.entities_size() == 5);
      if (json) {
        INFO(r.data);
        CHECK(Has(r.data, "masked_text"));
        CHECK(Has(r.data, "session_id"));
        CHECK(Has(r.data, "entity_count"));
        CHECK_FALSE(Has(r.data, "maskedText"));
        CHECK(IsQuotedDigits(RawJsonValue(r.data, "expires_at")));
      }
      const std::string token = FindEntity(mask, kFiveValueText, kEmail.value)->token();

      r = SendOk(client, kResolve, ResolveReq(mask.session_id(), {token}), enc);
      v1::ResolveReply resolve;
      REQUIRE(Decode(r.data, enc, &resolve).empty());
      CHECK(resolve.resolved().at(token) == kEmail.value);
      CHECK_FALSE(resolve.has_json());
      if (json) {
        INFO(r.data);
        CHECK(Has(r.data, "resolved"));
        CHECK(Has(r.data, "unknown"));
        CHECK_FALSE(Has(r.data, "json"));  // not asked for
      }

      r = SendOk(client, kDemask, DemaskReq(mask.session_id(), mask.masked_text()), enc);
      v1::DemaskReply demask;
      REQUIRE(Decode(r.data, enc, &demask).empty());
      CHECK(demask.original_text() == kFiveValueText);
      CHECK_FALSE(demask.has_carry());
      if (json) {
        INFO(r.data);
        CHECK(Has(r.data, "original_text"));
        CHECK_FALSE(Has(r.data, "carry"));  // not streaming
      }
      v1::DemaskRequest last_chunk = DemaskReq(mask.session_id(), mask.masked_text());
      last_chunk.set_final(true);
      r = SendOk(client, kDemask, last_chunk, enc);
      REQUIRE(Decode(r.data, enc, &demask).empty());
      CHECK(demask.original_text() == kFiveValueText);
      if (json) CHECK(RawJsonValue(r.data, "carry") == "\"\"");

      r = SendOk(client, kDelete, DeleteReq(mask.session_id()), enc);
      v1::DeleteReply del;
      REQUIRE(Decode(r.data, enc, &del).empty());
      CHECK(del.deleted());
      if (json) CHECK(RawJsonValue(r.data, "deleted") == "true");
    }
  }

  TEST_CASE("JSON requests accept lowerCamelCase field names (proto JSON mapping)") {
    NatsClient& client = Env().client();
    // The proto JSON mapping accepts lowerCamelCase field names on input.
    Reply r = client.Request(kMask, R"({"text": "mail maria.gonzalez@example.com", "entitiesToMask": ["EMAIL"]})",
                             {{"Content-Type", "application/json"}});
    v1::MaskReply mask;
    REQUIRE_MESSAGE(r.ok(), r.Describe());
    REQUIRE_MESSAGE(Decode(r.data, Encoding::kJson, &mask).empty(), r.Describe());
    REQUIRE(mask.entities_size() == 1);
    CHECK(mask.masked_text() == "mail " + mask.entities(0).token());
  }

  TEST_CASE("detect creates no session") {
    NatsClient& client = Env().client();
    // Make sure the bucket exists and holds a known number of sessions.
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    const auto keys_before = KvKeys(client, "privacy_sessions");
    for (Encoding enc : kAll) {
      auto d = Call<v1::DetectReply>(client, kDetect, DetectReq(kFiveValueText), enc);
      CHECK(d.entities_size() == 5);
    }
    CHECK(KvKeys(client, "privacy_sessions").size() == keys_before.size());
    CHECK(Call<v1::DeleteReply>(client, kDelete, DeleteReq(m.session_id())).deleted());
  }

  TEST_CASE("detect reports byte offsets in UTF-8 text") {
    NatsClient& client = Env().client();
    const std::string text = "Ünïcödé → maria.gonzalez@example.com ✓";
    auto d = Call<v1::DetectReply>(client, kDetect, DetectReq(text));
    REQUIRE(d.entities_size() == 1);
    const size_t start = text.find(kEmail.value);
    CHECK(d.entities(0).start() == start);
    CHECK(d.entities(0).end() == start + kEmail.value.size());
    CHECK(d.entities(0).type() == "EMAIL");
  }
}

TEST_SUITE("encoding") {
TEST_CASE("with the Content-Type header, JSON may start with blanks") {
  NatsClient& client = Env().client();
  Reply r = client.Request(kDetect, "  \n {\"text\": \"mail maria.gonzalez@example.com\"}",
                           {{"Content-Type", "application/json"}});
  REQUIRE_MESSAGE(!r.Header("Nats-Service-Error-Code"), r.Describe());
  v1::DetectReply d;
  REQUIRE_MESSAGE(Decode(r.data, Encoding::kJson, &d).empty(), r.Describe());
  REQUIRE(d.entities_size() == 1);
  CHECK(d.entities(0).start() == 5);
}

TEST_CASE("a Protobuf request whose second byte is '{' is still read as Protobuf") {
  // Field 1 (tag 0x0a, a blank) with length 123 (0x7b = '{'): the payload
  // starts "\n{", which must not be mistaken for JSON.
  NatsClient& client = Env().client();
  const std::string text = "mail " + kEmail.value + " " + std::string(123 - 6 - kEmail.value.size(), 'z');
  REQUIRE(text.size() == 123);
  const std::string bytes = Encode(MaskReq(text), Encoding::kProtobuf);
  REQUIRE(bytes.substr(0, 2) == "\n{");
  Reply r = client.Request(kMask, bytes);
  v1::MaskReply mask;
  REQUIRE_MESSAGE(!r.Header("Nats-Service-Error-Code"), r.Describe());
  REQUIRE(Decode(r.data, Encoding::kProtobuf, &mask).empty());
  REQUIRE(mask.entities_size() == 1);
  CHECK(mask.masked_text() == ReplaceAll(text, kEmail.value, mask.entities(0).token()));
  auto d = Call<v1::DetectReply>(client, kDetect, DetectReq(text));
  CHECK(d.entities_size() == 1);
}
}
