// Unit tests of names spelled out letter by letter
// (detect/tagger/spelled_names), on entities given by hand and through the
// detector.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "detect/names/gazetteer.h"
#include "detect/tagger/entity_tags.h"
#include "detect/tagger/spelled_names.h"
#include "detect/tagger/word_tokens.h"
#include "detect_test_util.h"

namespace privacy::detect {
namespace {

const int kPerson = TaggedTypeIndex("PERSON");
const int kLocation = TaggedTypeIndex("LOCATION");

const Gazetteer& Names() {
  static const Gazetteer gazetteer = Gazetteer::Load(DefaultGazetteerPath());
  return gazetteer;
}

using testing::EntityOver;
using testing::Found;
using testing::Strings;

// The entities after AddSpelledNames, as "TYPE:value@probability", in order.
std::vector<std::string> AfterSpelling(std::string_view text, std::vector<TaggedEntity> entities) {
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  AddSpelledNames(text, tokens, Names(), &entities, 0);
  std::vector<std::string> out;
  for (const TaggedEntity& e : entities) {
    char probability[16];
    std::snprintf(probability, sizeof probability, "%.2f", e.probability);
    out.push_back(std::string(kTaggedTypes[e.type]) + ":" +
                  std::string(text.substr(e.start, e.end - e.start)) + "@" + probability);
  }
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("detect spelled names");

TEST_CASE("detect spelled names: letters that spell a name the model found are that name") {
  const std::string text =
      "caller hi its adaeze nnamdi thats a d a e z e and the surname is n n a m d i";
  // Sure of the surname, unsure of the first name: the spelling makes it a
  // name at least kSpelledWordProbability sure.
  CHECK(AfterSpelling(text, {EntityOver(text, "adaeze", kPerson, 0.45),
                             EntityOver(text, "nnamdi", kPerson, 0.78)}) ==
        Strings{"PERSON:adaeze@0.70", "PERSON:nnamdi@0.78", "PERSON:a d a e z e@0.70",
                "PERSON:n n a m d i@0.78"});
  // Hyphens and dots in one word, capitals, diacritics, and the type of
  // the entity spelled.
  const std::string joined = "CUSTOMER: Castellucci. C-A-S-T-E-L-L-U-C-C-I";
  CHECK(AfterSpelling(joined, {EntityOver(joined, "Castellucci", kPerson, 0.86)}) ==
        Strings{"PERSON:Castellucci@0.86", "PERSON:C-A-S-T-E-L-L-U-C-C-I@0.86"});
  const std::string place = "the village is Kraśnik, K.R.A.S.N.I.K";
  CHECK(AfterSpelling(place, {EntityOver(place, "Kraśnik", kLocation, 0.9)}) ==
        Strings{"LOCATION:Kraśnik@0.90", "LOCATION:K.R.A.S.N.I.K@0.90"});
  // A whole name spelled in one run.
  const std::string whole = "booking is Hope Banda h o p e b a n d a";
  CHECK(AfterSpelling(whole, {EntityOver(whole, "Hope Banda", kPerson, 0.95)}) ==
        Strings{"PERSON:Hope Banda@0.95", "PERSON:h o p e b a n d a@0.95"});
}

TEST_CASE("detect spelled names: letters that spell words just before make both a name") {
  const std::string text = "agent surname please\ncaller yılmaz y ı l m a z the i has no dot";
  CHECK(AfterSpelling(text, {}) == Strings{"PERSON:yılmaz@0.70", "PERSON:y ı l m a z@0.70"});
  const std::string two = "booking is hope banda h o p e b a n d a";
  CHECK(AfterSpelling(two, {}) ==
        Strings{"PERSON:hope banda@0.70", "PERSON:h o p e b a n d a@0.70"});
  // A first name that is also a word counts; a word that is no first name
  // does not, even when some list holds it as a surname.
  const std::string hope = "Hope. H-O-P-E.";
  CHECK(AfterSpelling(hope, {}) == Strings{"PERSON:Hope@0.70", "PERSON:H-O-P-E@0.70"});
  CHECK(AfterSpelling("how do you spell cat? c a t", {}).empty());
  CHECK(AfterSpelling("the word necessary: n e c e s s a r y", {}).empty());
  // Nor does an unsure entity of such a word.
  const std::string unsure = "Necessary, n e c e s s a r y";
  CHECK(AfterSpelling(unsure, {EntityOver(unsure, "Necessary", kPerson, 0.3)}) ==
        Strings{"PERSON:Necessary@0.30"});
}

TEST_CASE("detect spelled names: letters that spell nothing near stay as they are") {
  CHECK(AfterSpelling("pick options a b c d or e", {}).empty());
  // Too far back: more than eight words between.
  CHECK(AfterSpelling("ozturk was here and then went off to see some friends o z t u r k", {})
            .empty());
  // Two letters are too few; a line break ends the letters.
  CHECK(AfterSpelling("Li l i", {}).empty());
  CHECK(AfterSpelling("Eco e c\no", {}).empty());
  // Syllables of scripts without capitals are words, not spelled letters.
  CHECK(AfterSpelling("한 한 한 한", {}).empty());
  // Already as sure, covered: nothing is added twice.
  const std::string text = "Smith, S-M-I-T-H";
  CHECK(AfterSpelling(text, {EntityOver(text, "Smith", kPerson, 0.9),
                             EntityOver(text, "S-M-I-T-H", kPerson, 0.95)}) ==
        Strings{"PERSON:Smith@0.90", "PERSON:S-M-I-T-H@0.95"});
}

TEST_CASE("detect spelled names: a text of thousands of spelled runs is read for the first 64") {
  // Each "Abc" an entity, each "a b c" its letters: without a bound every
  // run would search every entity.
  std::string text;
  std::vector<TaggedEntity> entities;
  for (int i = 0; i < 20000; ++i) {
    TaggedEntity name;
    name.type = kPerson;
    name.start = static_cast<uint32_t>(text.size());
    name.end = name.start + 3;
    name.probability = 0.9;
    entities.push_back(name);
    text += "Abc a b c. ";
  }
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  AddSpelledNames(text, tokens, Names(), &entities, 0);
  CHECK(entities.size() == 20000 + 64);
}

TEST_CASE("detect spelled names: through the detector, a spelled name is masked with the name") {
  CHECK(Found("agent: can i take your surname please\n"
              "caller: yes its wojciechowski, w o j c i e c h o w s k i") ==
        Strings{"PERSON:wojciechowski", "PERSON:w o j c i e c h o w s k i"});
}

TEST_SUITE_END();

}  // namespace privacy::detect
