// Clusters of words used alike, learned from a large English corpus: what
// lets the tagger treat a name it never saw like the names it did.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "detect/names/key_table.h"
#include "detect/names/name_key.h"

namespace privacy::detect {

// Each known word's path in a tree of word clusters (4 bits a level)
// (service/detect/data/word_clusters.bin, a KeyTable built by
// scripts/clusters/build_word_clusters.mjs): words with a long common
// prefix are used alike. Immutable after loading; safe for concurrent use.
class WordClusters {
 public:
  // Reads and checks the file; throws std::runtime_error naming the path
  // and the problem.
  static WordClusters Load(const std::string& path);

  // The path of the word `key` holds, as 1 followed by its bits, so that
  // paths of every depth differ; 0 for an unknown word.
  uint32_t PathOf(const NameKey& key) const { return key.empty() ? 0 : table_.Find(key.Hash()); }

  // The first `depth` bits of a path from PathOf (the whole path when it is
  // shorter), in the same form.
  static uint32_t Prefix(uint32_t path, int depth);

  size_t size() const { return table_.size(); }
  // Tells two cluster files apart: a model is trained with one of them.
  uint64_t checksum() const { return table_.checksum(); }

 private:
  explicit WordClusters(KeyTable table) : table_(std::move(table)) {}

  KeyTable table_;
};

// Where the clusters file is looked for when no path is configured: next to
// the running executable, then in ../share/privacy-filter/ relative to it.
std::string DefaultWordClustersPath();

}  // namespace privacy::detect
