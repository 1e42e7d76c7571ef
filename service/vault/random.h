// Cryptographically secure random identifiers (OpenSSL's CSPRNG).
#pragma once

#include <cstddef>
#include <string>

namespace privacy::vault {

// `bytes` random bytes from the CSPRNG, as lowercase hex (2 chars per byte).
// Throws std::runtime_error if the CSPRNG fails.
std::string RandomHex(size_t bytes);

}  // namespace privacy::vault
