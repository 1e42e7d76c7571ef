// Formats of the contract (session ids, tokens) and small text helpers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace privacy::testing {

// 32 lowercase hex characters.
bool IsSessionId(std::string_view s);
// `[PREFIX_hex]`, e.g. `[EMAIL_3fa9]`.
bool IsToken(std::string_view s);
// The PREFIX of a token (`EMAIL` for `[EMAIL_3fa9]`), empty if not a token.
// The raw text of scalar field `key` in a flat JSON object ("" if absent):
// "\"123\"" for a string, "true" for a boolean.
std::string RawJsonValue(std::string_view json, std::string_view key);

// True for a JSON string holding only digits, e.g. "\"1795405133658\"".
bool IsQuotedDigits(std::string_view s);

std::string TokenPrefix(std::string_view token);
// A well-formed session id that no service created (random 128 bits).
std::string RandomSessionId();
// Current Unix time in milliseconds.
int64_t NowMs();
// `text` with every occurrence of `from` replaced by `to`.
std::string ReplaceAll(std::string text, std::string_view from, std::string_view to);

}  // namespace privacy::testing
