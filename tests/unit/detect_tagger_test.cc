// The entity tagger end to end through the detector (names, structured spans, lists, rules fallback, model errors, hostile inputs) and the evaluation's token leaks, ignore spans and mistakes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "detect/evaluation/evaluation.h"
#include "detect/evaluation/labelled_corpus.h"
#include "detect/names/gazetteer.h"
#include "detect/names/name_words.h"
#include "detect/recognizer_registry.h"
#include "detect/tagger/rule_evidence.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using namespace privacy::detect::testing;

namespace {

const std::vector<std::string> kNames = {"PERSON", "LOCATION", "ORGANIZATION"};

const Detector& RulesDetector() {
  static const std::unique_ptr<Detector> detector = [] {
    DetectorConfig config;
    config.name_detector = DetectorConfig::NameDetector::kRules;
    return CreateDetector(config);
  }();
  return *detector;
}

// "TYPE:value" for each finding of `detector`.
Strings FoundBy(const Detector& detector, std::string_view text, const DetectOptions& options = {}) {
  Strings out;
  for (const Finding& f : detector.Detect(text, options)) {
    out.push_back(f.type + ":" + std::string(text.substr(f.start, f.end - f.start)));
  }
  return out;
}

bool Has(const Strings& found, const std::string& item) {
  return std::find(found.begin(), found.end(), item) != found.end();
}

// True when the findings are sorted, do not overlap, lie inside the text
// and score in [0, 1].
bool Orderly(std::string_view text, const std::vector<Finding>& findings) {
  uint32_t previous_end = 0;
  for (const Finding& f : findings) {
    if (f.start >= f.end || f.end > text.size() || f.start < previous_end) return false;
    if (!(f.score >= 0.0 && f.score <= 1.0)) return false;
    previous_end = f.end;
  }
  return true;
}

// The candidates of the name recognizer of `config` for `text`, given the
// structured candidates `earlier`.
std::vector<Candidate> NameCandidates(const Recognizer& names, std::string_view text,
                                      const std::vector<Candidate>& earlier = {}) {
  RecognizeInput input;
  input.text = text;
  input.earlier = earlier;
  std::vector<Candidate> out;
  names.Recognize(input, &out);
  return out;
}

const Recognizer& SharedTaggerRecognizer() {
  static const std::unique_ptr<Recognizer> recognizer = MakeNameRecognizer(DetectorConfig{});
  return *recognizer;
}

std::string Repeat(std::string_view unit, size_t bytes) {
  std::string text;
  text.reserve(bytes + unit.size());
  while (text.size() < bytes) text += unit;
  return text;
}

// A detector that reports fixed findings for each text.
class FixedDetector : public Detector {
 public:
  explicit FixedDetector(std::map<std::string, std::vector<Finding>> findings)
      : findings_(std::move(findings)) {}
  std::vector<Finding> Detect(std::string_view text, const DetectOptions&) const override {
    const auto it = findings_.find(std::string(text));
    return it == findings_.end() ? std::vector<Finding>{} : it->second;
  }
  bool IsKnownType(std::string_view) const override { return true; }
  std::vector<std::string> KnownTypes() const override { return kNames; }

 private:
  std::map<std::string, std::vector<Finding>> findings_;
};

LabelledText Record(std::string text, std::vector<LabelledSpan> spans,
                    std::vector<LabelledSpan> ignore = {}) {
  LabelledText record;
  record.text = std::move(text);
  record.spans = std::move(spans);
  record.ignore = std::move(ignore);
  return record;
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect tagger: finds names in chat, e-mail and prose") {
  const std::string request = "Please email Maria Gonzalez in Madrid";
  CHECK(Found(request, kNames) == Strings{"PERSON:Maria Gonzalez", "LOCATION:Madrid"});

  const Strings chat = Found("hey, can you ask Tom Becker if the Berlin trip is still on?", kNames);
  CHECK(Has(chat, "PERSON:Tom Becker"));
  CHECK(Has(chat, "LOCATION:Berlin"));

  const Strings mail = Found(
      "Subject: offsite\n\nHi Jonas, the venue in Oslo is booked.\n\nThanks,\nIngrid Halvorsen",
      kNames);
  CHECK(Has(mail, "PERSON:Jonas"));
  CHECK(Has(mail, "LOCATION:Oslo"));
  CHECK(Has(mail, "PERSON:Ingrid Halvorsen"));

  const Strings prose =
      Found("Yesterday Priya Natarajan flew from Chennai to Toronto to meet her sister.", kNames);
  CHECK(Has(prose, "PERSON:Priya Natarajan"));
  CHECK(Has(prose, "LOCATION:Chennai"));
  CHECK(Has(prose, "LOCATION:Toronto"));

  const Strings work = Found("The meeting with Carlos Mendes from Vodafone is on Tuesday.", kNames);
  CHECK(Has(work, "PERSON:Carlos Mendes"));
  CHECK(Has(work, "ORGANIZATION:Vodafone"));

  CHECK(Has(Found("Hello, my name is Ahmed Hassan and I live in Cairo.", kNames),
            "PERSON:Ahmed Hassan"));
  CHECK(Has(Found("lol did you see what Kevin O'Brien posted from Dublin last night", kNames),
            "PERSON:Kevin O'Brien"));

  // The values of a JSON record's fields.
  const Strings record = Found(
      R"({"customer": {"first_name": "Chidi", "last_name": "Okafor", "city": "Enugu"}})", kNames);
  CHECK(Has(record, "PERSON:Chidi"));
  CHECK(Has(record, "PERSON:Okafor"));
  CHECK(Has(record, "LOCATION:Enugu"));
}

TEST_CASE("detect tagger: plain requests without names give no names") {
  CHECK(Found("Can you summarise this paragraph in three bullet points?", kNames).empty());
  CHECK(Found("please fix the typo in the second line and keep the tone friendly", kNames).empty());
  CHECK(Found("The invoice total is wrong, can you check it again tomorrow?", kNames).empty());
  CHECK(Found("", kNames).empty());
  CHECK(Found("   \n\n  ", kNames).empty());
}

TEST_CASE("detect tagger: a comma joins the names of a firm, not a list of people") {
  CHECK(Found("We retained Klein, Phan & Hahn for the audit.", kNames) ==
        Strings{"ORGANIZATION:Klein, Phan & Hahn"});
  CHECK(Found("Invite John, Paul and George to the call.", kNames) ==
        Strings{"PERSON:John", "PERSON:Paul", "PERSON:George"});
  CHECK(Found("She moved from Paris, France to Lyon.", kNames) ==
        Strings{"LOCATION:Paris", "LOCATION:France", "LOCATION:Lyon"});
}

TEST_CASE("detect tagger: a name followed by organization words is one organization") {
  for (const char* text : {"My card expires soon, can Wayne Enterprises reissue it?",
                           "Can Wayne Enterprises reissue it?", "can Wayne Enterprises help?",
                           "Our supplier is Stark Industries."}) {
    CAPTURE(text);
    const Strings found = Found(text, kNames);
    REQUIRE(found.size() == 1);
    CHECK(found[0].starts_with("ORGANIZATION:"));
    CHECK((found[0].ends_with("Wayne Enterprises") || found[0].ends_with("Stark Industries")));
  }
}

TEST_CASE("detect tagger: in other languages, ordinary words opening a sentence are no names") {
  const Strings dutch = Found("Gefeliciteerd met je nieuwe baan, Femke! Groetjes uit Rotterdam.", kNames);
  CHECK(dutch == Strings{"PERSON:Femke", "LOCATION:Rotterdam"});
  const Strings polish = Found("Piszę w sprawie faktury. Proszę o kontakt, Tomasz.", kNames);
  CHECK(polish == Strings{"PERSON:Tomasz"});
  const Strings german =
      Found("Glückwunsch zur Beförderung, Stefan! Wir feiern am Freitag in München.", kNames);
  CHECK(Has(german, "PERSON:Stefan"));
  CHECK(Has(german, "LOCATION:München"));
  for (const std::string& found : german) {
    CAPTURE(found);
    CHECK(!found.ends_with(":Glückwunsch"));
    CHECK(!found.ends_with(":Wir"));
  }
  // "Sevilla" is a city and a football club: either type masks it.
  const Strings spanish = Found("Aviso importante: la oficina de Sevilla cierra el viernes.", kNames);
  REQUIRE(spanish.size() == 1);
  CHECK(spanish[0].ends_with(":Sevilla"));
}

TEST_CASE("detect tagger: in Chinese and Japanese a name is a run of characters, not the sentence") {
  CHECK(Found("请帮我给王秀英发一封邮件，她下周去上海出差。", kNames) ==
        Strings{"PERSON:王秀英", "LOCATION:上海"});
  CHECK(Found("张伟在华为工作，住在深圳。", kNames) ==
        Strings{"PERSON:张伟", "ORGANIZATION:华为", "LOCATION:深圳"});
  // Honorifics and particles stay outside the name.
  CHECK(Found("明日、佐藤さんと大阪駅で会います。", kNames) ==
        Strings{"PERSON:佐藤", "LOCATION:大阪駅"});
  CHECK(Found("田中太郎様、いつもお世話になっております。", kNames) == Strings{"PERSON:田中太郎"});
}

TEST_CASE("detect tagger: in Korean and Thai the words glued to a name stay outside it") {
  // Korean particles ("가", "에서", "아") are tokens of their own.
  CHECK(Found("내일 김민수가 부산에서 발표해요.", kNames) ==
        Strings{"PERSON:김민수", "LOCATION:부산"});
  CHECK(Found("지은아 오늘 박서준 씨랑 강남역에서 만나기로 했어", kNames) ==
        Strings{"PERSON:지은", "PERSON:박서준", "LOCATION:강남역"});
  // Thai is split into words; the title "คุณ" stays outside the name.
  CHECK(Found("คุณสมศักดิ์ ศรีสุข ทำงานที่ธนาคารกสิกรไทย สาขาขอนแก่น", kNames) ==
        Strings{"PERSON:สมศักดิ์ ศรีสุข", "ORGANIZATION:ธนาคารกสิกรไทย", "LOCATION:ขอนแก่น"});
}

TEST_CASE("detect tagger: scores are probabilities and findings are orderly") {
  const std::string texts[] = {
      "Please email Maria Gonzalez in Madrid",
      "Dear Ms. Okafor, your appointment at St. Mary's Hospital in Leeds is confirmed.",
      "Our new office in Lisbon opens next month, and Joana Ferreira will run it.",
      "She works for Siemens in Munich.",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    const std::vector<Finding> findings = SharedDetector().Detect(text, {});
    CHECK_FALSE(findings.empty());
    CHECK(Orderly(text, findings));
    for (const Candidate& c : NameCandidates(SharedTaggerRecognizer(), text)) {
      CHECK(c.score >= 0.0);
      CHECK(c.score <= 1.0);
      CHECK(c.start < c.end);
      CHECK(c.end <= text.size());
    }
  }
}

TEST_CASE("detect tagger: names never overlap a structured finding") {
  const std::string text = "Write to maria.gonzalez@example.com today";
  CHECK(Found(text) == Strings{"EMAIL:maria.gonzalez@example.com"});

  const std::string both = "Please email Maria Gonzalez in Madrid, cc maria.gonzalez@example.com";
  const Strings found = Found(both);
  CHECK(Has(found, "EMAIL:maria.gonzalez@example.com"));
  CHECK(Has(found, "PERSON:Maria Gonzalez"));

  // The recognizer itself offers nothing inside the spans it is told are taken.
  const uint32_t start = static_cast<uint32_t>(text.find("maria"));
  const uint32_t end = static_cast<uint32_t>(text.find(" today"));
  const std::vector<Candidate> email = {{"EMAIL", start, end, 0.95}};
  for (const Candidate& c : NameCandidates(SharedTaggerRecognizer(), text, email)) {
    CAPTURE(c.type);
    CHECK((c.end <= start || c.start >= end));
  }
  const uint32_t both_start = static_cast<uint32_t>(both.find("maria."));
  const std::vector<Candidate> both_email = {
      {"EMAIL", both_start, static_cast<uint32_t>(both.size()), 0.95}};
  bool person = false;
  for (const Candidate& c : NameCandidates(SharedTaggerRecognizer(), both, both_email)) {
    CHECK(c.end <= both_start);
    person = person || (c.type == "PERSON" && both.substr(c.start, c.end - c.start) == "Maria Gonzalez");
  }
  CHECK(person);
}

TEST_CASE("detect tagger: card schemes and identifier systems alone are no names") {
  for (const char* word : {"Visa", "VISA", "Mastercard", "NHS", "Aadhaar", "IBAN", "PESEL"}) {
    CAPTURE(word);
    CHECK(NamesAnIdentifierKind(word));
    CHECK((NameWordClasses(word) & kIdentifierKindClass) != 0);
  }
  for (const char* word : {"visa", "Maria", "Madrid", "Siemens", "Visa Inc", ""}) {
    CAPTURE(word);
    CHECK_FALSE(NamesAnIdentifierKind(word));
  }
  for (const char* text : {"Visa", "NHS", "Mastercard", "I paid with Visa yesterday",
                           "Your Visa card ending 1234 was charged.", "Aadhaar",
                           "My NHS number is 943 476 5919"}) {
    CAPTURE(text);
    CHECK(Found(text, kNames).empty());
    for (const Candidate& c : NameCandidates(SharedTaggerRecognizer(), text)) {
      CHECK_FALSE(NamesAnIdentifierKind(std::string_view(text).substr(c.start, c.end - c.start)));
    }
  }
}

TEST_CASE("detect tagger: a nationality alone is no name, inside a name it stays") {
  for (const char* text : {"Syrian and Gabonese delegates met in private.",
                           "Is the French version of the form ready?"}) {
    CAPTURE(text);
    for (const Candidate& c : NameCandidates(SharedTaggerRecognizer(), text)) {
      CHECK_FALSE(IsDemonym(std::string_view(text).substr(c.start, c.end - c.start)));
    }
  }
  CHECK(Found("She flew British Airways to the Indian Ocean.", kNames) ==
        Strings{"ORGANIZATION:British Airways", "LOCATION:Indian Ocean"});
}

TEST_CASE("detect tagger: a possessive ending, punctuation or one character alone is no name") {
  for (const char* text :
       {"omg TONIGHT's show in Ohio's capital was LOVEEE", "going to paris's best cafe w/ jen's mom",
        "Trump's rally . Biden's speech . Harris's team", "Collingwood . Atwick . Ethel .",
        "A . B . & . C", "the Smiths' house , the Joneses' car", "Boston's & Chicago's teams",
        "the growing unpopularity of King Carlos I and the monarchy", "I met W and Ó in Y today"}) {
    CAPTURE(text);
    for (const Candidate& c : NameCandidates(SharedTaggerRecognizer(), text)) {
      const std::string_view value = std::string_view(text).substr(c.start, c.end - c.start);
      CAPTURE(value);
      CHECK_FALSE(value.starts_with('\''));
      CHECK(std::any_of(value.begin(), value.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) != 0;
      }));
      CHECK(std::count_if(value.begin(), value.end(), [](char ch) {
              return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
            }) > 1);
    }
  }
}

TEST_CASE("detect tagger: words that only join names are no name") {
  for (const char* text :
       {"He received degrees from Columbia University in New York (1910), St. Andrews "
        "University in Scotland (1925) and Lund University in Sweden.",
        "Magic Live in Las Vegas, The Midwest Magic Jubilee in St. Louis, the TAOM in Dallas.",
        "the Bank of America of Charlotte and the Rio de Janeiro office"}) {
    CAPTURE(text);
    for (const Candidate& c : NameCandidates(SharedTaggerRecognizer(), text)) {
      const std::string value(std::string_view(text).substr(c.start, c.end - c.start));
      CAPTURE(value);
      CHECK(value != "in");
      CHECK(value != "The");
      CHECK(value != "of");
      CHECK(value != "de");
    }
  }
  // A capitalised particle may be a surname: the filter leaves it.
  DetectorConfig low_cut;
  low_cut.min_scores = {{"PERSON", 0.05}};
  CHECK(Has(FoundBy(*CreateDetector(low_cut), "Please call Mr. Le tomorrow about the invoice."),
            "PERSON:Le"));
}

TEST_CASE("detect tagger: a capitalised word after an honorific is a person's name") {
  CHECK(Found("Please call Mr. Le tomorrow about the invoice.", kNames) ==
        Strings{"PERSON:Le"});
  CHECK(Found("Ask Ms. Do about the refund.", kNames) == Strings{"PERSON:Do"});
  CHECK(Found("Mrs. Ho is waiting in reception.", kNames) == Strings{"PERSON:Ho"});
  CHECK(Has(Found("I spoke with Mr. Le Van Thanh yesterday.", kNames), "PERSON:Le Van Thanh"));
  // Not a role, not a street's "Dr".
  CHECK_FALSE(Has(Found("Dear Mr. President, thank you.", kNames), "PERSON:President"));
  CHECK_FALSE(Has(Found("Deliver to Oak Dr. Springfield before noon.", kNames),
                  "PERSON:Springfield"));
}

TEST_CASE("detect tagger: a name a greeting opens or closes with is a person's name") {
  CHECK(Found("Hi Hope, can we move the call?", kNames) == Strings{"PERSON:Hope"});
  CHECK(Found("Hey Chance, are you coming?", kNames) == Strings{"PERSON:Chance"});
  CHECK(Found("Good morning Faith,\nthe room is ready.", kNames) == Strings{"PERSON:Faith"});
  CHECK(Found("See you at six.\nBest,\nApril", kNames) == Strings{"PERSON:April"});
  CHECK(Found("Thanks for the fix.\nCheers, Harmony", kNames) == Strings{"PERSON:Harmony"});
  // Greetings of no one, and a closing word that is no sign-off.
  for (const char* text :
       {"Hi All, the build is green again.", "Dear Customer, your order shipped.",
        "Hello World! This is my first program.", "Thanks, Great work on it!",
        "Good morning Team,"}) {
    CAPTURE(text);
    CHECK(Found(text, kNames).empty());
  }
}

TEST_CASE("detect tagger: a sure name inside a doubted one stands for the doubted one") {
  // The model is sure of "Ryan" and doubts "Donal Ryan": masking "Ryan"
  // alone would leave "Donal" in clear.
  CHECK(Has(Found("Thanks folks , found the reference to reading Donal Ryan , its in the "
                  "interview , in the last minute !",
                  kNames),
            "PERSON:Donal Ryan"));
}

TEST_CASE("detect tagger: word classes agree with the single-class lookups") {
  const char* words[] = {"Dr",     "Dr.",     "Mrs",    "Herr",  "Sra.",   "Sig.ra", "St.",
                         "Mt",     "de",      "van",    "De",    "Bank",   "Bank.",  "Inc.",
                         "GmbH",   "Ltd",     "Clinic", "University", "of",   "Monday", "The",
                         "Hello",  "German",  "CEO",    "PDF",   "Visa",   "NHS",    "Maria",
                         "I.",     "Visa.",   "Inc..",  "",      "."};
  for (const char* w : words) {
    CAPTURE(w);
    const uint32_t classes = NameWordClasses(w);
    CHECK(bool(classes & kHonorificClass) == IsHonorific(w));
    CHECK(bool(classes & kPlaceAbbreviationClass) == IsPlaceAbbreviation(w));
    CHECK(bool(classes & kNameParticleClass) == IsNameParticle(w));
    CHECK(bool(classes & kTakesOfClass) == TakesOf(w));
    CHECK(bool(classes & kNeverANameClass) == IsNeverAName(w));
    CHECK(bool(classes & kDemonymClass) == IsDemonym(w));
    CHECK(bool(classes & kLegalFormClass) == IsLegalForm(w));
    CHECK(bool(classes & kOrganizationSuffixClass) == IsOrganizationSuffix(w));
    CHECK(bool(classes & kCommonAcronymClass) == IsCommonAcronym(w));
    CHECK(bool(classes & kIdentifierKindClass) == NamesAnIdentifierKind(w));
  }
  CHECK(NameWordClasses("Bank") == (kTakesOfClass | kOrganizationSuffixClass));
  CHECK(NameWordClasses("Bank.") == kOrganizationSuffixClass);
  CHECK(NameWordClasses("Inc.") == (kLegalFormClass | kOrganizationSuffixClass));
  CHECK(NameWordClasses("Maria") == 0);
}

TEST_CASE("detect tagger: a word in capitals has the classes of its title-case form") {
  CHECK((NameWordClasses("DR") & kHonorificClass) != 0);
  CHECK((NameWordClasses("MRS.") & kHonorificClass) != 0);
  CHECK((NameWordClasses("PRESIDENT") & kRoleClass) != 0);
  CHECK((NameWordClasses("THE") & kNeverANameClass) != 0);
  CHECK((NameWordClasses("VAN") & kNameParticleClass) == 0);  // particles are lower case
  CHECK(NameWordClasses("MARIA") == 0);
  CHECK(NameWordClasses("D") == 0);
  CHECK(IsHonorific("DR"));
  CHECK(IsHonorific("MR."));
  CHECK(IsHonorific("Reverend"));
  CHECK(IsHonorific("Khun"));
  CHECK_FALSE(IsHonorific("dr"));
  // In capitals these are as often something else (Microsoft, senior).
  CHECK((NameWordClasses("MS") & kHonorificClass) != 0);
  CHECK_FALSE(IsHonorific("MS"));
  CHECK_FALSE(IsHonorific("SR."));
  CHECK(IsHonorific("Ms"));
}

TEST_CASE("detect tagger: allow and deny values and only_types apply to tagger types") {
  const std::string text = "Please email Maria Gonzalez in Madrid";
  DetectOptions allow;
  allow.allow_values = {"Maria Gonzalez"};
  CHECK(FoundBy(SharedDetector(), text, allow) == Strings{"LOCATION:Madrid"});

  DetectOptions deny;
  deny.deny_values = {{"Zorblat", "PERSON"}};
  const std::string odd = "Please ask Zorblat about it";
  const std::vector<Finding> denied = SharedDetector().Detect(odd, deny);
  REQUIRE(denied.size() == 1);
  CHECK(denied[0].type == "PERSON");
  CHECK(odd.substr(denied[0].start, denied[0].end - denied[0].start) == "Zorblat");
  CHECK(denied[0].score == 1.0);

  DetectOptions both;
  both.allow_values = {"Madrid"};
  both.deny_values = {{"Madrid", "ORGANIZATION"}};
  CHECK(Has(FoundBy(SharedDetector(), text, both), "ORGANIZATION:Madrid"));

  CHECK(Found(text, {"LOCATION"}) == Strings{"LOCATION:Madrid"});
  CHECK(Found(text, {"PERSON"}) == Strings{"PERSON:Maria Gonzalez"});
  CHECK(Found(text, {"ORGANIZATION"}).empty());
  CHECK(Found(text, {"EMAIL"}).empty());

  DetectorConfig config;
  config.allow_values = {"madrid"};
  config.allow_values_ignore_case = true;
  config.deny_values = {{"Quixmo", "ORGANIZATION", false}};
  const std::unique_ptr<Detector> listed = CreateDetector(config);
  const Strings found = FoundBy(*listed, "Please email Maria Gonzalez in Madrid about Quixmo");
  CHECK(Has(found, "PERSON:Maria Gonzalez"));
  CHECK_FALSE(Has(found, "LOCATION:Madrid"));
  CHECK(Has(found, "ORGANIZATION:Quixmo"));
}

TEST_CASE("detect tagger: the rules still work when configured") {
  const Detector& rules = RulesDetector();
  for (const std::string& type : kNames) CHECK(rules.IsKnownType(type));
  const std::string text = "Please email Maria Gonzalez in Madrid";
  CHECK(FoundBy(rules, text) == Strings{"PERSON:Maria Gonzalez", "LOCATION:Madrid"});

  // Every name the rules detector reports is a candidate of the rules, with
  // the rules' own score.
  const RuleEvidence evidence(std::make_shared<const Gazetteer>(Gazetteer::Load(DefaultGazetteerPath())));
  for (const std::string& sample :
       {text, std::string("Prof. Felix Sharma of Initech moved to São Paulo."),
        std::string("Dear Ms. Okafor, your appointment at St. Mary's Hospital in Leeds is confirmed.")}) {
    CAPTURE(sample);
    std::vector<Candidate> candidates;
    evidence.Find(sample, {}, &candidates);
    const std::vector<Finding> findings = rules.Detect(sample, {});
    CHECK_FALSE(findings.empty());
    for (const Finding& f : findings) {
      CAPTURE(f.type);
      const bool from_rules = std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
        return c.type == f.type && c.start == f.start && c.end == f.end && c.score == f.score;
      });
      CHECK(from_rules);
    }
  }

  // The rules need no model: a bad model path does not matter to them.
  DetectorConfig config;
  config.name_detector = DetectorConfig::NameDetector::kRules;
  config.tagger_model_file = "/nonexistent/privacy-filter/names.tagger";
  CHECK_NOTHROW(CreateDetector(config));
}

TEST_CASE("detect tagger: a bad model path gives a readable error naming it") {
  DetectorConfig config;
  config.tagger_model_file = "/nonexistent/privacy-filter/names.tagger";
  std::string message;
  try {
    CreateDetector(config);
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  CHECK(message.find("/nonexistent/privacy-filter/names.tagger") != std::string::npos);

  const std::filesystem::path garbage = std::filesystem::temp_directory_path() /
                                        ("privacy_tagger_test_" + std::to_string(::getpid()) + ".tagger");
  {
    std::ofstream out(garbage, std::ios::binary);
    out << "this is not a model";
  }
  config.tagger_model_file = garbage.string();
  message.clear();
  try {
    CreateDetector(config);
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  std::filesystem::remove(garbage);
  CHECK(message.find(garbage.string()) != std::string::npos);
  CHECK(message.find("magic") != std::string::npos);
}

TEST_CASE("detect tagger: hostile inputs return orderly findings") {
  constexpr size_t kSize = 256 * 1024;
  std::string capitals;
  for (size_t i = 0; capitals.size() < kSize; ++i) {
    capitals += static_cast<char>('A' + i % 26);
    capitals += static_cast<char>('A' + (i * 7 + 3) % 26);
    capitals += static_cast<char>('A' + (i * 11 + 5) % 26);
    capitals += ' ';
  }
  std::string names_per_line;
  for (int i = 0; i < 5000; ++i) names_per_line += "Maria\n";
  const std::string inputs[] = {
      capitals,
      Repeat("ABC DEF ", kSize),
      "Maria" + std::string(100 * 1024, 'a'),
      std::string(100 * 1024, 'A'),
      std::string(kSize, '7'),
      Repeat("12 ", kSize),
      Repeat("Maria Москва 東京 Ελλάδα שלום مرحبا नमस्ते 😀 Łódź ", kSize),
      Repeat("王小明去北京开会张伟在华为工作佐々木さんに連絡", kSize),
      Repeat("Maria Gonzalez ", kSize),
      Repeat("Mr. ", kSize / 2),
      Repeat("Bank of ", kSize / 2),
      Repeat("Rio de ", kSize / 2),
      Repeat("Gary, IN and Perth, WA and ", kSize),
      Repeat("@a_", kSize / 2),
      std::string(10000, '\n'),
      names_per_line,
      Repeat("\r\n\n X", kSize / 4),
  };
  for (const std::string& text : inputs) {
    CAPTURE(text.substr(0, 40));
    const std::vector<Finding> findings = SharedDetector().Detect(text, {});
    CHECK(Orderly(text, findings));
  }
}

TEST_CASE("detect tagger: names do not run across line breaks") {
  const std::string list = "Attendees:\nMaria Gonzalez\nTom Becker\nHelen Park\n";
  const Strings found = Found(list, kNames);
  CHECK(Has(found, "PERSON:Maria Gonzalez"));
  for (const std::string& text :
       {list, std::string("Maria\nMaria\nMaria\n"), std::string("X\nX\nX\nX\nX\n"),
        Repeat("X\n", 1000), Repeat("\r\n\n X", 400), std::string("Thanks,\nSofia Lindqvist\nAcme Logistics\nLisbon")}) {
    CAPTURE(text);
    for (const Finding& f : SharedDetector().Detect(text, {})) {
      const std::string value = text.substr(f.start, f.end - f.start);
      CHECK_MESSAGE(value.find('\n') == std::string::npos,
                    f.type << " of " << value.size() << " bytes runs across lines");
    }
  }
}

TEST_CASE("detect tagger: the detector is safe for concurrent use") {
  const std::string text = "Hi Jonas, the venue in Oslo is booked. Thanks, Ingrid Halvorsen";
  const std::vector<Finding> expected = SharedDetector().Detect(text, {});
  std::vector<int> same(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 50; ++k) same[t] += SharedDetector().Detect(text, {}) == expected;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : same) CHECK(count == 50);
}

TEST_CASE("detect tagger: evaluation counts the words of gold spans left in clear") {
  // Gold: "Anna Maria Schmidt" (3 words); the prediction covers "Anna Maria".
  const LabelledText record = Record("Ask Anna Maria Schmidt today", {{"PERSON", 4, 22}});
  EvaluationReport report;
  ScoreRecord(record, {{"PERSON", 4, 14, 0.9}}, {}, &report);
  FinishReport(&report);
  CHECK(report.leaks.at("PERSON").gold_tokens == 3);
  CHECK(report.leaks.at("PERSON").leaked_tokens == 1);
  CHECK(report.leak.gold_tokens == 3);
  CHECK(report.leak.leaked_tokens == 1);
  CHECK(report.leak.LeakRate() == doctest::Approx(1.0 / 3));
  // The prediction covers more than half of the gold span: a match.
  CHECK(report.per_type.at("PERSON").true_positives == 1);
  CHECK(report.mistakes.empty());

  SUBCASE("a prediction of another type still covers the words") {
    EvaluationReport other;
    ScoreRecord(record, {{"ORGANIZATION", 4, 22, 0.9}}, {}, &other);
    CHECK(other.leaks.at("PERSON").leaked_tokens == 0);
    CHECK(other.per_type.at("PERSON").false_negatives == 1);
  }
  SUBCASE("a word cut in half leaks") {
    EvaluationReport cut;
    ScoreRecord(record, {{"PERSON", 4, 19, 0.9}}, {}, &cut);
    CHECK(cut.leaks.at("PERSON").leaked_tokens == 1);
  }
  SUBCASE("no prediction leaks every word") {
    EvaluationReport none;
    ScoreRecord(record, {}, {}, &none);
    CHECK(none.leaks.at("PERSON").leaked_tokens == 3);
  }
  SUBCASE("unscored types do not count") {
    EvaluationReport only;
    ScoreRecord(record, {}, {"LOCATION"}, &only);
    CHECK(only.leaks.count("PERSON") == 0);
  }
}

TEST_CASE("detect tagger: an ignore span absorbs a false positive") {
  const std::string text = "Meet at Acme Tower with Bo";
  const std::vector<Finding> predicted = {{"ORGANIZATION", 8, 12, 0.8}};
  EvaluationReport plain;
  ScoreRecord(Record(text, {}), predicted, {}, &plain);
  CHECK(plain.per_type.at("ORGANIZATION").false_positives == 1);
  REQUIRE(plain.mistakes.size() == 1);

  EvaluationReport ignored;
  ScoreRecord(Record(text, {}, {{"LOCATION", 8, 18}}), predicted, {}, &ignored);
  CHECK(ignored.per_type["ORGANIZATION"].false_positives == 0);
  CHECK(ignored.per_type["ORGANIZATION"].true_positives == 0);
  CHECK(ignored.mistakes.empty());

  // An ignore span does not excuse a missed gold span.
  EvaluationReport missed;
  ScoreRecord(Record(text, {{"PERSON", 24, 26}}, {{"PERSON", 24, 26}}), {}, {}, &missed);
  CHECK(missed.per_type.at("PERSON").false_negatives == 1);
}

TEST_CASE("detect tagger: evaluation lists its mistakes in corpus order") {
  const std::vector<LabelledText> corpus = {
      Record("Lunch with Maria in Lyon", {{"PERSON", 11, 16}, {"LOCATION", 20, 24}}),
      Record("Call Acme about Bob", {{"PERSON", 16, 19}}),
  };
  const FixedDetector detector({
      {corpus[0].text, {{"PERSON", 11, 16, 0.9}}},
      {corpus[1].text, {{"ORGANIZATION", 5, 9, 0.7}}},
  });
  const EvaluationReport report = Evaluate(detector, corpus, {});
  CHECK(report.texts == 2);
  REQUIRE(report.mistakes.size() == 3);
  CHECK(report.mistakes[0].missed);
  CHECK(report.mistakes[0].type == "LOCATION");
  CHECK(report.mistakes[0].value == "Lyon");
  CHECK_FALSE(report.mistakes[1].missed);
  CHECK(report.mistakes[1].type == "ORGANIZATION");
  CHECK(report.mistakes[1].value == "Acme");
  CHECK(report.mistakes[2].missed);
  CHECK(report.mistakes[2].type == "PERSON");
  CHECK(report.mistakes[2].value == "Bob");
  CHECK(report.micro.true_positives == 1);
  CHECK(report.micro.false_positives == 1);
  CHECK(report.micro.false_negatives == 2);
  CHECK(report.leak.gold_tokens == 3);
  CHECK(report.leak.leaked_tokens == 2);
  const std::string table = FormatReport(report);
  CHECK(table.find("leaked tokens    2 of 3 words") != std::string::npos);

  // Restricted to PERSON, the other types' mistakes are not listed.
  const EvaluationReport people = Evaluate(detector, corpus, {"PERSON"});
  REQUIRE(people.mistakes.size() == 1);
  CHECK(people.mistakes[0].value == "Bob");
}

TEST_CASE("detect tagger: corpus records carry ignore spans and their document") {
  LabelledText record;
  std::string error;
  REQUIRE_MESSAGE(
      ParseLabelledLine(R"({"text": "Meet Bo at Acme", "doc": "chat-17", "spans": [{"type": "PERSON", "start": 5, "end": 7}], "ignore": [{"type": "ORGANIZATION", "start": 11, "end": 15}]})",
                        &record, &error),
      error);
  CHECK(record.doc == "chat-17");
  REQUIRE(record.spans.size() == 1);
  REQUIRE(record.ignore.size() == 1);
  CHECK(record.ignore[0].type == "ORGANIZATION");
  CHECK(record.ignore[0].start == 11);
  CHECK(record.ignore[0].end == 15);
  CHECK(ParseLabelledLine(R"({"text": "Bo", "spans": []})", &record, &error));
  CHECK(record.ignore.empty());
  CHECK(record.doc.empty());
  CHECK_FALSE(ParseLabelledLine(
      R"({"text": "Bo", "spans": [], "ignore": [{"type": "PERSON", "start": 0, "end": 9}]})",
      &record, &error));
  CHECK(error.find("outside text") != std::string::npos);
}

TEST_SUITE_END();
