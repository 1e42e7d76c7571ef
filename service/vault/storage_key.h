// Where a session lives in the store: a key that names the owning NATS
// account (hashed) and the session id, so sessions of different accounts
// never share a key even when their ids are equal.
#pragma once

#include <string>
#include <string_view>

namespace privacy::vault {

// The store-safe name of an account: "own" for the service's own account
// (empty name), else "a" + 16 hex characters of SHA-256 of the name.
std::string AccountKey(std::string_view account);

// "<AccountKey(account)>.<session_id>"; `session_id` must be well formed.
std::string StorageKey(std::string_view account, std::string_view session_id);

// The account-key part of a storage key (empty when it has none).
std::string_view AccountKeyOf(std::string_view storage_key);

}  // namespace privacy::vault
