#include "detect/tagger/word_clusters.h"

#include <bit>

#include "detect/data_file_path.h"

namespace privacy::detect {
namespace {

constexpr char kMagic[9] = "PFCLUST1";
constexpr const char* kFileName = "word_clusters.bin";

}  // namespace

WordClusters WordClusters::Load(const std::string& path) {
  return WordClusters(KeyTable::Load(path, kMagic, "word clusters", "--word-clusters"));
}

uint32_t WordClusters::Prefix(uint32_t path, int depth) {
  const int length = std::bit_width(path) - 1;
  return length <= depth ? path : path >> (length - depth);
}

std::string DefaultWordClustersPath() { return DefaultDataFilePath(kFileName); }

}  // namespace privacy::detect
