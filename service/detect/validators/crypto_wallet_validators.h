// Validators for cryptocurrency wallet addresses.
#pragma once

#include <string_view>

namespace privacy::detect {

// Bitcoin legacy (P2PKH '1...') or script (P2SH '3...') address: Base58
// decoding to 25 bytes whose last four are the double-SHA-256 checksum.
bool IsValidBase58CheckAddress(std::string_view value);

// Bitcoin segwit address (bc1..., tb1...): Bech32 for witness version 0,
// Bech32m for later versions, single case, 14-74 characters.
bool IsValidBech32Address(std::string_view value);

}  // namespace privacy::detect
