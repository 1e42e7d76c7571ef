#include "vault/packed_storage_key.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "vault/session_id.h"
#include "vault/storage_key.h"

using namespace privacy;

TEST_CASE("packed storage keys: every session key packs and unpacks to itself") {
  vault::AccountKeyTable table;
  for (const std::string account : {"", "TENANT_A", "TENANT_B"}) {
    for (int i = 0; i < 100; ++i) {
      const std::string key = vault::StorageKey(account, vault::NewSessionId());
      auto packed = table.Pack(key);
      REQUIRE(packed.has_value());
      CHECK(table.Unpack(*packed) == key);
      CHECK(table.Find(key) == packed);
    }
  }
  CHECK(table.FindAccount("own") == 0u);
  CHECK(table.FindAccount(vault::AccountKey("TENANT_B")) == 2u);
  CHECK_FALSE(table.FindAccount(vault::AccountKey("TENANT_C")).has_value());
}

TEST_CASE("packed storage keys: different accounts or ids never share a packed key") {
  vault::AccountKeyTable table;
  const std::string id = vault::NewSessionId();
  auto own = table.Pack(vault::StorageKey("", id));
  auto tenant = table.Pack(vault::StorageKey("TENANT_A", id));
  auto other = table.Pack(vault::StorageKey("", vault::NewSessionId()));
  REQUIRE((own && tenant && other));
  CHECK_FALSE(*own == *tenant);
  CHECK_FALSE(*own == *other);
}

TEST_CASE("packed storage keys: keys that name no session do not pack") {
  vault::AccountKeyTable table;
  const std::string id = vault::NewSessionId();
  const std::vector<std::string> not_sessions = {"own.s1",
                                                 "own." + id + "0",
                                                 "own." + id.substr(1),
                                                 ".",
                                                 "." + id,
                                                 id,
                                                 "own_" + id,
                                                 "own." + std::string(32, 'A'),
                                                 "own." + std::string(31, '0') + "g"};
  for (const std::string& key : not_sessions) {
    CAPTURE(key);
    CHECK_FALSE(table.Pack(key).has_value());
    CHECK_FALSE(table.Find(key).has_value());
  }
  // Find never adds an account; Pack does.
  CHECK_FALSE(table.Find("own." + id).has_value());
  CHECK(table.Pack("own." + id).has_value());
  CHECK(table.Find("own." + id).has_value());
}
