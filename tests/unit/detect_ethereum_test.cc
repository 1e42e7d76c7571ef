// Keccak-256 and the EIP-55 checksum of Ethereum addresses.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <string>

#include "detect/validators/ethereum_address.h"
#include "detect/validators/keccak256.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using privacy::detect::testing::Found;
using privacy::detect::testing::Strings;

namespace {

std::string Hex(const std::array<uint8_t, 32>& digest) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (uint8_t b : digest) {
    hex += kDigits[b >> 4];
    hex += kDigits[b & 0x0F];
  }
  return hex;
}

// `address` with the case of its `index`-th hex digit (a letter) swapped.
std::string SwapCase(std::string address, size_t index) {
  char& c = address[2 + index];
  c = (c >= 'a' && c <= 'f') ? static_cast<char>(c - 'a' + 'A') : static_cast<char>(c - 'A' + 'a');
  return address;
}

// The EIP-55 test vectors with mixed case.
const char* const kChecksummed[] = {
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"};

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect Keccak-256: published digests") {
  CHECK(Hex(Keccak256("")) == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  CHECK(Hex(Keccak256("abc")) ==
        "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  CHECK(Hex(Keccak256("The quick brown fox jumps over the lazy dog")) ==
        "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15");
  // Two blocks (the rate is 136 bytes). Reference value from this
  // implementation after its permutation and block handling were checked
  // against OpenSSL's SHA3-256 (same sponge, other padding) at lengths
  // 0-1000 around the block boundaries.
  CHECK(Hex(Keccak256(std::string(200, 'a'))) ==
        "96ea54061def936c4be90b518992fdc6f12f535068a256229aca54267b4d084d");
}

TEST_CASE("detect EIP-55: the specification's vectors") {
  // Letters in one case carry no checksum.
  CHECK(IsValidEthereumAddress("0x52908400098527886E0F7030069857D2E4169EE7"));
  CHECK(IsValidEthereumAddress("0x8617E340B3D01FA5F11F306F4090FD50E238070D"));
  CHECK(IsValidEthereumAddress("0xde709f2102306220921060314715629080e2fb77"));
  CHECK(IsValidEthereumAddress("0x27b1fdb04752bbc536007a920d24acb045561c26"));
  for (const char* address : kChecksummed) {
    CAPTURE(address);
    CHECK(IsValidEthereumAddress(address));
  }
  CHECK(IsValidEthereumAddress("0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe"));
}

TEST_CASE("detect EIP-55: a letter in the wrong case fails the checksum") {
  for (const std::string address : kChecksummed) {
    for (size_t i = 0; i < 40; ++i) {
      const char c = address[2 + i];
      if (c >= '0' && c <= '9') continue;
      CAPTURE(i);
      CHECK_FALSE(IsValidEthereumAddress(SwapCase(address, i)));
    }
  }
  CHECK_FALSE(IsValidEthereumAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe"));   // 39 digits
  CHECK_FALSE(IsValidEthereumAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg"));  // not hex
}

TEST_CASE("detect CRYPTO_WALLET: Ethereum addresses by their checksum") {
  CHECK(Found("send to 0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359, thanks") ==
        Strings{"CRYPTO_WALLET:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"});
  CHECK(Found("ETH 0x8617E340B3D01FA5F11F306F4090FD50E238070D") ==
        Strings{"CRYPTO_WALLET:0x8617E340B3D01FA5F11F306F4090FD50E238070D"});
  CHECK(Found("send to 0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5D359, thanks").empty());
}
