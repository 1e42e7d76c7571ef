#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "vault/session.h"

using namespace privacy;

TEST_CASE("a session finds every token and value, small (scanned) or large (indexed)") {
  vault::Session session{v1::SessionRecord()};
  std::vector<std::string> tokens;
  // Past the size up to which a session is scanned, and on through growth
  // after its indexes were first built.
  for (int i = 0; i < 60; ++i) {
    const std::string value = "person" + std::to_string(i) + "@example.com";
    tokens.push_back(session.TokenFor("EMAIL", value));
    for (int j = 0; j <= i; ++j) {
      CAPTURE(j);
      const v1::TokenEntry* entry = session.FindByToken(tokens[j]);
      REQUIRE(entry != nullptr);
      CHECK(entry->value() == "person" + std::to_string(j) + "@example.com");
      CHECK(session.TokenFor("EMAIL", entry->value()) == tokens[j]);
    }
    CHECK(session.token_count() == static_cast<size_t>(i + 1));
    CHECK(session.FindByToken("<EMAIL_none>") == nullptr);
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    for (size_t j = i + 1; j < tokens.size(); ++j) CHECK(tokens[i] != tokens[j]);
  }
}

TEST_CASE("a session read back from its record finds what it held") {
  vault::Session original{v1::SessionRecord()};
  std::vector<std::string> tokens;
  for (int i = 0; i < 30; ++i) tokens.push_back(original.TokenFor("PHONE", std::to_string(i)));
  for (int size : {5, 30}) {
    CAPTURE(size);
    v1::SessionRecord record = original.record();
    record.mutable_entries()->DeleteSubrange(size, record.entries_size() - size);
    vault::Session read(std::move(record));
    for (int i = 0; i < 30; ++i) {
      const v1::TokenEntry* entry = read.FindByToken(tokens[i]);
      if (i < size) {
        REQUIRE(entry != nullptr);
        CHECK(entry->value() == std::to_string(i));
      } else {
        CHECK(entry == nullptr);
      }
    }
    // A moved session keeps finding its entries.
    vault::Session moved = std::move(read);
    CHECK(moved.FindByToken(tokens[size - 1]) != nullptr);
  }
}

TEST_CASE("a session parsed from its bytes holds its record, however large") {
  for (int size : {0, 3, 400}) {
    CAPTURE(size);
    vault::Session original{v1::SessionRecord()};
    original.mutable_record().set_account("tenant-a");
    original.mutable_record().set_expires_at_ms(1'700'000'000'000);
    std::vector<std::string> tokens;
    for (int i = 0; i < size; ++i) {
      // Values longer than a short string's inline buffer, and short ones.
      const std::string value =
          i % 2 ? std::to_string(i) : "person" + std::to_string(i) + "@example.com";
      tokens.push_back(original.TokenFor("EMAIL", value));
    }
    std::string bytes = original.record().SerializeAsString();
    std::optional<vault::Session> parsed = vault::Session::Parse(bytes);
    REQUIRE(parsed.has_value());
    CHECK(parsed->record().account() == "tenant-a");
    CHECK(parsed->record().expires_at_ms() == 1'700'000'000'000);
    CHECK(parsed->token_count() == static_cast<size_t>(size));
    CHECK(parsed->record().SerializeAsString() == bytes);
    // Moved (the indexes built before the move stay valid), then grown.
    if (size > 0) CHECK(parsed->FindByToken(tokens.back()) != nullptr);
    vault::Session moved = std::move(*parsed);
    parsed.reset();
    for (int i = 0; i < size; ++i) {
      const v1::TokenEntry* entry = moved.FindByToken(tokens[i]);
      REQUIRE(entry != nullptr);
      CHECK(moved.TokenFor("EMAIL", entry->value()) == tokens[i]);
    }
    const std::string added = moved.TokenFor("PHONE", "+1 415 555 0132");
    CHECK(moved.FindByToken(added)->value() == "+1 415 555 0132");
    vault::Session assigned{v1::SessionRecord()};
    assigned = std::move(moved);
    CHECK(assigned.token_count() == static_cast<size_t>(size + 1));
    CHECK(assigned.FindByToken(added) != nullptr);
  }
  CHECK_FALSE(vault::Session::Parse("\x0a\x05" "ab").has_value());  // truncated entry
  CHECK_FALSE(vault::Session::Parse("\xff\xff\xff").has_value());
}
