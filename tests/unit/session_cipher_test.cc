#include <doctest/doctest.h>

#include <memory>

#include "awaited_calls.h"
#include "crypto/session_cipher.h"
#include "in_memory_session_store.h"
#include "vault/encrypting_session_store.h"

using namespace privacy;

namespace {

constexpr int64_t kHourMs = 3'600'000;

// A cipher with a 24-hour period whose clock the test moves.
struct CipherClock {
  int64_t now = 1'700'000'000'000;
  std::shared_ptr<crypto::SessionCipher> Make(const crypto::MasterKey& current,
                                              std::optional<crypto::MasterKey> previous = {}) {
    crypto::CipherOptions options;
    options.now_ms = [this] { return now; };
    return std::make_shared<crypto::SessionCipher>(current, std::move(previous), options);
  }
};

}  // namespace

TEST_CASE("master keys parse from base64 of exactly 32 bytes") {
  auto key = crypto::MasterKey::Generate();
  auto parsed = crypto::MasterKey::FromBase64("  " + key.ToBase64() + "\n");
  REQUIRE(parsed.ok());
  CHECK(parsed->bytes() == key.bytes());
  CHECK(parsed->id() == key.id());
  CHECK(crypto::MasterKey::Generate().id() != key.id());
  for (const char* bad : {"", "c2hvcnQ=", "not base64 at all, but forty-four chars long",
                          "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
                          "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
    CAPTURE(bad);
    auto rejected = crypto::MasterKey::FromBase64(bad);
    REQUIRE_FALSE(rejected.ok());
    if (*bad != '\0') CHECK(rejected.error().message.find(bad) == std::string::npos);
  }
}

TEST_CASE("sealed records open only with the same associated data and an accepted key") {
  CipherClock clock;
  auto k1 = crypto::MasterKey::Generate();
  auto k2 = crypto::MasterKey::Generate();
  auto cipher = clock.Make(k1);
  const std::string plaintext = "maria.gonzalez@example.com";
  std::string sealed = cipher->Seal("own.session-a", plaintext);

  CHECK(sealed.find(plaintext) == std::string::npos);
  CHECK(cipher->Seal("own.session-a", plaintext) != sealed);  // fresh nonce
  REQUIRE(cipher->Open("own.session-a", sealed).ok());
  CHECK(*cipher->Open("own.session-a", sealed) == plaintext);

  SUBCASE("moved to another session") {
    CHECK(cipher->Open("own.session-b", sealed).error().code == ErrorCode::kNotFound);
  }
  SUBCASE("tampered with") {
    for (size_t i : {size_t{0}, size_t{3}, size_t{9}, size_t{20}, sealed.size() - 1}) {
      std::string tampered = sealed;
      tampered[i] ^= 0x01;
      CHECK_FALSE(cipher->Open("own.session-a", tampered).ok());
    }
    CHECK_FALSE(cipher->Open("own.session-a", sealed.substr(0, 20)).ok());
  }
  SUBCASE("rotated: the new key with the old one as previous reads it") {
    auto rotated = clock.Make(k2, k1);
    CHECK(*rotated->Open("own.session-a", sealed) == plaintext);
    std::string resealed = rotated->Seal("own.session-a", plaintext);
    CHECK_FALSE(cipher->Open("own.session-a", resealed).ok());
  }
  SUBCASE("rotated: once the old key is gone the record is unreadable") {
    CHECK(clock.Make(k2)->Open("own.session-a", sealed).error().code == ErrorCode::kNotFound);
  }
  SUBCASE("records of the previous period open; older ones do not") {
    clock.now += 24 * kHourMs;
    CHECK(cipher->Open("own.session-a", sealed).ok());
    clock.now += 24 * kHourMs;
    CHECK_FALSE(cipher->Open("own.session-a", sealed).ok());
  }
  SUBCASE("a record of the next period opens on a clock up to 5 minutes behind") {
    const int64_t period_ms = 24 * kHourMs;
    clock.now = (clock.now / period_ms + 1) * period_ms + 1000;  // 1 s into a period
    std::string fresh = cipher->Seal("y", plaintext);
    clock.now -= 4 * 60'000;  // 3 min 59 s before that period
    CHECK(*cipher->Open("y", fresh) == plaintext);
    clock.now -= 2 * 60'000;  // more than 5 minutes behind
    CHECK_FALSE(cipher->Open("y", fresh).ok());
  }
  SUBCASE("each period has its own data key") {
    std::string today = cipher->Seal("x", plaintext);
    clock.now += 24 * kHourMs;
    std::string tomorrow = cipher->Seal("x", plaintext);
    CHECK(today.substr(5, 8) != tomorrow.substr(5, 8));
    CHECK(*cipher->Open("x", today) == plaintext);
    CHECK(*cipher->Open("x", tomorrow) == plaintext);
  }
}

TEST_CASE("each worker's cipher seals under data keys of its own; each opens the others'") {
  CipherClock clock;
  auto master = crypto::MasterKey::Generate();
  auto first = clock.Make(master);
  auto second = clock.Make(master);
  const std::string plaintext = "maria.gonzalez@example.com";
  std::string a = first->Seal("own.s", plaintext);
  std::string b = second->Seal("own.s", plaintext);
  CHECK(a[0] == 2);
  CHECK(a.substr(1, 12) == b.substr(1, 12));   // same master key and period
  CHECK(a.substr(13, 8) != b.substr(13, 8));   // sealer ids differ
  CHECK(first->Seal("own.s", plaintext).substr(13, 8) == a.substr(13, 8));  // kept while under the bound
  CHECK(*first->Open("own.s", b) == plaintext);
  CHECK(*second->Open("own.s", a) == plaintext);
}

TEST_CASE("a record sealed before per-worker keys (version 1) still opens") {
  // Sealed by the previous version, with this master key at this time.
  auto master = crypto::MasterKey::FromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
  REQUIRE(master.ok());
  CipherClock clock;
  auto cipher = clock.Make(*master);
  const std::string hex =
      "01a2dbeb1c0000000000004cdb93ed245a75e007c09a85a53566f843e502f0da035147b3d78cb8566d48"
      "a1898aab545f785baa2889e89dcdb9c1a64d05cded0d2f6aab";
  std::string sealed;
  for (size_t i = 0; i < hex.size(); i += 2) {
    sealed.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  auto opened = cipher->Open("own.v1-session", sealed);
  REQUIRE(opened.ok());
  CHECK(*opened == "maria.gonzalez@example.com");
  CHECK_FALSE(cipher->Open("own.other-session", sealed).ok());
}

TEST_CASE("the encrypting store keeps only ciphertext in the store beneath it") {
  CipherClock clock;
  auto inner = std::make_shared<testing::InMemorySessionStore>();
  vault::EncryptingSessionStore store(inner, clock.Make(crypto::MasterKey::Generate()));
  auto revision = testing::CreateAndWait(store, "own.s1", "secret value", 0);
  REQUIRE(revision.ok());
  CHECK(inner->Load("own.s1")->bytes.find("secret value") == std::string::npos);
  CHECK(store.Load("own.s1")->bytes == "secret value");
  REQUIRE(testing::UpdateAndWait(store, "own.s1", "another secret", 0, *revision).ok());
  CHECK(store.Load("own.s1")->bytes == "another secret");

  // A ciphertext copied under another key reads as absent.
  REQUIRE(testing::CreateAndWait(*inner, "own.s2", inner->Load("own.s1")->bytes, 0).ok());
  CHECK(store.Load("own.s2").error().code == ErrorCode::kNotFound);
}
