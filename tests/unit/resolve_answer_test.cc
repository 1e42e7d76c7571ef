#include <doctest/doctest.h>
#include <google/protobuf/util/message_differencer.h>

#include <optional>
#include <string>
#include <vector>

#include "endpoints/resolve_answer.h"
#include "vault/session.h"

using namespace privacy;

namespace {

// The view of a session serialized from `session`.
vault::SessionView ViewOf(const vault::Session& session) {
  auto view = vault::SessionView::Parse(session.record().SerializeAsString());
  REQUIRE(view.has_value());
  return std::move(*view);
}

// A session of `count` e-mail values, read, and their tokens.
struct Filled {
  explicit Filled(int count) {
    vault::Session written{v1::SessionRecord()};
    for (int i = 0; i < count; ++i) {
      tokens.push_back(written.TokenFor("EMAIL", "person" + std::to_string(i) + "@example.com"));
    }
    session = ViewOf(written);
  }
  std::optional<vault::SessionView> session;
  std::vector<std::string> tokens;
};

v1::ResolveReply Parsed(const endpoints::ResolveAnswer& answer) {
  v1::ResolveReply reply;
  REQUIRE(reply.ParseFromString(answer.Encode(wire::Encoding::kProtobuf)));
  return reply;
}

}  // namespace

TEST_CASE("a resolve answer lists each resolved token once, few or many, and encodes as its "
          "message") {
  for (int count : {0, 1, 7, 40, 300}) {
    CAPTURE(count);
    Filled filled(count);
    const std::vector<std::string> tokens = filled.tokens;
    endpoints::ResolveAnswer answer(std::move(*filled.session));
    // Every token twice, and tokens the session does not hold.
    for (int round = 0; round < 2; ++round) {
      for (const auto& token : tokens) CHECK(answer.Resolve(token));
      CHECK_FALSE(answer.Resolve("[EMAIL_zzzz]"));
    }
    CHECK(answer.resolved_size() == tokens.size());
    answer.AddUnknown("[EMAIL_zzzz]");
    answer.AddUnknown("[EMAIL_zzzz]");  // asked for twice: listed twice, as asked
    answer.AddUnknownOnce({"[EMAIL_zzzz]", "[PHONE_0000]", "[PHONE_0000]"});
    CHECK(answer.unknown() ==
          std::vector<std::string>{"[EMAIL_zzzz]", "[EMAIL_zzzz]", "[PHONE_0000]"});
    if (count == 7) answer.set_json("{\"to\":\"person1@example.com\"}");

    v1::ResolveReply message = answer.ToMessage();
    CHECK(message.resolved_size() == count);
    for (int i = 0; i < count; ++i) {
      CHECK(message.resolved().at(tokens[i]) == "person" + std::to_string(i) + "@example.com");
    }
    CHECK(message.unknown_size() == 3);
    CHECK(message.has_json() == (count == 7));
    CHECK(google::protobuf::util::MessageDifferencer::Equals(Parsed(answer), message));
    // JSON: the message's text (a map's order differs from one map to the
    // next, so the text is compared parsed).
    v1::ResolveReply from_json;
    REQUIRE(wire::Decode(wire::Encoding::kJson, answer.Encode(wire::Encoding::kJson), &from_json));
    CHECK(google::protobuf::util::MessageDifferencer::Equals(from_json, message));
  }
}

TEST_CASE("a resolve answer's JSON is the text of its message") {
  // One resolved token at most: a map of one entry has one order.
  for (int count : {0, 1}) {
    CAPTURE(count);
    Filled filled(count);
    endpoints::ResolveAnswer answer(std::move(*filled.session));
    for (const auto& token : filled.tokens) answer.Resolve(token);
    CHECK(answer.Encode(wire::Encoding::kJson) ==
          wire::Encode(wire::Encoding::kJson, answer.ToMessage()));
    answer.AddUnknown("[EMAIL_zzzz]");
    answer.AddUnknown("[PHONE_0000]");
    CHECK(answer.Encode(wire::Encoding::kJson) ==
          wire::Encode(wire::Encoding::kJson, answer.ToMessage()));
    answer.set_json("{\"to\": \"<person0@example.com>\", \"note\": \"caf\u00e9 \\\" \n\"}");
    CHECK(answer.Encode(wire::Encoding::kJson) ==
          wire::Encode(wire::Encoding::kJson, answer.ToMessage()));
  }
}

TEST_CASE("a resolve answer's entries stay valid when it moves") {
  Filled filled(20);
  const std::vector<std::string> tokens = filled.tokens;
  endpoints::ResolveAnswer answer(std::move(*filled.session));
  for (const auto& token : tokens) answer.Resolve(token);
  endpoints::ResolveAnswer moved = std::move(answer);
  v1::ResolveReply reply = Parsed(moved);
  CHECK(reply.resolved_size() == 20);
  CHECK(reply.resolved().at(tokens[19]) == "person19@example.com");
  CHECK(endpoints::ResolveAnswer(ViewOf(vault::Session(v1::SessionRecord())))
            .Encode(wire::Encoding::kProtobuf)
            .empty());
}
