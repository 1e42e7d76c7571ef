// The entity tagger's tokenizer (TokenizeWords): offsets, kinds, joiners, possessives, UTF-8, line starts, long inputs.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "detect/tagger/word_tokens.h"

using namespace privacy::detect;

namespace {

// The tokens of `text`.
std::vector<WordToken> Tokens(std::string_view text) {
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  return tokens;
}

// The text of each token of `text`, in order, joined by "|".
std::string Words(std::string_view text) {
  std::string words;
  for (const WordToken& t : Tokens(text)) {
    if (!words.empty()) words += '|';
    words += text.substr(t.start, t.end - t.start);
  }
  return words;
}

// A letter per token kind: w(ord), n(umber), h(andle), p(unctuation).
std::string Kinds(std::string_view text) {
  std::string kinds;
  for (const WordToken& t : Tokens(text)) {
    switch (t.kind) {
      case TokenKind::kWord: kinds += 'w'; break;
      case TokenKind::kNumber: kinds += 'n'; break;
      case TokenKind::kHandle: kinds += 'h'; break;
      case TokenKind::kPunctuation: kinds += 'p'; break;
    }
  }
  return kinds;
}

// True when the tokens are in order, non-empty, inside the text, not
// overlapping, and every byte between them is a space or line break.
bool WellFormed(std::string_view text, const std::vector<WordToken>& tokens) {
  size_t previous_end = 0;
  for (const WordToken& t : tokens) {
    if (t.start >= t.end || t.end > text.size() || t.start < previous_end) return false;
    for (size_t i = previous_end; i < t.start; ++i) {
      if (std::string_view(" \t\n\r\f\v").find(text[i]) == std::string_view::npos) return false;
    }
    previous_end = t.end;
  }
  for (size_t i = previous_end; i < text.size(); ++i) {
    if (std::string_view(" \t\n\r\f\v").find(text[i]) == std::string_view::npos) return false;
  }
  return true;
}

// `unit` repeated until the text is at least `bytes` long.
std::string Repeat(std::string_view unit, size_t bytes) {
  std::string text;
  text.reserve(bytes + unit.size());
  while (text.size() < bytes) text += unit;
  return text;
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect tagger: tokens carry byte offsets of the text") {
  const std::string text = "Hi  Anna,\tcall 555";
  const std::vector<WordToken> tokens = Tokens(text);
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].start == 0);
  CHECK(tokens[0].end == 2);
  CHECK(tokens[1].start == 4);
  CHECK(tokens[1].end == 8);
  CHECK(tokens[2].start == 8);
  CHECK(tokens[2].end == 9);
  CHECK(tokens[3].start == 10);
  CHECK(tokens[3].end == 14);
  CHECK(tokens[4].start == 15);
  CHECK(tokens[4].end == 18);
  CHECK(Kinds(text) == "wwpwn");
  CHECK(WellFormed(text, tokens));
}

TEST_CASE("detect tagger: empty and blank texts have no tokens") {
  CHECK(Tokens("").empty());
  CHECK(Tokens("   \t \n\r\n  ").empty());
  std::vector<WordToken> tokens = Tokens("some words here");
  TokenizeWords("", &tokens);
  CHECK(tokens.empty());
}

TEST_CASE("detect tagger: words join across inner hyphens, apostrophes and periods") {
  CHECK(Words("Ms Bailey-Ross called") == "Ms|Bailey-Ross|called");
  CHECK(Words("Kevin O'Brien") == "Kevin|O'Brien");
  CHECK(Words("Siobhan O'Sullivan") == "Siobhan|O'Sullivan");
  CHECK(Words("the U.S. office") == "the|U.S|.|office");
  CHECK(Words("see example.com now") == "see|example.com|now");
  CHECK(Words("AT&T store") == "AT&T|store");
  CHECK(Words("don't") == "don't");
  // A joiner at the edge of a word is a token of its own.
  CHECK(Words("-Anna- 'Bob'") == "-|Anna|-|'|Bob|'");
  CHECK(Words("Anna - Bob") == "Anna|-|Bob");
  CHECK(Kinds("Bailey-Ross O'Brien U.S.") == "wwwp");
}

TEST_CASE("detect tagger: a possessive 's is a token of its own") {
  CHECK(Words("Obama's speech") == "Obama|'s|speech");
  CHECK(Kinds("Obama's speech") == "www");
  CHECK(Words("That was Maria's idea.") == "That|was|Maria|'s|idea|.");
  CHECK(Words("JAMES'S CAR") == "JAMES|'S|CAR");
  CHECK(Words("Maria's") == "Maria|'s");
  // Not a possessive when a word character follows the "s".
  CHECK(Words("Anna'sa") == "Anna'sa");
  // A plural possessive keeps its apostrophe apart.
  CHECK(Words("the Jones' house") == "the|Jones|'|house");
  const std::vector<WordToken> tokens = Tokens("Obama's");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].end == 5);
  CHECK(tokens[1].start == 5);
  CHECK(tokens[1].end == 7);
}

TEST_CASE("detect tagger: the typographic apostrophe works like the ASCII one") {
  const std::string text = "Obama\u2019s aide O\u2019Brien";
  CHECK(Words(text) == "Obama|\u2019s|aide|O\u2019Brien");
  CHECK(Kinds(text) == "wwww");
  const std::vector<WordToken> tokens = Tokens(text);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[1].end - tokens[1].start == 4);
  // At the very end of the text, and alone.
  CHECK(Words("Anna\u2019") == "Anna|\u2019");
  CHECK(Words("\u2019") == "\u2019");
  CHECK(Kinds("\u2019") == "p");
}

TEST_CASE("detect tagger: handles and hashtags are one token") {
  CHECK(Words("ping @maria_g and #launch2025 now") ==
        "ping|@maria_g|and|#launch2025|now");
  CHECK(Kinds("ping @maria_g and #launch2025 now") == "whwhw");
  CHECK(Words("@Anna.Lee:") == "@Anna.Lee|:");
  // Without a word character after it, "@" or "#" is punctuation.
  CHECK(Words("# 1 @ home") == "#|1|@|home");
  CHECK(Kinds("# 1 @ home") == "pnpw");
  // An "@" glued to a word is no handle.
  CHECK(Words("mail anna@example.com") == "mail|anna|@|example.com");
}

TEST_CASE("detect tagger: numbers and punctuation") {
  CHECK(Words("pay 1.5 on 2024-01-05!") == "pay|1.5|on|2024-01-05|!");
  CHECK(Kinds("pay 1.5 on 2024-01-05!") == "wnwnp");
  CHECK(Kinds("R2D2 A1") == "ww");
  CHECK(Kinds("42") == "n");
  CHECK(Words("(Anna), [Bob]; \"Cy\"?") ==
        "(|Anna|)|,|[|Bob|]|;|\"|Cy|\"|?");
  CHECK(Kinds("...") == "ppp");
  CHECK(Words("a+b=c") == "a|+|b|=|c");
}

TEST_CASE("detect tagger: numbers join across '.' and '-' only, as documented") {
  // word_tokens.h: kNumber is digits only, with inner "." or "-".
  CHECK(Words("v1.5 or 2024-05") == "v1.5|or|2024-05");
  CHECK(Words("at 10:30") == "at|10|:|30");
  CHECK(Words("paid 1,000") == "paid|1|,|000");
  CHECK(Words("on 05/01/2024") == "on|05|/|01|/|2024");
}

TEST_CASE("detect tagger: UTF-8 letters make words, symbols are punctuation") {
  CHECK(Words("José Müller-Łukasz") == "José|Müller-Łukasz");
  CHECK(Kinds("José Müller-Łukasz") == "ww");
  CHECK(Words("Привет, Москва!") == "Привет|,|Москва|!");
  CHECK(Kinds("Привет, Москва!") == "wpwp");
  CHECK(Words("Ελένη Παπαδοπούλου") == "Ελένη|Παπαδοπούλου");
  CHECK(Words("Nguyễn Văn An") == "Nguyễn|Văn|An");
  CHECK(Words("Tahir Ələkbərov-Xəlilov") == "Tahir|Ələkbərov-Xəlilov");
  CHECK(Words("Հայկ Սարգսյան") == "Հայկ|Սարգսյան");
  CHECK(Words("東京 에서 שלום مرحبا") == "東|京|에서|שלום|مرحبا");
  CHECK(Kinds("東京 에서 שלום مرحبا") == "wwwww");
  // CJK punctuation, dashes, emoji: one punctuation token per code point.
  CHECK(Words("東京。大阪") == "東|京|。|大|阪");
  CHECK(Words("Anna\u2014Bob") == "Anna|\u2014|Bob");
  CHECK(Words("hi 😀😀 Anna") == "hi|😀|😀|Anna");
  CHECK(Kinds("hi 😀😀 Anna") == "wppw");
  const std::string text = "é😀";
  const std::vector<WordToken> tokens = Tokens(text);
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].end == 2);
  CHECK(tokens[1].start == 2);
  CHECK(tokens[1].end == 6);
}

TEST_CASE("detect tagger: the punctuation of other scripts is not part of a word") {
  // The Arabic comma and question mark, the Urdu full stop, the danda.
  CHECK(Words("مرحبا، حيدر؟") ==
        "مرحبا|،|حيدر|؟");
  CHECK(Words("حسن۔") == "حسن|۔");
  CHECK(Words("राम है।") == "राम|है|।");
  // Hebrew's geresh stays inside a word; its maqaf (a hyphen) does not.
  CHECK(Words("ג׳ון") == "ג׳ון");
  CHECK(Words("בית־שמש") == "בית|־|שמש");
}

TEST_CASE("detect tagger: each Han character and hiragana is a word, katakana and Hangul words run on") {
  // Chinese and Japanese put no spaces between words: a name is a run of
  // characters inside a sentence, never the whole sentence.
  CHECK(Words("我和王小明去北京") == "我|和|王|小|明|去|北|京");
  CHECK(Kinds("我和王小明去北京") == "wwwwwwww");
  CHECK(Words("佐々木さんに連絡") == "佐|々|木|さ|ん|に|連|絡");
  CHECK(Kinds("佐々木さんに連絡") == "wwwwwwww");
  CHECK(Words("ヨシムラさんとスミス") == "ヨシムラ|さ|ん|と|スミス");
  CHECK(Words("田中Tanaka김민수") == "田|中|Tanaka김민수");
  CHECK(Words("김민수 씨와 서울에서") == "김민수|씨와|서울|에서");
  CHECK(Words("Anna-王") == "Anna|-|王");
  CHECK(Words("#王小明 @李") == "#王|小|明|@李");
  const std::string text = "王小明";
  const std::vector<WordToken> tokens = Tokens(text);
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[1].start == 3);
  CHECK(tokens[1].end == 6);
}

TEST_CASE("detect tagger: particles glued to a Korean word are tokens of their own") {
  // Korean writes case particles, vocatives and honorifics against the
  // word: the name is its own token, so its span leaves them out.
  CHECK(Words("김민수가 왔어") == "김민수|가|왔어");
  CHECK(Words("도윤이가 부산에서") == "도윤|이|가|부산|에서");
  CHECK(Words("서윤아 민수님") == "서윤|아|민수|님");
  CHECK(Kinds("도윤이가") == "www");
  // At most two particles, and the stem keeps two syllables.
  CHECK(Words("지은이는") == "지은|이|는");
  CHECK(Words("나는 김씨") == "나는|김씨");
  CHECK(Words("서울") == "서울");
  // Only words made of Hangul syllables alone.
  CHECK(Words("KB국민은행은") == "KB국민은행은");
  const std::string text = "\n민수가";
  const std::vector<WordToken> tokens = Tokens(text);
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].line_start);
  CHECK_FALSE(tokens[1].line_start);
  CHECK(tokens[1].start == 7);
  CHECK(tokens[1].end == 10);
}

TEST_CASE("detect tagger: a stray or truncated UTF-8 byte is one punctuation token") {
  CHECK(Kinds("Anna \xC3") == "wp");
  CHECK(Kinds("Bob \xE2\x80") == "wpp");
  CHECK(Kinds("\xF0\x9F\x98") == "ppp");
  const std::string text = "\x80 Anna \xBF";
  CHECK(Kinds(text) == "pwp");
  CHECK(WellFormed(text, Tokens(text)));
}

TEST_CASE("detect tagger: decomposed accents stay inside their word") {
  // "José" in NFD: "e" followed by U+0301 COMBINING ACUTE ACCENT.
  CHECK(Words("Jose\u0301 Garci\u0301a") == "Jose\u0301|Garci\u0301a");
}

TEST_CASE("detect tagger: a no-break space separates words like a space") {
  CHECK(Words("Maria\u00A0Gonzalez") == "Maria|Gonzalez");
}

TEST_CASE("detect tagger: line_start marks the first token of each line") {
  const std::string text = "Dear Anna,\n  Bob and\r\nCy\n\n\tDee";
  const std::vector<WordToken> tokens = Tokens(text);
  REQUIRE(Words(text) == "Dear|Anna|,|Bob|and|Cy|Dee");
  const std::vector<bool> expected = {true, false, false, true, false, true, true};
  for (size_t i = 0; i < tokens.size(); ++i) {
    CAPTURE(i);
    CHECK(tokens[i].line_start == expected[i]);
  }
  CHECK(Tokens("   Anna")[0].line_start);
  CHECK(Tokens("\rAnna")[0].line_start);
}

TEST_CASE("detect tagger: long texts of one character class tokenize whole") {
  constexpr size_t kSize = 256 * 1024;
  SUBCASE("capital words") {
    const std::string text = Repeat("ABC DEF ", kSize);
    const std::vector<WordToken> tokens = Tokens(text);
    CHECK(tokens.size() == text.size() / 4);
    CHECK(WellFormed(text, tokens));
  }
  SUBCASE("one 100 KB word") {
    const std::string text = "Maria" + std::string(100 * 1024, 'a');
    const std::vector<WordToken> tokens = Tokens(text);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].end == text.size());
    CHECK(tokens[0].kind == TokenKind::kWord);
  }
  SUBCASE("one word of 100 KB of joined parts") {
    const std::string text = Repeat("A-b'C.d", 100 * 1024) + "e";
    const std::vector<WordToken> tokens = Tokens(text);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].end == text.size());
  }
  SUBCASE("only digits") {
    const std::string text(kSize, '7');
    const std::vector<WordToken> tokens = Tokens(text);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].kind == TokenKind::kNumber);
    CHECK(tokens[0].end == kSize);
  }
  SUBCASE("only punctuation") {
    const std::string text(kSize, '.');
    CHECK(Tokens(text).size() == kSize);
  }
  SUBCASE("possessives and handles") {
    const std::string text = Repeat("Ann's @x_y #z ", kSize);
    CHECK(WellFormed(text, Tokens(text)));
  }
  SUBCASE("Chinese without a space") {
    const std::string text = Repeat("王小明去北京", kSize);
    const std::vector<WordToken> tokens = Tokens(text);
    CHECK(tokens.size() == text.size() / 3);
    CHECK(WellFormed(text, tokens));
  }
  SUBCASE("mixed scripts") {
    const std::string text = Repeat("Maria Москва 東京 Ελλάδα שלום مرحبا नमस्ते 😀 Łódź ", kSize);
    const std::vector<WordToken> tokens = Tokens(text);
    CHECK_FALSE(tokens.empty());
    CHECK(WellFormed(text, tokens));
  }
  SUBCASE("line breaks") {
    const std::string text = Repeat("A\n", kSize);
    const std::vector<WordToken> tokens = Tokens(text);
    CHECK(tokens.size() == text.size() / 2);
    bool all_line_starts = true;
    for (const WordToken& t : tokens) all_line_starts = all_line_starts && t.line_start;
    CHECK(all_line_starts);
  }
}

TEST_SUITE_END();
