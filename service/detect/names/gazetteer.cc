#include "detect/names/gazetteer.h"

#include <algorithm>

#include "detect/data_file_path.h"

namespace privacy::detect {
namespace {

constexpr char kMagic[9] = "PFNAMES1";
constexpr const char* kFileName = "names.gaz";

}  // namespace

Gazetteer Gazetteer::Load(const std::string& path) {
  return Gazetteer(KeyTable::Load(path, kMagic, "gazetteer", "--gazetteer"));
}

uint32_t Gazetteer::Flags(const NameKey& key) const {
  return key.empty() ? 0 : table_.Find(key.Hash());
}

uint32_t WordFlags(const Gazetteer& gazetteer, const NameKey& key, std::string_view word) {
  const uint32_t flags = gazetteer.Flags(key);
  const bool beyond_ascii = std::any_of(word.begin(), word.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80;
  });
  return beyond_ascii ? flags & ~kWordFlags : flags;
}

std::string DefaultGazetteerPath() { return DefaultDataFilePath(kFileName); }

}  // namespace privacy::detect
