#include <doctest/doctest.h>

#include <openssl/rand.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "crypto/gcm_context_pool.h"
#include "crypto/session_cipher.h"

using namespace privacy;

namespace {

struct CipherDeleter {
  void operator()(EVP_CIPHER* cipher) const { EVP_CIPHER_free(cipher); }
};
using FetchedCipher = std::unique_ptr<EVP_CIPHER, CipherDeleter>;

FetchedCipher AesGcm() {
  return FetchedCipher(EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr));
}

crypto::GcmContextPool::Key RandomKey() {
  crypto::GcmContextPool::Key key{};
  REQUIRE(RAND_bytes(key.data(), static_cast<int>(key.size())) == 1);
  return key;
}

// AES-256-GCM of `plaintext` under the pool's key: ciphertext then tag.
std::string Encrypt(crypto::GcmContextPool& pool, const unsigned char* nonce,
                    const std::string& plaintext) {
  auto lease = pool.Borrow();
  EVP_CIPHER_CTX* ctx = lease.Start(true, nonce);
  REQUIRE(ctx != nullptr);
  std::string out(plaintext.size() + 16, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  int length = 0;
  REQUIRE(EVP_EncryptUpdate(ctx, bytes, &length,
                            reinterpret_cast<const unsigned char*>(plaintext.data()),
                            static_cast<int>(plaintext.size())) == 1);
  REQUIRE(EVP_EncryptFinal_ex(ctx, bytes + length, &length) == 1);
  REQUIRE(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, bytes + plaintext.size()) == 1);
  return out;
}

// The plaintext of Encrypt()'s output, or nullopt when the tag does not match.
std::optional<std::string> Decrypt(crypto::GcmContextPool& pool, const unsigned char* nonce,
                                   std::string sealed) {
  auto lease = pool.Borrow();
  EVP_CIPHER_CTX* ctx = lease.Start(false, nonce);
  REQUIRE(ctx != nullptr);
  std::string out(sealed.size() - 16, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  auto* in = reinterpret_cast<unsigned char*>(sealed.data());
  int length = 0;
  bool ok = EVP_DecryptUpdate(ctx, bytes, &length, in, static_cast<int>(out.size())) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, in + out.size()) == 1 &&
            EVP_DecryptFinal_ex(ctx, bytes + length, &length) == 1;
  if (!ok) {
    lease.Spoil();
    return std::nullopt;
  }
  return out;
}

}  // namespace

TEST_CASE("a pooled context is reused, keyed once, and decrypts after encrypting") {
  auto aes = AesGcm();
  REQUIRE(aes);
  crypto::GcmContextPool pool(aes.get(), RandomKey());
  CHECK(pool.idle() == 0);
  const unsigned char nonce_a[12] = {1, 2, 3};
  const unsigned char nonce_b[12] = {4, 5, 6};
  std::string a = Encrypt(pool, nonce_a, "maria.gonzalez@example.com");
  CHECK(pool.idle() == 1);
  std::string b = Encrypt(pool, nonce_b, "maria.gonzalez@example.com");
  CHECK(pool.idle() == 1);  // the same context again
  CHECK(a != b);            // each message under its own nonce
  CHECK(*Decrypt(pool, nonce_a, a) == "maria.gonzalez@example.com");
  CHECK(*Decrypt(pool, nonce_b, b) == "maria.gonzalez@example.com");
  CHECK_FALSE(Decrypt(pool, nonce_b, a).has_value());
  // A failed decryption spoils its context: it is not kept.
  CHECK(pool.idle() == 0);
  CHECK(*Decrypt(pool, nonce_a, a) == "maria.gonzalez@example.com");
  CHECK(pool.idle() == 1);
}

TEST_CASE("contexts borrowed at the same time are distinct, and idle ones are bounded") {
  auto aes = AesGcm();
  crypto::GcmContextPool pool(aes.get(), RandomKey());
  {
    std::vector<crypto::GcmContextPool::Lease> leases;
    std::vector<EVP_CIPHER_CTX*> seen;
    const unsigned char nonce[12] = {};
    for (size_t i = 0; i < crypto::GcmContextPool::kMaxIdle + 4; ++i) {
      leases.push_back(pool.Borrow());
      seen.push_back(leases.back().Start(true, nonce));
      REQUIRE(seen.back() != nullptr);
    }
    std::sort(seen.begin(), seen.end());
    CHECK(std::unique(seen.begin(), seen.end()) == seen.end());
  }
  CHECK(pool.idle() == crypto::GcmContextPool::kMaxIdle);
}

TEST_CASE("a cipher's reused contexts follow key changes and tampering") {
  int64_t now = 1'700'000'000'000;
  crypto::CipherOptions options;
  options.now_ms = [&now] { return now; };
  auto master = crypto::MasterKey::Generate();
  auto other_master = crypto::MasterKey::Generate();
  crypto::SessionCipher cipher(master, other_master, options);
  crypto::SessionCipher other_worker(master, std::nullopt, options);
  crypto::SessionCipher old_key(other_master, std::nullopt, options);
  const std::string value = "maria.gonzalez@example.com";

  std::string mine = cipher.Seal("own.s", value);
  std::string theirs = other_worker.Seal("own.s", value);  // another sealer id
  std::string previous_key = old_key.Seal("own.s", value);
  now += 24 * 3'600'000;  // the next period: a new data key
  std::string next_period = cipher.Seal("own.s", value);
  std::string tampered = next_period;
  tampered[tampered.size() - 20] ^= 0x01;
  for (int round = 0; round < 3; ++round) {
    CAPTURE(round);
    // Alternating keys and directions on the cipher's contexts.
    CHECK(*cipher.Open("own.s", mine) == value);
    CHECK(*cipher.Open("own.s", theirs) == value);
    CHECK_FALSE(cipher.Open("own.s", tampered).ok());
    CHECK(*cipher.Open("own.s", previous_key) == value);
    CHECK(*cipher.Open("own.s", next_period) == value);
    CHECK_FALSE(cipher.Open("own.other", next_period).ok());
    std::string fresh = cipher.Seal("own.s", value);
    CHECK(*cipher.Open("own.s", fresh) == value);
    CHECK(*other_worker.Open("own.s", fresh) == value);
  }
}

TEST_CASE("a cipher seals and opens correctly from many threads at once") {
  int64_t start = 1'700'000'000'000;
  std::atomic<int64_t> now{start};
  crypto::CipherOptions options;
  options.now_ms = [&now] { return now.load(); };
  auto master = crypto::MasterKey::Generate();
  crypto::SessionCipher cipher(master, std::nullopt, options);
  crypto::SessionCipher other_worker(master, std::nullopt, options);
  std::vector<std::string> others;
  for (int i = 0; i < 8; ++i) {
    others.push_back(other_worker.Seal("own.t" + std::to_string(i), "value " + std::to_string(i)));
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string id = "own.t" + std::to_string(t);
        const std::string value = "value " + std::to_string(t) + "." + std::to_string(i);
        std::string sealed = cipher.Seal(id, value);
        auto opened = cipher.Open(id, sealed);
        if (!opened || *opened != value) failures++;
        auto theirs = cipher.Open(id, others[t]);
        if (!theirs || *theirs != "value " + std::to_string(t)) failures++;
        sealed[sealed.size() - 1] ^= 0x01;
        if (cipher.Open(id, sealed).ok()) failures++;
        // One thread moves the clock into the next period half-way.
        if (t == 0 && i == 1000) now += 24 * 3'600'000;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(failures.load() == 0);
}
