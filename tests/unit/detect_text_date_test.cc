// Dates with month names in English, French, German, Spanish, Italian,
// Portuguese and Dutch, and the numbers that are not dates.
#include <doctest/doctest.h>

#include "detect/dates/month_names.h"
#include "detect/dates/text_date.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using privacy::detect::testing::Found;
using privacy::detect::testing::Strings;

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect month names: languages, abbreviations, case") {
  CHECK(LookUpMonth("février").month == 2);
  CHECK(LookUpMonth("FÉVRIER").month == 2);
  CHECK(LookUpMonth("Februar").month == 2);
  CHECK(LookUpMonth("MÄRZ").month == 3);
  CHECK(LookUpMonth("março").month == 3);
  CHECK(LookUpMonth("maart").month == 3);
  CHECK(LookUpMonth("mrt").abbreviation);
  CHECK(LookUpMonth("setiembre").month == 9);
  CHECK(LookUpMonth("dicembre").month == 12);
  CHECK(LookUpMonth("août").month == 8);
  CHECK(LookUpMonth("may").lower_case_is_word);
  CHECK(LookUpMonth("Mars").also_a_name);
  // Abbreviations that are English words are no months.
  for (const char* word : {"set", "out", "ago", "gen", "mag", "lug", "monday", "marsh"}) {
    CAPTURE(word);
    CHECK(LookUpMonth(word).month == 0);
  }
}

TEST_CASE("detect text dates: the parser around one number") {
  const std::string_view text = "Meet on March 3rd, 2025 or 3. Februar";
  const auto march = ParseTextDate(text, text.find('3'));
  REQUIRE(march);
  CHECK(text.substr(march->start, march->end - march->start) == "March 3rd, 2025");
  CHECK(march->has_day);
  CHECK(march->has_year);
  const auto februar = ParseTextDate(text, text.rfind('3'));
  REQUIRE(februar);
  CHECK(text.substr(februar->start, februar->end - februar->start) == "3. Februar");
  CHECK_FALSE(februar->has_year);
  CHECK_FALSE(ParseTextDate(text, text.find('M')));  // not a digit
  CHECK(IsValidTextDate("3 de febrero de 2025"));
  CHECK(IsValidTextDate("Feb. 3"));
  CHECK_FALSE(IsValidTextDate("March. 3"));  // a dot only after abbreviations
  CHECK_FALSE(IsValidTextDate("31 avril 2025"));
  CHECK_FALSE(IsValidTextDate("3 de 2025"));
}

TEST_CASE("detect DATE: day, month and year in six more languages") {
  CHECK(Found("le 3 février 2025 à 10h", {"DATE"}) == Strings{"DATE:3 février 2025"});
  CHECK(Found("am 3. Februar 2025 um 10 Uhr", {"DATE"}) == Strings{"DATE:3. Februar 2025"});
  CHECK(Found("el 3 de febrero de 2025", {"DATE"}) == Strings{"DATE:3 de febrero de 2025"});
  CHECK(Found("il 3 marzo 2025 alle 10", {"DATE"}) == Strings{"DATE:3 marzo 2025"});
  CHECK(Found("em 3 de março de 2025", {"DATE"}) == Strings{"DATE:3 de março de 2025"});
  CHECK(Found("op 3 maart 2025 om 10 uur", {"DATE"}) == Strings{"DATE:3 maart 2025"});
  CHECK(Found("né le 1er mars 1980", {"DATE"}) == Strings{"DATE:1er mars 1980"});
  CHECK(Found("el 1º de mayo de 2024", {"DATE"}) == Strings{"DATE:1º de mayo de 2024"});
}

TEST_CASE("detect DATE: without year, month first, abbreviations") {
  CHECK(Found("rendez-vous le 14 juillet") == Strings{"DATE:14 juillet"});
  CHECK(Found("Termin am 3. Feb. oder 4. Dez.", {"DATE"}) ==
        Strings{"DATE:3. Feb.", "DATE:4. Dez."});
  CHECK(Found("vence el 3 dic y el 9 ene") == Strings{"DATE:3 dic", "DATE:9 ene"});
  CHECK(Found("scade il 12 ott") == Strings{"DATE:12 ott"});
  CHECK(Found("até 3 fev, depois 7 dez") == Strings{"DATE:3 fev", "DATE:7 dez"});
  CHECK(Found("tot 3 mrt 2025") == Strings{"DATE:3 mrt 2025"});
  CHECK(Found("seit März 2025 und febrero de 2024") ==
        Strings{"DATE:März 2025", "DATE:febrero de 2024"});
  CHECK(Found("depuis septembre 3") == Strings{"DATE:septembre 3"});
  CHECK(Found("(3 March) «3 février» “12 March 2024”") ==
        Strings{"DATE:3 March", "DATE:3 février", "DATE:12 March 2024"});
  CHECK(Found("3-Feb-2025") == Strings{"DATE:3-Feb-2025"});
}

TEST_CASE("detect DATE: a range of days is one date") {
  CHECK(Found("from 3-5 June 2024", {"DATE"}) == Strings{"DATE:3-5 June 2024"});
  CHECK(Found("June 3-5, 2024 in Oslo", {"DATE"}) == Strings{"DATE:June 3-5, 2024"});
  CHECK(Found("du 3–5 juin", {"DATE"}) == Strings{"DATE:3–5 juin"});
  // The second day must follow the first and exist.
  CHECK(Found("5-3 June 2024, 30-31 February, 3-40 May", {"DATE"}).empty());
}

TEST_CASE("detect DATE: numbers and words that are not dates") {
  CHECK(Found("3 sets, 3 out of 5, 3 lug nuts, 2 ago, 4 gen, set 3").empty());
  CHECK(Found("a mission to Mars 2030; 3 Mars bars", {"DATE"}).empty());
  CHECK(Found("you may 5x it, march 3.5 km, at 3:30, March 3,000 units").empty());
  CHECK(Found("version 3.2 Mai-Release, costs €3,50, build 2025", {"DATE"}).empty());
  // Days that do not exist: not even the month and year are reported.
  CHECK(Found("31 avril 2025, 30 febbraio, 29 Feb 2023 2pm").empty());
}
