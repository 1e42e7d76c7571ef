#include <doctest/doctest.h>

#include "detect_test_util.h"
#include "endpoints/presidio_type_names.h"

using privacy::endpoints::OwnTypeName;
using privacy::endpoints::PresidioAliases;

TEST_CASE("every Presidio alias names a type the built-in detector reports") {
  const auto& detector = privacy::detect::testing::SharedDetector();
  for (const auto& alias : PresidioAliases()) {
    CAPTURE(alias.presidio);
    CHECK(detector.IsKnownType(alias.ours));
    CHECK_FALSE(detector.IsKnownType(alias.presidio));
    CHECK(OwnTypeName(alias.presidio) == alias.ours);
  }
}

TEST_CASE("names that are no alias stay as they are") {
  CHECK(OwnTypeName("EMAIL") == "EMAIL");
  CHECK(OwnTypeName("US_SSN") == "US_SSN");
  CHECK(OwnTypeName("email_address") == "email_address");
  CHECK(OwnTypeName("") == "");
}
