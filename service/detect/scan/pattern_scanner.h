// One Hyperscan database holding the patterns of every recognizer.
#pragma once

#include <hs/hs.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/recognizer.h"
#include "detect/scan/object_pool.h"
#include "detect/scan/scratch_pool.h"

namespace privacy::detect {

// A hit of one compiled pattern, identified by its global index.
struct ScanHit {
  uint32_t id = 0;
  uint32_t start = 0;
  uint32_t end = 0;
};

// Compiles a list of patterns into a single block-mode database and scans
// texts in one pass, reducing Hyperscan's every-end reports to
// leftmost-longest, non-overlapping hits per pattern. Immutable after
// construction but for its pool of buffers; Scan() is safe for concurrent
// use.
class PatternScanner {
 public:
  // Throws std::runtime_error naming the offending pattern if compilation fails.
  explicit PatternScanner(const std::vector<ScanPattern>& patterns);
  ~PatternScanner();
  PatternScanner(const PatternScanner&) = delete;
  PatternScanner& operator=(const PatternScanner&) = delete;

  // Returns hits ordered by pattern id, then start. Throws
  // std::runtime_error on scan failure.
  std::vector<ScanHit> Scan(std::string_view text) const;

 private:
  // What a scan fills before it reduces the hits: kept for the next scan.
  struct Buffers {
    std::vector<ScanHit> reported;  // every hit Hyperscan reported
    std::vector<uint32_t> bucket_end;
  };

  hs_database_t* db_ = nullptr;
  std::unique_ptr<ScratchPool> scratch_;
  mutable ObjectPool<Buffers> buffers_;
  std::vector<bool> has_start_;  // per pattern: HS_FLAG_SOM_LEFTMOST used
};

// Empty when `pattern` compiles the way PatternScanner compiles it;
// otherwise Hyperscan's error message.
std::string PatternError(const ScanPattern& pattern);

}  // namespace privacy::detect
