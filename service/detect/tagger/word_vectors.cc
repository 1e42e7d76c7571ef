#include "detect/tagger/word_vectors.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "detect/data_file_bytes.h"
#include "detect/data_file_path.h"

namespace privacy::detect {
namespace {

// Layout (little-endian; see scripts/clusters/build_word_vectors.mjs):
//   0  "PFVECT01"     magic
//   8  u32            format version
//   12 u32            word count
//   16 u32            dimensions
//   20 u32            scale (the stored value of 1.0)
//   24 u64            FNV-1a 64 of the bytes after the header
//   32 u64[count]     KeyTable entries: a word's hash, its row + 1
//   .. i8[count][dimensions] rows
constexpr char kMagic[8] = {'P', 'F', 'V', 'E', 'C', 'T', '0', '1'};
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kHeaderBytes = 32;
constexpr const char* kFileName = "word_vectors.bin";

[[noreturn]] void Fail(const std::string& path, const std::string& problem) {
  throw std::runtime_error("word vectors " + path + ": " + problem);
}

}  // namespace

WordVectors WordVectors::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail(path, "cannot open (set its path with --word-vectors)");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    Fail(path, "not a word vectors file (bad magic)");
  }
  const char* p = bytes.data();
  if (const uint32_t version = ReadLittleEndian32(p + 8); version != kFormatVersion) {
    Fail(path, "format version " + std::to_string(version) + ", expected " +
                   std::to_string(kFormatVersion));
  }
  const size_t count = ReadLittleEndian32(p + 12);
  if (ReadLittleEndian32(p + 16) != kDimensions) {
    Fail(path, "vectors of " + std::to_string(ReadLittleEndian32(p + 16)) +
                   " dimensions, expected " + std::to_string(kDimensions));
  }
  const uint32_t scale = ReadLittleEndian32(p + 20);
  if (scale == 0) Fail(path, "zero scale");
  if (bytes.size() != kHeaderBytes + count * (8 + kDimensions)) {
    Fail(path, "size does not match its " + std::to_string(count) + " words (truncated?)");
  }
  const char* body = p + kHeaderBytes;
  const uint64_t checksum = Fnv1a64(body, bytes.size() - kHeaderBytes);
  if (checksum != ReadLittleEndian64(p + 24)) Fail(path, "checksum mismatch");
  std::vector<uint64_t> entries(count);
  for (size_t i = 0; i < count; ++i) {
    entries[i] = ReadLittleEndian64(body + 8 * i);
    const uint64_t row_plus_one = entries[i] & 0xFFFFFF;
    if (row_plus_one == 0 || row_plus_one > count) {
      Fail(path, "entry " + std::to_string(i) + " names no row");
    }
  }
  std::vector<int8_t> rows(count * kDimensions);
  std::memcpy(rows.data(), body + 8 * count, rows.size());
  try {
    return WordVectors(KeyTable::FromEntries(std::move(entries), checksum), std::move(rows),
                       static_cast<float>(scale));
  } catch (const std::invalid_argument& e) {
    Fail(path, e.what());
  }
}

std::string DefaultWordVectorsPath() { return DefaultDataFilePath(kFileName); }

}  // namespace privacy::detect
