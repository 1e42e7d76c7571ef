// The ADDRESS recognizer: street forms of many countries, the lines that
// complete an address, prose that is no address, and adversarial input.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "detect/address/address_postcode.h"
#include "detect/address/address_tokens.h"
#include "detect/address/street_words.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using namespace privacy::detect::testing;

namespace {

Strings Addresses(std::string_view text) { return Found(text, {"ADDRESS"}); }

size_t PostcodeIn(std::string_view text) {
  const std::vector<AddressToken> tokens = TokenizeAddressText(text, 0, text.size());
  return PostcodeLength(text, tokens, 0);
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect ADDRESS: a known type, selectable on its own") {
  CHECK(SharedDetector().IsKnownType("ADDRESS"));
  CHECK(Found("Ship to 12 Baker Street, London NW1 6XE; card 4111 1111 1111 1111", {"ADDRESS"}) ==
        Strings{"ADDRESS:12 Baker Street, London NW1 6XE"});
}

TEST_CASE("detect ADDRESS: street words come from the data file") {
  const StreetWords words;
  CHECK((words.KindsOf("street") & kStreetAfter) != 0);
  CHECK((words.KindsOf("rue") & kStreetBefore) != 0);
  CHECK((words.KindsOf("straße") & kStreetPost) != 0);
  CHECK((words.KindsOf("apt") & kUnit) != 0);
  CHECK(words.IsCompoundStreet("koskikatu"));
  CHECK(words.IsCompoundStreet("hauptstr."));
  CHECK(words.IsCompoundStreet("drottninggatan"));
  CHECK_FALSE(words.IsCompoundStreet("tie"));
  CHECK_FALSE(words.IsCompoundStreet("cutie"));
  CHECK(words.IsPostBox("pobox"));
  CHECK(words.IsPostBox("postfach"));
}

TEST_CASE("detect ADDRESS: postcodes in national formats") {
  CHECK(PostcodeIn("10115") == 1);
  CHECK(PostcodeIn("20500-1234") == 1);
  CHECK(PostcodeIn("00-950") == 1);
  CHECK(PostcodeIn("1000-001") == 1);
  CHECK(PostcodeIn("01310-100") == 1);
  CHECK(PostcodeIn("111 51") == 2);
  CHECK(PostcodeIn("1012 AB") == 2);
  CHECK(PostcodeIn("SW1A 2AA") == 2);
  CHECK(PostcodeIn("K1A 0B1") == 2);
  CHECK(PostcodeIn("D-10115") == 1);
  CHECK(PostcodeIn("123") == 0);
  CHECK(PostcodeIn("1234567") == 0);
  CHECK(LooksLikeYear("2019"));
  CHECK_FALSE(LooksLikeYear("8001"));
}

TEST_CASE("detect ADDRESS: house number before or after the street") {
  CHECK(Addresses("Ship to 742 Evergreen Terrace, Springfield, IL 62704 today.") ==
        Strings{"ADDRESS:742 Evergreen Terrace, Springfield, IL 62704"});
  CHECK(Addresses("Bitte an Hauptstraße 5, 10115 Berlin schicken") ==
        Strings{"ADDRESS:Hauptstraße 5, 10115 Berlin"});
  CHECK(Addresses("Il mio indirizzo è Via Roma 1, 00184 Roma RM.") ==
        Strings{"ADDRESS:Via Roma 1, 00184 Roma RM"});
  CHECK(Addresses("Envoyez au 12 rue de la Paix, 75002 Paris.") ==
        Strings{"ADDRESS:12 rue de la Paix, 75002 Paris"});
  CHECK(Addresses("Adres: ul. Marszałkowska 10/12, 00-590 Warszawa") ==
        Strings{"ADDRESS:ul. Marszałkowska 10/12, 00-590 Warszawa"});
  CHECK(Addresses("Ship to 6750 Koskikatu 25 Apt. 864, Artilleros, CO, Uruguay 64677") ==
        Strings{"ADDRESS:6750 Koskikatu 25 Apt. 864, Artilleros, CO, Uruguay 64677"});
  CHECK(Addresses("Invoice to Unter den Linden 77, 10117 Berlin please.") ==
        Strings{"ADDRESS:Unter den Linden 77, 10117 Berlin"});
}

TEST_CASE("detect ADDRESS: post boxes and multi-line blocks are one span") {
  CHECK(Addresses("Send it to PO Box 4521, Austin, TX 78701.") ==
        Strings{"ADDRESS:PO Box 4521, Austin, TX 78701"});
  CHECK(Addresses("Send it to:\nc/o Maria Rossi\nVia Garibaldi 4\n20121 Milano MI\nItaly\n\nBye") ==
        Strings{"ADDRESS:c/o Maria Rossi\nVia Garibaldi 4\n20121 Milano MI\nItaly"});
  CHECK(Addresses("Deliver to:\nFlat 3\n221B Baker Street\nLondon\nNW1 6XE\n") ==
        Strings{"ADDRESS:Flat 3\n221B Baker Street\nLondon\nNW1 6XE"});
}

TEST_CASE("detect ADDRESS: prose, rooms and cities are no addresses") {
  CHECK(Addresses("We met at 5 Main points of the agreement.").empty());
  CHECK(Addresses("Chapter 12 Street Fighter was the best part.").empty());
  CHECK(Addresses("He was taken to Room 101 for questioning.").empty());
  CHECK(Addresses("In 2019 Fleet Street journalists went on strike.").empty());
  CHECK(Addresses("I sent it via FedEx 3 times already.").empty());
  CHECK(Addresses("There are 40 Main Street shops in the survey.").empty());
  CHECK(Addresses("He lived in Berlin for 12 years.").empty());
  CHECK(Addresses("Flight 215 to Paris was delayed.").empty());
}

TEST_CASE("detect ADDRESS: a street's name does not run back across a sentence's end") {
  CHECK(Addresses("Seen today in Barranco Medical Practice. Jannah Barrows, 54, presents with a cough.")
            .empty());
  CHECK(Addresses("Write to Calle Mayor 5, Madrid.") == Strings{"ADDRESS:Calle Mayor 5, Madrid"});
  CHECK(Addresses("She moved. Berliner Straße 5 is her new home.") ==
        Strings{"ADDRESS:Berliner Straße 5"});
}

TEST_CASE("detect ADDRESS: adversarial input takes linear time") {
  const auto elapsed_ms = [](const std::string& text) {
    const auto start = std::chrono::steady_clock::now();
    Found(text);
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
  };
  constexpr size_t kSize = 256 * 1024;
  std::string streets;
  while (streets.size() < kSize) streets += "Street ";
  std::string numbered;
  while (numbered.size() < kSize) numbered += "12 Street Street 5 Main Street, ";
  std::string newlines(kSize, '\n');
  std::string lines;
  while (lines.size() < kSize) lines += "Koskikatu 25\n";
  std::string digits(kSize, '7');
  std::string spaced_digits;
  while (spaced_digits.size() < kSize) spaced_digits += "1 ";
  for (const std::string* text :
       {&streets, &numbered, &newlines, &lines, &digits, &spaced_digits}) {
    CHECK(elapsed_ms(*text) < 2000.0);
  }
}

TEST_SUITE_END();
