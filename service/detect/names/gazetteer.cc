#include "detect/names/gazetteer.h"

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

std::string DefaultGazetteerPath() { return DefaultDataFilePath(kFileName); }

}  // namespace privacy::detect
