// ObjectPool: objects lent one per concurrent user and reused after.
#include <doctest/doctest.h>

#include <vector>

#include "detect/scan/object_pool.h"

namespace privacy::detect {
namespace {

TEST_SUITE("detect") {
  TEST_CASE("detect object pool: concurrent leases get distinct objects, released ones are reused") {
    ObjectPool<std::vector<int>> pool;
    std::vector<int>* first = nullptr;
    {
      auto a = pool.Acquire();
      auto b = pool.Acquire();
      CHECK(&*a != &*b);
      a->assign(1000, 7);
      first = &*a;
    }
    auto again = pool.Acquire();
    // The last object released is lent first; its capacity is kept.
    const bool reused_a = &*again == first;
    auto other = pool.Acquire();
    CHECK((reused_a || &*other == first));
    CHECK((again->capacity() >= 1000 || other->capacity() >= 1000));
  }
}

}  // namespace
}  // namespace privacy::detect
