// The shared Hyperscan scan: leftmost-longest hits per pattern, and the
// starts found by scanning again only around the ends of the patterns
// that need them.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "detect/scan/pattern_scanner.h"

using namespace privacy::detect;

namespace {

// "id:start-end" of each hit, in the scanner's order.
std::vector<std::string> Hits(const PatternScanner& scanner, std::string_view text) {
  std::vector<std::string> out;
  for (const ScanHit& h : scanner.Scan(text)) {
    out.push_back(std::to_string(h.id) + ":" + std::to_string(h.start) + "-" +
                  std::to_string(h.end));
  }
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("pattern scanner: leftmost-longest hits with their starts, ends only where asked") {
  const PatternScanner scanner({{R"(\d{3,5})", false, true}, {R"( \d)", false, false}});
  CHECK(Hits(scanner, "1234567 6789 42") ==
        std::vector<std::string>{"0:0-5", "0:8-12", "1:9-9", "1:14-14"});
}

TEST_CASE("pattern scanner: starts at the text's edges and of unbounded patterns") {
  const PatternScanner scanner({{"a+b", false, true}, {"B[0-9]", true, true}});
  CHECK(Hits(scanner, "aaaab b1") == std::vector<std::string>{"0:0-5", "1:6-8"});
  const std::string far = std::string(100000, 'x') + "aaab" + std::string(50000, 'y') + "ab";
  CHECK(Hits(scanner, far) ==
        std::vector<std::string>{"0:100000-100004", "0:150004-150006"});
}

TEST_CASE("pattern scanner: word boundaries hold at the windows' edges") {
  const PatternScanner scanner({{R"(\bab\d\b)", false, true}});
  const std::string text = "Xab1 ab1 cab1 ab2x " + std::string(300, '.') + "ab3";
  CHECK(Hits(scanner, text) == std::vector<std::string>{"0:5-8", "0:319-322"});
}

TEST_CASE("pattern scanner: dense hits are found whole, however many windows they make") {
  const PatternScanner scanner({{R"(\d-\d)", false, true}});
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "1-2 ";
  const std::vector<ScanHit> hits = scanner.Scan(text);
  REQUIRE(hits.size() == 1000);
  for (size_t i = 0; i < hits.size(); ++i) {
    CHECK(hits[i].start == 4 * i);
    CHECK(hits[i].end == 4 * i + 3);
  }
}

TEST_CASE("pattern scanner: scans reusing pooled buffers give the same hits, after a huge text") {
  const PatternScanner scanner({{R"(\d{3,5})", false, true}, {R"( \d)", false, false}});
  const std::vector<std::string> first = Hits(scanner, "1234567 6789 42");
  std::string huge;
  for (int i = 0; i < 20000; ++i) huge += "12 ";
  CHECK(scanner.Scan(huge).size() == 19999);
  CHECK(Hits(scanner, "1234567 6789 42") == first);
  CHECK(Hits(scanner, "no digits") == std::vector<std::string>{});
  CHECK(Hits(scanner, "1234567 6789 42") == first);
}

TEST_CASE("pattern scanner: an empty text and an empty pattern list give no hits") {
  CHECK(PatternScanner({{"a", false, true}}).Scan("").empty());
  CHECK(PatternScanner({}).Scan("anything").empty());
}

TEST_SUITE_END();
