#include "vault/packed_storage_key.h"

#include "vault/session_id.h"

namespace privacy::vault {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// 16 lowercase hex digits as a number; the caller checked the digits.
uint64_t ParseHex64(std::string_view digits) {
  uint64_t value = 0;
  for (char c : digits) {
    value = (value << 4) | static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  return value;
}

void AppendHex64(uint64_t value, std::string* out) {
  for (int shift = 60; shift >= 0; shift -= 4) out->push_back(kHexDigits[(value >> shift) & 0xf]);
}

// The account key and session id of `storage_key`, when it has that shape.
std::optional<std::pair<std::string_view, std::string_view>> Split(std::string_view storage_key) {
  size_t dot = storage_key.find('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  std::string_view id = storage_key.substr(dot + 1);
  if (!IsWellFormedSessionId(id)) return std::nullopt;
  return std::pair{storage_key.substr(0, dot), id};
}

PackedStorageKey PackId(std::string_view id, uint32_t account) {
  return {ParseHex64(id.substr(0, 16)), ParseHex64(id.substr(16)), account};
}

}  // namespace

std::optional<PackedStorageKey> AccountKeyTable::Pack(std::string_view storage_key) {
  auto parts = Split(storage_key);
  if (!parts) return std::nullopt;
  auto [it, inserted] =
      index_.try_emplace(std::string(parts->first), static_cast<uint32_t>(account_keys_.size()));
  if (inserted) account_keys_.push_back(it->first);
  return PackId(parts->second, it->second);
}

std::optional<PackedStorageKey> AccountKeyTable::Find(std::string_view storage_key) const {
  auto parts = Split(storage_key);
  if (!parts) return std::nullopt;
  auto account = FindAccount(parts->first);
  if (!account) return std::nullopt;
  return PackId(parts->second, *account);
}

std::optional<uint32_t> AccountKeyTable::FindAccount(std::string_view account_key) const {
  auto it = index_.find(std::string(account_key));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::string AccountKeyTable::Unpack(const PackedStorageKey& key) const {
  std::string out = account_keys_.at(key.account);
  out.push_back('.');
  AppendHex64(key.id_high, &out);
  AppendHex64(key.id_low, &out);
  return out;
}

}  // namespace privacy::vault
