// Validator for Ethereum addresses.
#pragma once

#include <string_view>

namespace privacy::detect {

// "0x" followed by exactly 40 hex digits. Letters all in lower or all in
// upper case carry no checksum; in mixed case they must follow EIP-55: the
// i-th hex digit is a capital letter exactly when the i-th nibble of the
// Keccak-256 digest of the lower-case hex digits is 8 or more.
bool IsValidEthereumAddress(std::string_view value);

}  // namespace privacy::detect
