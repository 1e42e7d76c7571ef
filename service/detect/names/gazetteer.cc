#include "detect/names/gazetteer.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "detect/data_file_bytes.h"
#include "detect/data_file_path.h"

namespace privacy::detect {
namespace {

constexpr char kMagic[8] = {'P', 'F', 'N', 'A', 'M', 'E', 'S', '1'};
constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderBytes = 24;
constexpr int kDirectoryBits = 16;
constexpr const char* kFileName = "names.gaz";

[[noreturn]] void Fail(const std::string& path, const std::string& problem) {
  throw std::runtime_error("gazetteer " + path + ": " + problem);
}

}  // namespace

Gazetteer Gazetteer::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail(path, "cannot open (set its path with --gazetteer)");
  char header[kHeaderBytes] = {};
  in.read(header, kHeaderBytes);
  if (in.gcount() != static_cast<std::streamsize>(kHeaderBytes) ||
      std::memcmp(header, kMagic, sizeof kMagic) != 0) {
    Fail(path, "not a names gazetteer (bad magic)");
  }
  if (const uint32_t version = ReadLittleEndian32(header + 8); version != kVersion) {
    Fail(path, "format version " + std::to_string(version) + ", expected " +
                   std::to_string(kVersion));
  }
  // The entries are read straight into place: no second copy of the file.
  const size_t count = ReadLittleEndian32(header + 12);
  Gazetteer gazetteer;
  gazetteer.entries_.resize(count);
  char* body = reinterpret_cast<char*>(gazetteer.entries_.data());
  in.read(body, static_cast<std::streamsize>(count * 8));
  const bool complete = in.gcount() == static_cast<std::streamsize>(count * 8);
  if (!complete || in.peek() != std::char_traits<char>::eof()) {
    Fail(path, "size does not match its " + std::to_string(count) + " entries (truncated?)");
  }
  if (Fnv1a64(body, count * 8) != ReadLittleEndian64(header + 16)) Fail(path, "checksum mismatch");
  for (size_t i = 0; i < count; ++i) {
    uint64_t& entry = gazetteer.entries_[i];
    entry = ReadLittleEndian64(reinterpret_cast<const char*>(&entry));  // little-endian on disk
    if (i > 0 && (entry >> 24) <= (gazetteer.entries_[i - 1] >> 24)) {
      Fail(path, "entries not sorted at entry " + std::to_string(i));
    }
  }
  gazetteer.directory_.assign((size_t{1} << kDirectoryBits) + 1, 0);
  for (uint64_t entry : gazetteer.entries_) ++gazetteer.directory_[(entry >> (64 - kDirectoryBits)) + 1];
  for (size_t i = 1; i < gazetteer.directory_.size(); ++i) {
    gazetteer.directory_[i] += gazetteer.directory_[i - 1];
  }
  return gazetteer;
}

uint32_t Gazetteer::Flags(const NameKey& key) const {
  if (key.empty() || entries_.empty()) return 0;
  const uint64_t hash = key.Hash();
  const size_t bucket = hash >> (40 - kDirectoryBits);
  const auto first = entries_.begin() + directory_[bucket];
  const auto last = entries_.begin() + directory_[bucket + 1];
  const auto it = std::lower_bound(first, last, hash << 24);
  if (it == last || (*it >> 24) != hash) return 0;
  return static_cast<uint32_t>(*it & 0xFFFFFF);
}

std::string DefaultGazetteerPath() { return DefaultDataFilePath(kFileName); }

}  // namespace privacy::detect
