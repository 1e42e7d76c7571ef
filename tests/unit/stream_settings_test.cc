// DiffStreamSettings: which settings of an existing stream or bucket differ
// from the configured ones.
#include "common/stream_settings.h"

#include <doctest/doctest.h>

using namespace privacy;
using namespace std::chrono_literals;

TEST_SUITE("stream_settings") {
  TEST_CASE("identical settings have no difference") {
    StreamSettings s{3, 86400s, false, 1};
    CHECK(DiffStreamSettings(s, s).empty());
  }

  TEST_CASE("each differing setting is named with both values") {
    StreamSettings configured{3, 86400s, false, 1};
    StreamSettings actual{1, 3600s, true, 5};
    auto diff = DiffStreamSettings(configured, actual);
    REQUIRE(diff.size() == 4);
    CHECK(diff[0].setting == "replicas");
    CHECK(diff[0].configured == "3");
    CHECK(diff[0].actual == "1");
    CHECK(diff[1].setting == "max_age_s");
    CHECK(diff[1].configured == "86400");
    CHECK(diff[1].actual == "3600");
    CHECK(diff[2].setting == "storage");
    CHECK(diff[2].configured == "file");
    CHECK(diff[2].actual == "memory");
    CHECK(diff[3].setting == "history");
    CHECK(diff[3].configured == "1");
    CHECK(diff[3].actual == "5");
  }

  TEST_CASE("only the differing settings are listed") {
    StreamSettings configured{1, 2592000s, true, std::nullopt};
    StreamSettings actual = configured;
    actual.max_age = 0s;
    auto diff = DiffStreamSettings(configured, actual);
    REQUIRE(diff.size() == 1);
    CHECK(diff[0].setting == "max_age_s");
    CHECK(diff[0].actual == "0");
  }

  TEST_CASE("history is compared only when configured") {
    StreamSettings configured{1, 60s, false, std::nullopt};
    StreamSettings actual{1, 60s, false, 10};
    CHECK(DiffStreamSettings(configured, actual).empty());
  }
}
