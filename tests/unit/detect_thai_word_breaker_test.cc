// Thai word breaking for the entity tagger (ThaiWordBreaker): words of a Thai run, other tokens untouched, long runs.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "detect/tagger/thai_word_breaker.h"
#include "detect/tagger/word_tokens.h"

using namespace privacy::detect;

namespace {

// The words of `text` after tokenizing and Thai word breaking, joined by "|".
std::string Words(const ThaiWordBreaker& breaker, std::string_view text) {
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  breaker.Split(text, &tokens);
  std::string words;
  for (const WordToken& t : tokens) {
    if (!words.empty()) words += '|';
    words += text.substr(t.start, t.end - t.start);
  }
  return words;
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect tagger: a Thai run is split into its words, other tokens are untouched") {
  const ThaiWordBreaker breaker;
  REQUIRE(breaker.available());
  // "Mr Somchai went to the market": the name is words of its own, not the sentence.
  const std::string thai = "คุณสมชายไปตลาด";
  const std::string words = Words(breaker, thai);
  CHECK(words.find('|') != std::string::npos);
  CHECK(words.starts_with("คุณ|"));
  CHECK(words.ends_with("|ตลาด"));
  CHECK(Words(breaker, "Hello Somchai, see you in Bangkok!") ==
        "Hello|Somchai|,|see|you|in|Bangkok|!");
  const std::string mixed = "Call Anna ที่กรุงเทพ today";
  const std::string mixed_words = Words(breaker, mixed);
  CHECK(mixed_words.starts_with("Call|Anna|"));
  CHECK(mixed_words.ends_with("|today"));
  CHECK(mixed_words.find("กรุงเทพ") != std::string::npos);
}

TEST_CASE("detect tagger: Thai words keep their offsets and line starts") {
  const ThaiWordBreaker breaker;
  const std::string text = "x\nสวัสดีครับคุณสมชาย";
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  breaker.Split(text, &tokens);
  REQUIRE(tokens.size() > 2);
  CHECK(tokens[1].line_start);
  for (size_t i = 2; i < tokens.size(); ++i) {
    CHECK_FALSE(tokens[i].line_start);
    CHECK(tokens[i].start == tokens[i - 1].end);
    CHECK(tokens[i].kind == TokenKind::kWord);
  }
  CHECK(tokens.back().end == text.size());
}

TEST_CASE("detect tagger: a long run of Thai without a space is split whole") {
  const ThaiWordBreaker breaker;
  std::string text;
  while (text.size() < 256 * 1024) text += "คุณสมชายไปตลาดกับน้องมายด์";
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  breaker.Split(text, &tokens);
  REQUIRE(tokens.size() > 1000);
  CHECK(tokens.front().start == 0);
  CHECK(tokens.back().end == text.size());
  for (size_t i = 1; i < tokens.size(); ++i) CHECK(tokens[i].start == tokens[i - 1].end);
}
