#include "vault/random.h"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace privacy::vault {

namespace {

// CSPRNG output drawn ahead, one buffer per thread: one RAND_bytes call
// serves many identifiers (a mask mints one per value), and no thread
// waits for another. Bytes are handed out once and wiped as they go.
class RandomBuffer {
 public:
  void Fill(unsigned char* out, size_t bytes) {
    while (bytes > 0) {
      if (next_ == buffer_.size()) Refill();
      size_t take = std::min(bytes, buffer_.size() - next_);
      for (size_t i = 0; i < take; ++i) {
        out[i] = buffer_[next_ + i];
        buffer_[next_ + i] = 0;
      }
      next_ += take;
      out += take;
      bytes -= take;
    }
  }

 private:
  void Refill() {
    if (RAND_bytes(buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
      throw std::runtime_error("CSPRNG failure");
    }
    next_ = 0;
  }

  std::array<unsigned char, 256> buffer_{};
  size_t next_ = buffer_.size();
};

}  // namespace

std::string RandomHex(size_t bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  thread_local RandomBuffer random;
  std::string hex;
  hex.reserve(bytes * 2);
  unsigned char chunk[32];
  while (bytes > 0) {
    size_t take = std::min(bytes, sizeof chunk);
    random.Fill(chunk, take);
    for (size_t i = 0; i < take; ++i) {
      hex.push_back(kDigits[chunk[i] >> 4]);
      hex.push_back(kDigits[chunk[i] & 0xF]);
    }
    bytes -= take;
  }
  return hex;
}

}  // namespace privacy::vault
