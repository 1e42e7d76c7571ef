// The tolerant token grammar: exact tokens, mangled variants, and text that
// only looks like a token.
#include "vault/token_mentions.h"

#include <doctest/doctest.h>

using namespace privacy;

namespace {

// "text-of-mention=>TOKEN" for each mention (plus "!" when exact).
std::vector<std::string> Mentions(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : vault::FindTokenMentions(text)) {
    out.push_back(std::string(text.substr(m.start, m.end - m.start)) + "=>" + m.token +
                  (m.exact ? "!" : ""));
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("exact tokens are found anywhere, brackets included") {
  CHECK(Mentions("Hi [PERSON_7f3a], fly to [LOC_a1b2].") ==
        Strings{"[PERSON_7f3a]=>[PERSON_7f3a]!", "[LOC_a1b2]=>[LOC_a1b2]!"});
  CHECK(Mentions("x[EMAIL_00c0ffee]y") == Strings{"[EMAIL_00c0ffee]=>[EMAIL_00c0ffee]!"});
  CHECK(Mentions("[[EMAIL_abcd]]") == Strings{"[EMAIL_abcd]=>[EMAIL_abcd]!"});
  CHECK(Mentions("Zoë[PERSON_7f3a]日本") == Strings{"[PERSON_7f3a]=>[PERSON_7f3a]!"});
}

TEST_CASE("mangled tokens are found and named canonically") {
  CHECK(Mentions("[person_7f3a]") == Strings{"[person_7f3a]=>[PERSON_7f3a]"});
  CHECK(Mentions("[Person_7F3A]") == Strings{"[Person_7F3A]=>[PERSON_7f3a]"});
  CHECK(Mentions("call PERSON_7f3a now") == Strings{"PERSON_7f3a=>[PERSON_7f3a]"});
  CHECK(Mentions("[ PERSON_7f3a ]") == Strings{"[ PERSON_7f3a ]=>[PERSON_7f3a]"});
  CHECK(Mentions("[  PERSON_7f3a]") == Strings{"[  PERSON_7f3a]=>[PERSON_7f3a]"});
  CHECK(Mentions("[PERSON_7f3a  ]") == Strings{"[PERSON_7f3a  ]=>[PERSON_7f3a]"});
  CHECK(Mentions("(PERSON_7f3a)") == Strings{"PERSON_7f3a=>[PERSON_7f3a]"});
  CHECK(Mentions("日本PERSON_7f3a。") == Strings{"PERSON_7f3a=>[PERSON_7f3a]"});
  CHECK(Mentions("\nperson_7f3a\n") == Strings{"person_7f3a=>[PERSON_7f3a]"});
}

TEST_CASE("brackets belong to a mention only in pairs, with little padding") {
  CHECK(Mentions("[PERSON_7f3a and") == Strings{"PERSON_7f3a=>[PERSON_7f3a]"});
  CHECK(Mentions("see PERSON_7f3a]") == Strings{"PERSON_7f3a=>[PERSON_7f3a]"});
  CHECK(Mentions("[   PERSON_7f3a ]") == Strings{"PERSON_7f3a=>[PERSON_7f3a]"});
  CHECK(Mentions("[ PERSON_7f3a   ]") == Strings{"PERSON_7f3a=>[PERSON_7f3a]"});
  CHECK(Mentions("[see PERSON_7f3a]") == Strings{"PERSON_7f3a=>[PERSON_7f3a]"});
  CHECK(Mentions("[PERSON_7f3a PERSON_1234]") ==
        Strings{"PERSON_7f3a=>[PERSON_7f3a]", "PERSON_1234=>[PERSON_1234]"});
}

TEST_CASE("look-alikes inside longer words are not mentions") {
  CHECK(Mentions("XPERSON_7f3a1").size() == 1);  // a different core, named as such
  CHECK(Mentions("XPERSON_7f3a1") == Strings{"XPERSON_7f3a1=>[XPERSON_7f3a1]"});
  CHECK(Mentions("PERSON_7f3ag").empty());
  CHECK(Mentions("MY_PERSON_7f3a").empty());
  CHECK(Mentions("_PERSON_7f3a").empty());
  CHECK(Mentions("PERSON_7f3a_").empty());
  CHECK(Mentions("[PERSON_7f3]").empty());              // 3 hex digits
  CHECK(Mentions("[PERSON_7f3a12345]").empty());        // 9 hex digits
  CHECK(Mentions("[ABCDEFGHIJKLMNOPQ_1234]").empty());  // 17-character prefix
  CHECK(Mentions("[PERSON-7f3a] [PERSON 7f3a] [_7f3a] PERSON__7f3a").empty());
  CHECK(Mentions("[ABCDEFGHIJKLMNOP_1234]") ==
        Strings{"[ABCDEFGHIJKLMNOP_1234]=>[ABCDEFGHIJKLMNOP_1234]!"});
}

TEST_CASE("cores and their beginnings") {
  CHECK(vault::IsTokenCore("PERSON_7f3a"));
  CHECK(vault::IsTokenCore("p_ABCDEF12"));
  CHECK_FALSE(vault::IsTokenCore("PERSON_7f3"));
  CHECK_FALSE(vault::IsTokenCore("PERSON_"));
  CHECK_FALSE(vault::IsTokenCore("PERSON"));
  CHECK_FALSE(vault::IsTokenCore("_7f3a"));

  for (std::string_view word : {"P", "PERSON", "PERSON_", "PERSON_7", "PERSON_7f3a",
                                "PERSON_7f3a1234", "ABCDEFGHIJKLMNOP"}) {
    CAPTURE(word);
    CHECK(vault::CouldBeginTokenCore(word));
  }
  for (std::string_view word :
       {"_", "_P", "ABCDEFGHIJKLMNOPQ", "PERSON_7f3a12345", "PERSON_x", "PERSON_7_", "PERSON__"}) {
    CAPTURE(word);
    CHECK_FALSE(vault::CouldBeginTokenCore(word));
  }
  CHECK(vault::kMaxMentionLength == std::string("[  ABCDEFGHIJKLMNOP_00c0ffee  ]").size());
}

TEST_CASE("the opening bracket is found through at most two spaces") {
  CHECK(vault::OpeningBracketBefore("[P_1234", 1) == 0);
  CHECK(vault::OpeningBracketBefore("x[  P_1234", 4) == 1);
  CHECK(vault::OpeningBracketBefore("[   P_1234", 4) == std::string_view::npos);
  CHECK(vault::OpeningBracketBefore(" P_1234", 1) == std::string_view::npos);
  CHECK(vault::OpeningBracketBefore("P_1234", 0) == std::string_view::npos);
}
