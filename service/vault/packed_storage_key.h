// Storage keys packed for per-session bookkeeping: a worker tracks every live
// session of the bucket, so each tracked key should cost bytes, not a string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace privacy::vault {

// A storage key "<account key>.<session id>" in 24 bytes: the session id's
// 128 bits, and the account key as an index into an AccountKeyTable.
struct PackedStorageKey {
  uint64_t id_high = 0;
  uint64_t id_low = 0;
  uint32_t account = 0;

  bool operator==(const PackedStorageKey&) const = default;
};

// Session ids are random: their low bits are a good hash already. Cheap and
// noexcept, so hash tables do not store it beside each key.
struct PackedStorageKeyHash {
  size_t operator()(const PackedStorageKey& key) const noexcept {
    return static_cast<size_t>(key.id_low ^ (static_cast<uint64_t>(key.account) << 32));
  }
};

// Packs and unpacks storage keys, holding each account key once (a
// deployment has few accounts; they are never forgotten). Not synchronized:
// its owner's lock guards it.
class AccountKeyTable {
 public:
  // The packed `storage_key`, adding its account key when new; nullopt when
  // it is not "<account key>.<well-formed session id>" (then it is no
  // session of this service).
  std::optional<PackedStorageKey> Pack(std::string_view storage_key);
  // As Pack, but nullopt for an account key not in the table.
  std::optional<PackedStorageKey> Find(std::string_view storage_key) const;
  // The index of `account_key`, when in the table.
  std::optional<uint32_t> FindAccount(std::string_view account_key) const;
  // The storage key `key` was packed from.
  std::string Unpack(const PackedStorageKey& key) const;

 private:
  std::vector<std::string> account_keys_;
  std::unordered_map<std::string, uint32_t> index_;
};

}  // namespace privacy::vault
