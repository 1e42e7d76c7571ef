// A pool of Hyperscan scratch spaces shared by concurrent scans.
#pragma once

#include <hs/hs.h>

#include <mutex>
#include <vector>

namespace privacy::detect {

// Hands out one Hyperscan scratch per concurrent scan of one database.
// Scratch spaces are cloned on demand and reused. Thread-safe.
class ScratchPool {
 public:
  // Allocates a prototype scratch for `db`; throws std::runtime_error on failure.
  explicit ScratchPool(const hs_database_t* db);
  ~ScratchPool();
  ScratchPool(const ScratchPool&) = delete;
  ScratchPool& operator=(const ScratchPool&) = delete;

  // A scratch borrowed for the lifetime of the lease.
  class Lease {
   public:
    Lease(ScratchPool* pool, hs_scratch_t* scratch) : pool_(pool), scratch_(scratch) {}
    ~Lease() { pool_->Release(scratch_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    hs_scratch_t* get() const { return scratch_; }

   private:
    ScratchPool* pool_;
    hs_scratch_t* scratch_;
  };

  // Borrows a scratch; throws std::runtime_error if cloning fails.
  Lease Acquire();

 private:
  void Release(hs_scratch_t* scratch);

  hs_scratch_t* prototype_ = nullptr;
  std::mutex mu_;
  std::vector<hs_scratch_t*> free_;
};

}  // namespace privacy::detect
