#include "common/stream_settings.h"

namespace privacy {

namespace {

const char* StorageName(bool memory) { return memory ? "memory" : "file"; }

}  // namespace

std::vector<SettingDifference> DiffStreamSettings(const StreamSettings& configured,
                                                  const StreamSettings& actual) {
  std::vector<SettingDifference> out;
  if (configured.replicas != actual.replicas) {
    out.push_back({"replicas", std::to_string(configured.replicas),
                   std::to_string(actual.replicas)});
  }
  if (configured.max_age != actual.max_age) {
    out.push_back({"max_age_s", std::to_string(configured.max_age.count()),
                   std::to_string(actual.max_age.count())});
  }
  if (configured.memory_storage != actual.memory_storage) {
    out.push_back({"storage", StorageName(configured.memory_storage),
                   StorageName(actual.memory_storage)});
  }
  if (configured.history && configured.history != actual.history) {
    out.push_back({"history", std::to_string(*configured.history),
                   actual.history ? std::to_string(*actual.history) : "unset"});
  }
  return out;
}

}  // namespace privacy
