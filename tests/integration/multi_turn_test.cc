// Multi-turn sessions: later masks reuse the tokens of repeated values, add
// new ones, and move expires_at; sessions are isolated from each other.
#include <doctest/doctest.h>

#include <thread>

#include "integration/test_values.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

ServiceEnv& Env() {
  static SharedServiceEnv shared({"multi-turn"});
  return shared.Get();
}

const std::string& TokenOf(const v1::MaskReply& reply, const std::string& text, const std::string& value) {
  const v1::Entity* e = FindEntity(reply, text, value);
  REQUIRE_MESSAGE(e != nullptr, "no entity for ", value, " in ", text);
  return e->token();
}

}  // namespace

TEST_SUITE("multi-turn") {
  TEST_CASE("a second mask reuses tokens of repeated values and adds new ones") {
    for (Encoding enc : {Encoding::kProtobuf, Encoding::kJson}) {
      CAPTURE(EncodingName(enc));
      NatsClient& client = Env().client();
      const std::string turn1 = "Write to maria.gonzalez@example.com from 192.168.10.42 please.";
      auto m1 = Call<v1::MaskReply>(client, kMask, MaskReq(turn1), enc);
      REQUIRE(m1.entities_size() == 2);
      const std::string email_token = TokenOf(m1, turn1, kEmail.value);
      const std::string ip_token = TokenOf(m1, turn1, kIp.value);

      // Let the clock move so that a sliding expiry is visible in ms.
      std::this_thread::sleep_for(std::chrono::milliseconds(30));

      const std::string turn2 =
          "Also cc maria.gonzalez@example.com and john.smith@example.net on this.";
      auto m2 = Call<v1::MaskReply>(client, kMask, MaskReq(turn2, m1.session_id()), enc);
      CHECK(m2.session_id() == m1.session_id());
      REQUIRE(m2.entities_size() == 2);
      CHECK(TokenOf(m2, turn2, kEmail.value) == email_token);
      const std::string john_token = TokenOf(m2, turn2, "john.smith@example.net");
      CHECK(IsToken(john_token));
      CHECK(TokenPrefix(john_token) == "EMAIL");
      CHECK(john_token != email_token);
      CHECK(m2.masked_text() ==
            "Also cc " + email_token + " and " + john_token + " on this.");
      CHECK(m2.expires_at() > m1.expires_at());

      const std::string turn3 = "Last one: 192.168.10.42 and 4111 1111 1111 1111.";
      auto m3 = Call<v1::MaskReply>(client, kMask, MaskReq(turn3, m1.session_id()), enc);
      REQUIRE(m3.entities_size() == 2);
      CHECK(TokenOf(m3, turn3, kIp.value) == ip_token);
      const std::string card_token = TokenOf(m3, turn3, kCard.value);
      CHECK(TokenPrefix(card_token) == "CARD");
      CHECK(m3.expires_at() >= m2.expires_at());

      // Every token of every turn resolves to its value.
      auto resolved = Call<v1::ResolveReply>(
          client, kResolve,
          ResolveReq(m1.session_id(), {email_token, ip_token, john_token, card_token}), enc);
      CHECK(resolved.unknown_size() == 0);
      REQUIRE(resolved.resolved_size() == 4);
      CHECK(resolved.resolved().at(email_token) == kEmail.value);
      CHECK(resolved.resolved().at(ip_token) == kIp.value);
      CHECK(resolved.resolved().at(john_token) == "john.smith@example.net");
      CHECK(resolved.resolved().at(card_token) == kCard.value);

      // An LLM answer mixing tokens of all turns is demasked at once.
      const std::string answer = "Reply: " + m2.masked_text() + " / " + m3.masked_text() + " / " +
                                 m1.masked_text();
      auto demask = Call<v1::DemaskReply>(client, kDemask, DemaskReq(m1.session_id(), answer), enc);
      CHECK(demask.original_text() == "Reply: " + turn2 + " / " + turn3 + " / " + turn1);

      CHECK(Call<v1::DeleteReply>(client, kDelete, DeleteReq(m1.session_id()), enc).deleted());
    }
  }

  TEST_CASE("the same value twice in one text gets one token") {
    NatsClient& client = Env().client();
    const std::string text = "From 192.168.10.42 to 192.168.10.42 and 10.0.0.7.";
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq(text));
    REQUIRE(m.entities_size() == 3);
    CHECK(m.entity_count() == 3);
    const std::string a = m.entities(0).token();
    CHECK(m.entities(1).token() == a);
    CHECK(m.entities(2).token() != a);
    CHECK(m.masked_text() == "From " + a + " to " + a + " and " + m.entities(2).token() + ".");
  }

  TEST_CASE("sessions are isolated: a token of one session is unknown in another") {
    NatsClient& client = Env().client();
    auto a = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    auto b = Call<v1::MaskReply>(client, kMask, MaskReq("host " + kIp.value));
    REQUIRE(a.entities_size() == 1);
    REQUIRE(b.entities_size() == 1);
    CHECK(a.session_id() != b.session_id());
    const std::string email_token = a.entities(0).token();
    auto in_b = Call<v1::ResolveReply>(client, kResolve, ResolveReq(b.session_id(), {email_token}));
    CHECK(in_b.resolved_size() == 0);
    REQUIRE(in_b.unknown_size() == 1);
    CHECK(in_b.unknown(0) == email_token);
    // Demask in the wrong session leaves the token as it is.
    auto demask_b = Call<v1::DemaskReply>(client, kDemask, DemaskReq(b.session_id(), a.masked_text()));
    CHECK(demask_b.original_text() == a.masked_text());
    CHECK(demask_b.original_text().find(kEmail.value) == std::string::npos);
  }

  TEST_CASE("entities_to_mask limits a mask to the given types") {
    NatsClient& client = Env().client();
    v1::MaskRequest req = MaskReq(kFiveValueText);
    req.add_entities_to_mask("EMAIL");
    req.add_entities_to_mask("IP_ADDRESS");
    auto m = Call<v1::MaskReply>(client, kMask, req);
    REQUIRE(m.entities_size() == 2);
    std::string expected = kFiveValueText;
    expected = ReplaceAll(expected, kEmail.value, FindEntity(m, kFiveValueText, kEmail.value)->token());
    REQUIRE(FindEntity(m, kFiveValueText, kIp.value) != nullptr);
    expected = ReplaceAll(expected, kIp.value, FindEntity(m, kFiveValueText, kIp.value)->token());
    CHECK(m.masked_text() == expected);
    CHECK(m.masked_text().find(kCard.value) != std::string::npos);
  }

  TEST_CASE("Presidio entity names select our types in both encodings; replies keep our names") {
    for (Encoding enc : {Encoding::kProtobuf, Encoding::kJson}) {
      CAPTURE(EncodingName(enc));
      NatsClient& client = Env().client();
      v1::MaskRequest req = MaskReq(kFiveValueText);
      req.add_entities_to_mask("EMAIL_ADDRESS");
      req.add_entities_to_mask("PHONE_NUMBER");
      req.add_entities_to_mask("CREDIT_CARD");
      auto m = Call<v1::MaskReply>(client, kMask, req, enc);
      REQUIRE(m.entities_size() == 3);
      CHECK(FindEntity(m, kFiveValueText, kEmail.value)->type() == kEmail.type);
      CHECK(FindEntity(m, kFiveValueText, kPhone.value)->type() == kPhone.type);
      CHECK(FindEntity(m, kFiveValueText, kCard.value)->type() == kCard.type);
      CHECK(m.masked_text().find(kIp.value) != std::string::npos);

      v1::DetectRequest detect;
      detect.set_text("the code is Quokka-77 today");
      v1::DenyValue* deny = detect.add_deny_values();
      deny->set_value("Quokka-77");
      deny->set_type("IBAN_CODE");
      auto d = Call<v1::DetectReply>(client, kDetect, detect, enc);
      REQUIRE(d.entities_size() == 1);
      CHECK(d.entities(0).type() == "IBAN");
    }
  }
}
