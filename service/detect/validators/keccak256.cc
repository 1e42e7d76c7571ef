#include "detect/validators/keccak256.h"

#include <cstring>

namespace privacy::detect {
namespace {

constexpr size_t kRateBytes = 136;  // 1600 - 2 * 256 bits
constexpr uint8_t kPadding = 0x01;  // Keccak's; SHA3-256 uses 0x06

constexpr uint64_t kRoundConstants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808AULL, 0x8000000080008000ULL,
    0x000000000000808BULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008AULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000AULL,
    0x000000008000808BULL, 0x800000000000008BULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800AULL, 0x800000008000000AULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};

// Rotation of lane (x, y), indexed x + 5 * y.
constexpr int kRotations[25] = {0,  1,  62, 28, 27, 36, 44, 6,  55, 20, 3,  10, 43,
                                25, 39, 41, 45, 15, 21, 8,  18, 2,  61, 56, 14};

uint64_t RotateLeft(uint64_t v, int n) { return n == 0 ? v : (v << n) | (v >> (64 - n)); }

// The Keccak-f[1600] permutation on lanes indexed x + 5 * y.
void Permute(uint64_t a[25]) {
  for (uint64_t round_constant : kRoundConstants) {
    uint64_t c[5];
    for (int x = 0; x < 5; ++x) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    for (int x = 0; x < 5; ++x) {
      const uint64_t d = c[(x + 4) % 5] ^ RotateLeft(c[(x + 1) % 5], 1);
      for (int y = 0; y < 25; y += 5) a[x + y] ^= d;
    }
    uint64_t b[25];
    for (int x = 0; x < 5; ++x) {
      for (int y = 0; y < 5; ++y) {
        b[y + 5 * ((2 * x + 3 * y) % 5)] = RotateLeft(a[x + 5 * y], kRotations[x + 5 * y]);
      }
    }
    for (int y = 0; y < 25; y += 5) {
      for (int x = 0; x < 5; ++x) a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
    }
    a[0] ^= round_constant;
  }
}

// XORs one block of kRateBytes into the state, lanes little-endian.
void Absorb(uint64_t state[25], const uint8_t* block) {
  for (size_t i = 0; i < kRateBytes / 8; ++i) {
    uint64_t lane = 0;
    for (int b = 7; b >= 0; --b) lane = (lane << 8) | block[i * 8 + static_cast<size_t>(b)];
    state[i] ^= lane;
  }
}

}  // namespace

std::array<uint8_t, 32> Keccak256(std::string_view data) {
  uint64_t state[25] = {};
  const auto* bytes = reinterpret_cast<const uint8_t*>(data.data());
  size_t remaining = data.size();
  for (; remaining >= kRateBytes; remaining -= kRateBytes, bytes += kRateBytes) {
    Absorb(state, bytes);
    Permute(state);
  }
  uint8_t last[kRateBytes] = {};
  std::memcpy(last, bytes, remaining);
  last[remaining] ^= kPadding;
  last[kRateBytes - 1] ^= 0x80;
  Absorb(state, last);
  Permute(state);
  std::array<uint8_t, 32> digest;
  for (size_t i = 0; i < digest.size(); ++i) {
    digest[i] = static_cast<uint8_t>(state[i / 8] >> (8 * (i % 8)));
  }
  return digest;
}

}  // namespace privacy::detect
