// privacy.demask and privacy.resolve restoring tokens: mangled variants of
// the session's tokens, look-alikes left alone and reported, JSON documents,
// limits.
#include <doctest/doctest.h>

#include <cctype>

#include "endpoints/json_string_rewriter.h"
#include "restore_fixture.h"

using namespace privacy;
using privacy::testing::RestoreFixture;

namespace {

const std::vector<vault::ValueToMask> kValues = {
    {"PERSON", "Zoë Ölund"}, {"EMAIL", "maria@example.com"}, {"LOCATION", "São Paulo"}};

// `token` ("[PERSON_7f3a]") without its brackets.
std::string Core(const std::string& token) { return token.substr(1, token.size() - 2); }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

TEST_CASE("demask restores mangled variants of the session's tokens") {
  RestoreFixture f(kValues);
  const std::string person = f.Token("Zoë Ölund");
  const std::string email = f.Token("maria@example.com");
  const std::string core = Core(person);
  const std::vector<std::string> variants = {person,
                                             Lower(person),
                                             Upper(person),
                                             core,
                                             Lower(core),
                                             "[ " + core + " ]",
                                             "[  " + core + "  ]",
                                             "[" + core + " ]",
                                             "[ " + Lower(core) + "]"};
  for (const auto& variant : variants) {
    CAPTURE(variant);
    auto reply = f.Demask("Dear " + variant + ", write to " + email + ".");
    REQUIRE(reply.ok());
    CHECK(reply->original_text() == "Dear Zoë Ölund, write to maria@example.com.");
    CHECK(reply->unknown_size() == 0);
    CHECK(reply->carry().empty());
    CHECK(f.audit.entity_count() == 2);
  }
  // Next to multi-byte characters, without spaces.
  auto reply = f.Demask("日本" + core + "。é" + Lower(person) + "ü");
  REQUIRE(reply.ok());
  CHECK(reply->original_text() == "日本Zoë Ölund。éZoë Ölundü");
}

TEST_CASE("look-alikes are left byte for byte; exact unknown tokens are reported") {
  RestoreFixture f(kValues);
  const std::string person = f.Token("Zoë Ölund");
  const std::string core = Core(person);
  const std::string other = f.Lookalike(person);
  const std::string text = "X" + core + " " + core + "1 " + core + "g _" + core + " " +
                           Core(other) + " [   " + core + "   ] " + other + " " + Lower(other) +
                           " " + other + " [EMAIL_zzzz] [SSN_0000]";
  auto reply = f.Demask(text);
  REQUIRE(reply.ok());
  // Only the core inside too much padding is restored (the brackets are not
  // part of the mention).
  std::string expected = text;
  expected.replace(expected.find("[   " + core), 4 + core.size(), "[   Zoë Ölund");
  CHECK(reply->original_text() == expected);
  REQUIRE(reply->unknown_size() == 2);
  CHECK(reply->unknown(0) == other);
  CHECK(reply->unknown(1) == "[SSN_0000]");
  CHECK(f.audit.entity_count() == 1);
  CHECK(f.audit.unknown_count() == 2);
}

TEST_CASE("tokens of another session are not restored and are reported") {
  RestoreFixture a(kValues);
  RestoreFixture b(std::vector<vault::ValueToMask>{{"PERSON", "Someone Else"}});
  const std::string theirs = b.Token("Someone Else");
  if (a.vault->Open("", a.session_id)->FindByToken(theirs) != nullptr) return;  // same random suffix
  auto reply = a.Demask("Hi " + theirs + " and " + Lower(theirs));
  REQUIRE(reply.ok());
  CHECK(reply->original_text() == "Hi " + theirs + " and " + Lower(theirs));
  REQUIRE(reply->unknown_size() == 1);
  CHECK(reply->unknown(0) == theirs);
}

TEST_CASE("8-hex tokens of large sessions are restored too") {
  std::vector<vault::ValueToMask> values;
  for (int i = 0; i < 2049; ++i) values.push_back({"EMAIL", "user" + std::to_string(i) + "@x.io"});
  RestoreFixture f(values);
  const std::string last = f.Token("user2048@x.io");
  REQUIRE(last.size() == std::string("[EMAIL_12345678]").size());
  auto reply = f.Demask("to " + Upper(Core(last)) + " and [ " + Core(last) + " ]");
  REQUIRE(reply.ok());
  CHECK(reply->original_text() == "to user2048@x.io and user2048@x.io");
}

TEST_CASE("resolve restores tokens inside the string values of a JSON document") {
  RestoreFixture f(kValues);
  const std::string person = f.Token("Zoë Ölund");
  const std::string email = f.Token("maria@example.com");
  const std::string city = f.Token("São Paulo");
  const std::string other = f.Lookalike(person);
  const std::string json = "{ \"name\" :\"send_email\",\n  \"arguments\": {\"to\": [\"" + email +
                           "\", \"" + Lower(Core(email)) + "\"],\t\"body\":\"Dear " + person +
                           ",\\nsee you in \\u00e9" + Core(city) +
                           "\\\" \\ud83d\\ude00\",\n"
                           "\"" +
                           person + "\": [1, -2.50e+3, 0.0, true, false, null, {}, [], \"" + other +
                           "\"]}}";
  const std::string expected =
      "{ \"name\" :\"send_email\",\n  \"arguments\": {\"to\": "
      "[\"maria@example.com\", \"maria@example.com\"],\t\"body\":\"Dear "
      "Zoë Ölund,\\nsee you in \\u00e9São Paulo\\\" \\ud83d\\ude00\",\n"
      "\"" +
      person + "\": [1, -2.50e+3, 0.0, true, false, null, {}, [], \"" + other + "\"]}}";
  auto reply = f.ResolveJson(json, {city, "[LOC_zzzz]"});
  REQUIRE(reply.ok());
  CHECK(reply->json() == expected);
  CHECK(reply->resolved().at(city) == "São Paulo");
  REQUIRE(reply->unknown_size() == 2);
  CHECK(reply->unknown(0) == "[LOC_zzzz]");
  CHECK(reply->unknown(1) == other);
  CHECK(f.audit.entity_count() == 5);  // 1 resolved token + 4 restored in the document
  CHECK(f.audit.unknown_count() == 2);
}

TEST_CASE("resolve escapes restored values and handles escaped tokens") {
  RestoreFixture f(std::vector<vault::ValueToMask>{{"PERSON", "Zoë \"Z\" Ölund\\\n"}});
  const std::string person = f.Token("Zoë \"Z\" Ölund\\\n");
  // "\u005b" is '['; "\n" before a bare core is a line break, so a boundary.
  const std::string json =
      "[\"\\u005b" + person.substr(1) + "\", \"\\n" + Core(person) + "\", \"" + person + "\"]";
  auto reply = f.ResolveJson(json);
  REQUIRE(reply.ok());
  const std::string value = "Zoë \\\"Z\\\" Ölund\\\\\\n";
  CHECK(reply->json() == "[\"" + value + "\", \"\\n" + value + "\", \"" + value + "\"]");
  // A top-level string is a document too.
  reply = f.ResolveJson("\"" + Lower(person) + "\"");
  REQUIRE(reply.ok());
  CHECK(reply->json() == "\"" + value + "\"");
}

TEST_CASE("resolve rejects invalid JSON with 400 without echoing it") {
  RestoreFixture f(kValues);
  for (const std::string json : {" ",
                                 "{",
                                 "{\"a\"}",
                                 "{\"a\":}",
                                 "[1,]",
                                 "{\"a\":1,}",
                                 "01",
                                 "1.",
                                 ".5",
                                 "-",
                                 "1e",
                                 "+1",
                                 "\"maria@example.com",
                                 "\"\\x\"",
                                 "\"\\u12G4\"",
                                 "tru",
                                 "nul",
                                 "{} {}",
                                 "{'a':1}",
                                 "[1 2]",
                                 "NaN",
                                 "\"tab\there\"",
                                 "{\"maria@example.com\" 1}",
                                 "[\"maria@example.com\",]"}) {
    CAPTURE(json);
    auto reply = f.ResolveJson(json);
    REQUIRE_FALSE(reply.ok());
    CHECK(reply.error().code == ErrorCode::kBadRequest);
    CHECK(reply.error().message.find("json") != std::string::npos);
    CHECK(reply.error().message.find("maria") == std::string::npos);
  }
  const auto nested = [](int depth) {
    return std::string(depth, '[') + "\"x\"" + std::string(depth, ']');
  };
  CHECK(f.ResolveJson(nested(endpoints::kMaxJsonDepth)).ok());
  CHECK(f.ResolveJson(nested(endpoints::kMaxJsonDepth + 1)).error().code == ErrorCode::kBadRequest);
  CHECK(f.ResolveJson(nested(100000)).error().code == ErrorCode::kBadRequest);
}

TEST_CASE("size limits and UTF-8 checks apply to json and carry") {
  endpoints::EndpointLimits limits;
  limits.max_text_bytes = 64;
  RestoreFixture f(kValues, limits);
  const std::string big = "\"" + std::string(63, 'a') + "\"";
  CHECK(f.ResolveJson(big).error().code == ErrorCode::kTooLarge);
  CHECK(f.ResolveJson("\"bad \xc3\x28\"").error().code == ErrorCode::kBadRequest);
  CHECK(f.Demask("x", std::string(65, 'a'), false).error().code == ErrorCode::kTooLarge);
  CHECK(f.Demask("x", "bad \xc3\x28", false).error().code == ErrorCode::kBadRequest);
}

TEST_CASE("resolve and demask of tokens the session holds need no wait for the store") {
  RestoreFixture f(kValues);
  const std::string person = f.Token("Zoë Ölund");
  const std::string email = f.Token("maria@example.com");
  v1::ResolveRequest resolve;
  resolve.set_session_id(f.session_id);
  resolve.add_tokens(person);
  resolve.set_json("{\"to\": \"" + email + "\"}");
  v1::AuditEvent audit;
  auto resolved =
      testing::Audited(resolve, f.endpoints.ResolveAtOnce(resolve, endpoints::Caller{}), &audit);
  REQUIRE(resolved.has_value());
  REQUIRE(resolved->ok());
  CHECK((*resolved)->resolved().at(person) == "Zoë Ölund");
  CHECK((*resolved)->json() == "{\"to\": \"maria@example.com\"}");
  CHECK(audit.entity_count() == 2);

  v1::DemaskRequest demask;
  demask.set_session_id(f.session_id);
  demask.set_masked_text("Dear " + person);
  auto demasked =
      testing::Audited(demask, f.endpoints.DemaskAtOnce(demask, endpoints::Caller{}), &audit);
  REQUIRE(demasked.has_value());
  REQUIRE(demasked->ok());
  CHECK((*demasked)->original_text() == "Dear Zoë Ölund");

  // A token the session lacks may have been added by another worker a
  // moment ago: that needs the store.
  resolve.set_json("{\"to\": \"" + f.Lookalike(email) + "\"}");
  CHECK_FALSE(f.endpoints.ResolveAtOnce(resolve, endpoints::Caller{}).has_value());
}
