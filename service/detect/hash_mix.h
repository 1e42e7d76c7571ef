// The 64-bit finalizer of MurmurHash3: spreads every input bit over the
// whole word, so the top or low bits of a mixed hash can index a table.
#pragma once

#include <cstdint>

namespace privacy::detect {

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

}  // namespace privacy::detect
