#include "detect/names/key_table.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <utility>

#include "detect/data_file_bytes.h"

namespace privacy::detect {
namespace {

constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderBytes = 24;
constexpr int kDirectoryBits = 16;

}  // namespace

KeyTable KeyTable::Load(const std::string& path, const char (&magic)[9], const std::string& what,
                        const std::string& option) {
  auto fail = [&](const std::string& problem) {
    throw std::runtime_error(what + " " + path + ": " + problem);
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot open (set its path with " + option + ")");
  char header[kHeaderBytes] = {};
  in.read(header, kHeaderBytes);
  if (in.gcount() != static_cast<std::streamsize>(kHeaderBytes) ||
      std::memcmp(header, magic, 8) != 0) {
    fail("not a " + what + " (bad magic)");
  }
  if (const uint32_t version = ReadLittleEndian32(header + 8); version != kVersion) {
    fail("format version " + std::to_string(version) + ", expected " + std::to_string(kVersion));
  }
  // The entries are read straight into place: no second copy of the file.
  const size_t count = ReadLittleEndian32(header + 12);
  std::vector<uint64_t> entries(count);
  char* body = reinterpret_cast<char*>(entries.data());
  in.read(body, static_cast<std::streamsize>(count * 8));
  const bool complete = in.gcount() == static_cast<std::streamsize>(count * 8);
  if (!complete || in.peek() != std::char_traits<char>::eof()) {
    fail("size does not match its " + std::to_string(count) + " entries (truncated?)");
  }
  const uint64_t checksum = Fnv1a64(body, count * 8);
  if (checksum != ReadLittleEndian64(header + 16)) fail("checksum mismatch");
  for (uint64_t& entry : entries) {
    entry = ReadLittleEndian64(reinterpret_cast<const char*>(&entry));  // little-endian on disk
  }
  try {
    return FromEntries(std::move(entries), checksum);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(what + " " + path + ": " + e.what());
  }
}

KeyTable KeyTable::FromEntries(std::vector<uint64_t> entries, uint64_t checksum) {
  for (size_t i = 1; i < entries.size(); ++i) {
    if ((entries[i] >> 24) <= (entries[i - 1] >> 24)) {
      throw std::invalid_argument("entries not sorted at entry " + std::to_string(i));
    }
  }
  KeyTable table;
  table.entries_ = std::move(entries);
  table.checksum_ = checksum;
  table.directory_.assign((size_t{1} << kDirectoryBits) + 1, 0);
  for (uint64_t entry : table.entries_) ++table.directory_[(entry >> (64 - kDirectoryBits)) + 1];
  for (size_t i = 1; i < table.directory_.size(); ++i) {
    table.directory_[i] += table.directory_[i - 1];
  }
  return table;
}

uint32_t KeyTable::Find(uint64_t hash) const {
  if (entries_.empty()) return 0;
  const size_t bucket = hash >> (40 - kDirectoryBits);
  const auto first = entries_.begin() + directory_[bucket];
  const auto last = entries_.begin() + directory_[bucket + 1];
  const auto it = std::lower_bound(first, last, hash << 24);
  if (it == last || (*it >> 24) != hash) return 0;
  return static_cast<uint32_t>(*it & 0xFFFFFF);
}

}  // namespace privacy::detect
