// Validators for network identifiers: IP and MAC addresses, e-mail
// addresses and URLs.
#pragma once

#include <cstddef>
#include <string_view>

namespace privacy::detect {

// Dotted-quad IPv4 address with octets 0-255.
bool IsValidIpv4(std::string_view value);

// IPv6 address in any textual form accepted by inet_pton, holding at least
// one "::" or eight groups.
bool IsValidIpv6(std::string_view value);

// 48-bit MAC address: six hex pairs joined by one consistent ':' or '-', or
// three dotted groups of four hex digits.
bool IsValidMac(std::string_view value);

// Drops from the front of an e-mail candidate what cannot start an address
// (quotes, dots, non-letter symbols such as CJK punctuation) and returns the
// rest if it is a valid address, else an empty view.
std::string_view TrimmedEmail(std::string_view candidate);

// E-mail address: a dot-atom local part of at most 64 bytes and a domain of
// hyphenated labels ending in an alphabetic top-level domain.
bool IsValidEmail(std::string_view value);

// Returns the length of the URL `value` starts with once trailing
// punctuation and unbalanced closing brackets are removed, or 0 when no
// plausible host remains.
size_t UrlLength(std::string_view value);

}  // namespace privacy::detect
