// Reading and writing the fixed-width little-endian values and the checksum
// of the detection library's data files (the gazetteer, the tagger model).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

namespace privacy::detect {

inline uint16_t ReadLittleEndian16(const char* p) {
  return static_cast<uint16_t>(static_cast<unsigned char>(p[0]) |
                               (static_cast<unsigned char>(p[1]) << 8));
}

inline uint32_t ReadLittleEndian32(const char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

inline uint64_t ReadLittleEndian64(const char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

inline float ReadLittleEndianFloat(const char* p) {
  const uint32_t v = ReadLittleEndian32(p);
  float f;
  std::memcpy(&f, &v, 4);
  return f;
}

inline void AppendLittleEndian16(std::string* out, uint16_t v) {
  out->push_back(static_cast<char>(v));
  out->push_back(static_cast<char>(v >> 8));
}

inline void AppendLittleEndian32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}

inline void AppendLittleEndian64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}

inline void AppendLittleEndianFloat(std::string* out, float f) {
  uint32_t v;
  std::memcpy(&v, &f, 4);
  AppendLittleEndian32(out, v);
}

// The FNV-1a 64 of no bytes: where a checksum read in pieces starts.
inline constexpr uint64_t kFnv1a64Start = 0xcbf29ce484222325ULL;

// FNV-1a 64 of `size` bytes: the checksum the data files end or start with.
// `h` continues the checksum of the bytes before them.
inline uint64_t Fnv1a64(const char* data, size_t size, uint64_t h = kFnv1a64Start) {
  for (size_t i = 0; i < size; ++i) {
    h ^= static_cast<unsigned char>(data[i]);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace privacy::detect
