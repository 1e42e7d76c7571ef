#include "detect/tagger/word_vectors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

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

// A file descriptor, closed when destroyed.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// Reads exactly `size` bytes at `offset`; false when the file ends first.
bool ReadAt(int fd, char* out, size_t size, size_t offset) {
  while (size > 0) {
    const ssize_t n = ::pread(fd, out, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    size -= static_cast<size_t>(n);
    offset += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

class WordVectors::Mapping {
 public:
  Mapping(void* address, size_t size) : address_(address), size_(size) {}
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() { ::munmap(address_, size_); }
  const char* bytes() const { return static_cast<const char*>(address_); }

 private:
  void* address_;
  size_t size_;
};

WordVectors WordVectors::Load(const std::string& path) {
  const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) Fail(path, "cannot open (set its path with --word-vectors)");
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) Fail(path, "cannot read its size");
  const auto file_size = static_cast<size_t>(status.st_size);
  char header[kHeaderBytes] = {};
  if (file_size < kHeaderBytes || !ReadAt(file.get(), header, kHeaderBytes, 0) ||
      std::memcmp(header, kMagic, sizeof kMagic) != 0) {
    Fail(path, "not a word vectors file (bad magic)");
  }
  if (const uint32_t version = ReadLittleEndian32(header + 8); version != kFormatVersion) {
    Fail(path, "format version " + std::to_string(version) + ", expected " +
                   std::to_string(kFormatVersion));
  }
  const size_t count = ReadLittleEndian32(header + 12);
  if (const uint32_t dimensions = ReadLittleEndian32(header + 16); dimensions != kDimensions) {
    Fail(path, "vectors of " + std::to_string(dimensions) + " dimensions, expected " +
                   std::to_string(kDimensions));
  }
  const uint32_t scale = ReadLittleEndian32(header + 20);
  if (scale == 0) Fail(path, "zero scale");
  if (file_size != kHeaderBytes + count * (8 + kDimensions)) {
    Fail(path, "size does not match its " + std::to_string(count) + " words (truncated?)");
  }
  // The entries are read into memory; the rows are checked through read
  // calls, which leave them in the page cache but out of this process's
  // memory, and then mapped.
  std::vector<uint64_t> entries(count);
  char* entry_bytes = reinterpret_cast<char*>(entries.data());
  if (!ReadAt(file.get(), entry_bytes, count * 8, kHeaderBytes)) Fail(path, "truncated");
  uint64_t checksum = Fnv1a64(entry_bytes, count * 8);
  const size_t rows_offset = kHeaderBytes + count * 8;
  std::vector<char> chunk(1 << 16);
  for (size_t at = rows_offset; at < file_size; at += chunk.size()) {
    const size_t size = std::min(chunk.size(), file_size - at);
    if (!ReadAt(file.get(), chunk.data(), size, at)) Fail(path, "truncated");
    checksum = Fnv1a64(chunk.data(), size, checksum);
  }
  if (checksum != ReadLittleEndian64(header + 24)) Fail(path, "checksum mismatch");
  for (size_t i = 0; i < count; ++i) {
    uint64_t& entry = entries[i];
    entry = ReadLittleEndian64(reinterpret_cast<const char*>(&entry));  // little-endian on disk
    const uint64_t row_plus_one = entry & 0xFFFFFF;
    if (row_plus_one == 0 || row_plus_one > count) {
      Fail(path, "entry " + std::to_string(i) + " names no row");
    }
  }
  void* address = ::mmap(nullptr, file_size, PROT_READ, MAP_PRIVATE, file.get(), 0);
  if (address == MAP_FAILED) Fail(path, std::string("cannot map: ") + std::strerror(errno));
  auto mapping = std::make_shared<const Mapping>(address, file_size);
  const auto* rows = reinterpret_cast<const int8_t*>(mapping->bytes() + rows_offset);
  try {
    return WordVectors(KeyTable::FromEntries(std::move(entries), checksum), std::move(mapping),
                       rows, static_cast<float>(scale));
  } catch (const std::invalid_argument& e) {
    Fail(path, e.what());
  }
}

std::string DefaultWordVectorsPath() { return DefaultDataFilePath(kFileName); }

}  // namespace privacy::detect
