// LeaderCatchUp: a copy of the bucket is confirmed as of a question to the
// stream's leader only once it has applied every change up to the leader's
// answer, so a consumer on a lagging follower delays the confirmation.
#include <doctest/doctest.h>

#include "vault/leader_catch_up.h"

using privacy::vault::LeaderCatchUp;
using std::chrono::milliseconds;

TEST_CASE("a copy already at the leader's last sequence is confirmed as of the question") {
  LeaderCatchUp catch_up;
  const auto t0 = LeaderCatchUp::Clock::now();
  CHECK(catch_up.Answered(t0, 40, false, 40) == t0);
  CHECK(catch_up.Answered(t0 + milliseconds(100), 40, false, 55) == t0 + milliseconds(100));
  CHECK(catch_up.waiting() == 0);
}

TEST_CASE("a copy behind the leader is confirmed only when it has applied that far") {
  LeaderCatchUp catch_up;
  const auto t0 = LeaderCatchUp::Clock::now();
  // The follower the consumer reads from has delivered up to 10; the
  // leader already acknowledged 12 (a deletion marker, say).
  CHECK_FALSE(catch_up.Answered(t0, 12, false, 10).has_value());
  CHECK_FALSE(catch_up.Applied(11).has_value());
  CHECK(catch_up.waiting() == 1);
  CHECK(catch_up.Applied(12) == t0);
  CHECK(catch_up.waiting() == 0);
}

TEST_CASE("of several answers waiting, the latest caught up with is confirmed") {
  LeaderCatchUp catch_up;
  const auto t0 = LeaderCatchUp::Clock::now();
  const auto t1 = t0 + milliseconds(100);
  const auto t2 = t0 + milliseconds(200);
  CHECK_FALSE(catch_up.Answered(t0, 20, false, 5).has_value());
  CHECK_FALSE(catch_up.Answered(t1, 30, false, 5).has_value());
  CHECK_FALSE(catch_up.Answered(t2, 45, false, 5).has_value());
  CHECK(catch_up.Applied(31) == t1);
  CHECK(catch_up.waiting() == 1);
  CHECK_FALSE(catch_up.Applied(44).has_value());
  CHECK(catch_up.Applied(45) == t2);
}

TEST_CASE("an empty stream has nothing left to apply") {
  LeaderCatchUp catch_up;
  const auto t0 = LeaderCatchUp::Clock::now();
  CHECK_FALSE(catch_up.Answered(t0, 90, false, 70).has_value());
  // Every message expired: the leader's last sequence is one the copy will
  // never see.
  CHECK(catch_up.Answered(t0 + milliseconds(100), 90, true, 70) == t0 + milliseconds(100));
  CHECK(catch_up.waiting() == 0);
}

TEST_CASE("answers waiting are bounded; the oldest give way") {
  LeaderCatchUp catch_up;
  const auto t0 = LeaderCatchUp::Clock::now();
  for (int i = 0; i < 200; ++i) {
    CHECK_FALSE(catch_up.Answered(t0 + milliseconds(i), 1000 + i, false, 0).has_value());
  }
  CHECK(catch_up.waiting() == 64);
  CHECK(catch_up.Applied(2000) == t0 + milliseconds(199));
}
