// The labelled texts the entity tagger is trained, calibrated and tested
// on: read from JSONL corpora, cleaned of each corpus's labelling habits,
// and split into train, dev and test parts by document.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "detect/evaluation/labelled_corpus.h"

namespace privacy::tools {

// Which part of the data a record belongs to.
enum class Split { kTrain, kDev, kTest };

// A corpus file and how to use it.
struct CorpusSource {
  std::string name;  // "gum", "btc", "sec", ...: selects the clean-up rules
  std::string path;
  double repeat = 1.0;  // times each training record is seen per epoch (a fraction: that share of them)
  bool train_only = false;  // every record is a training record (no dev or test part)
};

// One record with its corpus and split.
struct CorpusRecord {
  detect::LabelledText text;
  size_t source = 0;  // index into the sources
  Split split = Split::kTrain;
};

// Reads every source. Records are split by document (the "doc" field, or
// runs of 25 consecutive records of one file, which the corpora group by
// article): 10 % test, 10 % dev, the rest train, by a hash of the group, so
// the split is the same on every run. Clean-up: "@ name" and "# tag" are
// rejoined as the social media posts wrote them, and their labels dropped;
// spans of PERSON, LOCATION and ORGANIZATION are kept, others
// dropped; nationalities ("Syrian", which the tweets label LOCATION) and,
// in loan agreements, defined terms ("Borrower", "Bank") become "ignore".
// Throws std::runtime_error when a file cannot be read.
std::vector<CorpusRecord> ReadTrainingCorpora(const std::vector<CorpusSource>& sources);

// Writes the records of `split` from source `source` as JSONL in the eval
// format (spans and ignore), for `privacy-filter eval`.
void WriteSplit(const std::vector<CorpusRecord>& records, size_t source, Split split,
                const std::string& path);

}  // namespace privacy::tools
