// Reading and writing a whole file's bytes, for tests that corrupt data files.
#pragma once

#include <fstream>
#include <iterator>
#include <string>

namespace privacy::testing {

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

}  // namespace privacy::testing
