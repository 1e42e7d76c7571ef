// Short vectors of how English words are used, learned from a large
// corpus: the tagger scores a word it never saw in training like the words
// it did see that are used alike.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "detect/names/key_table.h"
#include "detect/names/name_key.h"

namespace privacy::detect {

// Each known word's vector of kDimensions int8 values (value / scale() is
// the unit-variance coordinate), from service/detect/data/word_vectors.bin,
// built by scripts/clusters/build_word_vectors.mjs. The rows stay in the
// file, mapped read-only: a worker's memory holds only the pages of the
// words its texts use. Immutable after loading; safe for concurrent use.
class WordVectors {
 public:
  static constexpr int kDimensions = 32;

  // Reads and checks the file; throws std::runtime_error naming the path
  // and the problem.
  static WordVectors Load(const std::string& path);

  // The vector of the word `key` holds (kDimensions values), or nullptr for
  // an unknown word.
  const int8_t* VectorOf(const NameKey& key) const {
    if (key.empty()) return nullptr;
    const uint32_t row_plus_one = table_.Find(key.Hash());
    return row_plus_one == 0 ? nullptr : rows_ + size_t{row_plus_one - 1} * kDimensions;
  }

  // The stored value of a coordinate of 1.0.
  float scale() const { return scale_; }
  size_t size() const { return table_.size(); }
  // Tells two vector files apart: a model is trained with one of them.
  uint64_t checksum() const { return table_.checksum(); }

 private:
  // A read-only mapping of a file, unmapped when destroyed.
  class Mapping;

  WordVectors(KeyTable table, std::shared_ptr<const Mapping> mapping, const int8_t* rows,
              float scale)
      : table_(std::move(table)), mapping_(std::move(mapping)), rows_(rows), scale_(scale) {}

  KeyTable table_;
  std::shared_ptr<const Mapping> mapping_;
  const int8_t* rows_;  // inside mapping_
  float scale_;
};

// Where the vectors file is looked for when no path is configured: next to
// the running executable, then in ../share/privacy-filter/ relative to it.
std::string DefaultWordVectorsPath();

}  // namespace privacy::detect
