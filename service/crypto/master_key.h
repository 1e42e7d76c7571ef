// Master keys of session encryption: 32 secret bytes, read from base64 text
// (an environment variable or a mounted secret file).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace privacy::crypto {

// A 256-bit master key and its public identifier. Copyable value type; the
// bytes are wiped when it is destroyed.
class MasterKey {
 public:
  static constexpr size_t kSize = 32;

  // Parses base64 of exactly 32 bytes (surrounding whitespace ignored).
  // The error never contains the text.
  static Result<MasterKey> FromBase64(std::string_view text);
  // Reads a file holding the base64 key (as a Kubernetes secret mount does).
  static Result<MasterKey> FromFile(const std::string& path);
  // A new random key.
  static MasterKey Generate();

  MasterKey(const MasterKey&) = default;
  MasterKey& operator=(const MasterKey&) = default;
  ~MasterKey();

  const std::array<uint8_t, kSize>& bytes() const { return bytes_; }
  // 4 bytes that name the key in stored records without revealing it
  // (a keyed hash of a constant).
  uint32_t id() const { return id_; }
  std::string ToBase64() const;

 private:
  explicit MasterKey(const std::array<uint8_t, kSize>& bytes);

  std::array<uint8_t, kSize> bytes_{};
  uint32_t id_ = 0;
};

}  // namespace privacy::crypto
