// Hashed key tables: the file format the gazetteer and the word clusters
// share (written by scripts/gazetteer/key_table.mjs).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace privacy::detect {

// Sorted 64-bit entries (a 40-bit key hash from NameKey::Hash and a 24-bit
// value) read from a data file in one read, with a directory on the top 16
// hash bits so that a lookup touches one or two cache lines. Immutable
// after loading; safe for concurrent use.
class KeyTable {
 public:
  // Reads and checks the file. `magic` is its first 8 bytes; `what` names
  // the table and `option` the flag that sets its path in errors. Throws
  // std::runtime_error naming the path and the problem (missing, wrong
  // format or version, truncated, corrupt).
  static KeyTable Load(const std::string& path, const char (&magic)[9], const std::string& what,
                       const std::string& option);

  // A table of `entries` (in host byte order) whose stored bytes have the
  // checksum `checksum`. Throws std::invalid_argument when the entries are
  // not strictly increasing.
  static KeyTable FromEntries(std::vector<uint64_t> entries, uint64_t checksum);

  // The value of the key whose hash is `hash`; 0 when the table lacks it.
  uint32_t Find(uint64_t hash) const;

  size_t size() const { return entries_.size(); }
  // FNV-1a 64 of the entries as stored: tells two tables apart.
  uint64_t checksum() const { return checksum_; }

 private:
  KeyTable() = default;

  std::vector<uint64_t> entries_;
  std::vector<uint32_t> directory_;  // first entry of each 16-bit hash prefix
  uint64_t checksum_ = 0;
};

}  // namespace privacy::detect
