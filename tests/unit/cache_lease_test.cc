// CacheLease: a confirmation renews the cache for exactly the lease; the
// hold-off of an erasure outlasts the lease.
#include <doctest/doctest.h>

#include "vault/cache_lease.h"

using privacy::vault::CacheLease;
using std::chrono::milliseconds;

TEST_CASE("a cache is current only within the lease after a confirmation") {
  CacheLease lease(milliseconds(300));
  const auto t0 = CacheLease::Clock::now();
  CHECK_FALSE(lease.Current(t0));  // never confirmed
  lease.Confirm(t0);
  CHECK(lease.Current(t0));
  CHECK(lease.Current(t0 + milliseconds(300)));
  CHECK_FALSE(lease.Current(t0 + milliseconds(301)));
  // An older confirmation arriving late changes nothing.
  lease.Confirm(t0 - milliseconds(200));
  CHECK(lease.Current(t0 + milliseconds(250)));
  CHECK_FALSE(lease.Current(t0 + milliseconds(301)));
  lease.Confirm(t0 + milliseconds(100));
  CHECK(lease.Current(t0 + milliseconds(400)));
  CHECK_FALSE(lease.Current(t0 + milliseconds(401)));
}

TEST_CASE("an erasure waits longer than the lease") {
  CacheLease lease(milliseconds(300));
  CHECK(lease.HoldOff() > lease.lease());
  // A copy confirmed just before an erasure is stored stops answering before
  // the erasing worker answers.
  const auto stored = CacheLease::Clock::now();
  lease.Confirm(stored - milliseconds(1));
  CHECK_FALSE(lease.Current(stored + lease.HoldOff()));
}
