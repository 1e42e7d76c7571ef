// Keccak-256, the hash Ethereum uses (the original Keccak padding, not
// SHA3-256's; OpenSSL 3.0 offers no such digest).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace privacy::detect {

// The Keccak-256 digest of `data`.
std::array<uint8_t, 32> Keccak256(std::string_view data);

}  // namespace privacy::detect
