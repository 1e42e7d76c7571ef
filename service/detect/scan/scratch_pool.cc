#include "detect/scan/scratch_pool.h"

#include <stdexcept>

namespace privacy::detect {

ScratchPool::ScratchPool(const hs_database_t* db) {
  if (hs_alloc_scratch(db, &prototype_) != HS_SUCCESS) {
    throw std::runtime_error("hyperscan: cannot allocate scratch space");
  }
}

ScratchPool::~ScratchPool() {
  for (hs_scratch_t* s : free_) hs_free_scratch(s);
  hs_free_scratch(prototype_);
}

ScratchPool::Lease ScratchPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!free_.empty()) {
      hs_scratch_t* s = free_.back();
      free_.pop_back();
      return Lease(this, s);
    }
  }
  hs_scratch_t* clone = nullptr;
  if (hs_clone_scratch(prototype_, &clone) != HS_SUCCESS) {
    throw std::runtime_error("hyperscan: cannot clone scratch space");
  }
  return Lease(this, clone);
}

void ScratchPool::Release(hs_scratch_t* scratch) {
  std::lock_guard<std::mutex> lock(mu_);
  free_.push_back(scratch);
}

}  // namespace privacy::detect
