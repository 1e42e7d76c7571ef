#include <doctest/doctest.h>

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
