// The entity tagger's model file: saving and loading, weight lookup, load errors, calibration.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "detect/names/gazetteer.h"
#include "detect/tagger/feature_scores.h"
#include "detect/tagger/tagger_model.h"
#include "detect/tagger/token_features.h"
#include "file_bytes.h"

using namespace privacy::detect;
using privacy::testing::ReadBytes;
using privacy::testing::WriteBytes;

namespace {

constexpr uint32_t kFeatureSet = 77;
constexpr uint32_t kSlotBits = 10;

// A directory of its own under the system's temporary directory, removed
// with everything in it at the end of the test.
class TempDir {
 public:
  TempDir()
      : path_(std::filesystem::temp_directory_path() /
              ("privacy_tagger_model_test_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Small weights with every part set to values that are easy to tell apart.
TaggerWeights SampleWeights() {
  TaggerWeights w;
  w.feature_set_version = kFeatureSet;
  w.slot_bits = kSlotBits;
  w.word_clusters_checksum = 0x0123456789ABCDEFULL;
  w.word_vectors_checksum = 0xFEDCBA9876543210ULL;
  for (size_t k = 0; k < w.vector_weights.size(); ++k) {
    w.vector_weights[k] = std::cos(static_cast<float>(k)) * 0.5f;
  }
  for (int p = 0; p < kTagCount; ++p) {
    for (int y = 0; y < kTagCount; ++y) w.transitions.between[p][y] = 0.25f * p - 0.125f * y + 0.01f;
    w.transitions.first[p] = 0.5f - 0.0625f * p;
    w.transitions.last[p] = -0.3f + 0.07f * p;
  }
  w.calibration[0] = LogisticCalibration(0.015f, -2.0f);
  w.calibration[1] = LogisticCalibration(0.0075f, 0.5f);
  // Knots of an isotonic fit: steps, margins that repeat.
  for (int k = 0; k < kCalibrationKnots; ++k) {
    w.calibration[2].margins[k] = -100.0f + 10.0f * static_cast<float>(k / 2 * 2);
    w.calibration[2].probabilities[k] = std::min(1.0f, 0.05f * static_cast<float>(k / 4));
  }
  w.slots = {0, 3, 63, 64, 65, 700, 1023};
  for (size_t i = 0; i < w.slots.size(); ++i) {
    std::array<float, kTagCount> row;
    for (int y = 0; y < kTagCount; ++y) {
      row[y] = std::sin(static_cast<float>(i * kTagCount + y)) * 3.0f;
    }
    w.weights.push_back(row);
  }
  w.weights[2][5] = -4.0f;  // the largest magnitude
  return w;
}

// A feature hash whose slot (its top kSlotBits bits) is `slot`; the other
// bits do not matter.
uint64_t HashOfSlot(uint32_t slot, uint64_t low_bits = 0) {
  return (uint64_t{slot} << (64 - kSlotBits)) | (low_bits & ((uint64_t{1} << (64 - kSlotBits)) - 1));
}

// The message of TaggerModel::Load on `path`, or "" when it loads.
std::string LoadError(const std::string& path, uint32_t feature_set = kFeatureSet) {
  try {
    TaggerModel::Load(path, feature_set);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

// Fixes the FNV-1a checksum at the end of a model file's bytes.
void Reseal(std::string* bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i + 8 < bytes->size(); ++i) {
    h ^= static_cast<unsigned char>((*bytes)[i]);
    h *= 0x100000001b3ULL;
  }
  for (int i = 0; i < 8; ++i) (*bytes)[bytes->size() - 8 + i] = static_cast<char>(h >> (8 * i));
}

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect tagger: model weights survive saving and loading") {
  const TempDir dir;
  const TaggerWeights w = SampleWeights();
  SaveTaggerWeights(w, dir.File("m.tagger"));
  const TaggerModel model = TaggerModel::Load(dir.File("m.tagger"), kFeatureSet);
  CHECK(model.feature_count() == w.slots.size());
  CHECK(model.word_clusters_checksum() == w.word_clusters_checksum);
  CHECK(model.word_vectors_checksum() == w.word_vectors_checksum);

  for (int p = 0; p < kTagCount; ++p) {
    CAPTURE(p);
    for (int y = 0; y < kTagCount; ++y) {
      CHECK(model.transitions().between[p][y] == w.transitions.between[p][y]);
    }
    CHECK(model.transitions().first[p] == w.transitions.first[p]);
    CHECK(model.transitions().last[p] == w.transitions.last[p]);
  }
  for (int t = 0; t < kTaggedTypeCount; ++t) {
    CAPTURE(t);
    for (int k = 0; k < kCalibrationKnots; ++k) {
      CHECK(model.Probability(t, w.calibration[t].margins[k]) >=
            w.calibration[t].probabilities[k] - 1e-6);
    }
  }

  const float scale = 4.0f / 32767.0f;
  for (size_t i = 0; i < w.slots.size(); ++i) {
    CAPTURE(w.slots[i]);
    float scores[kTagCount] = {};
    const uint64_t hash = HashOfSlot(w.slots[i], 0x123456789ULL * (i + 1));
    model.AddEmissions(&hash, &hash + 1, scores);
    for (int y = 0; y < kTagCount; ++y) {
      CAPTURE(y);
      CHECK(std::fabs(scores[y] - w.weights[i][y]) <= scale / 2 + 1e-6f);
    }
  }
  float largest[kTagCount] = {};
  const uint64_t hash = HashOfSlot(63);
  model.AddEmissions(&hash, &hash + 1, largest);
  CHECK(largest[5] == doctest::Approx(-4.0).epsilon(1e-6));
}

TEST_CASE("detect tagger: AddEmissions adds present slots and skips absent ones") {
  const TempDir dir;
  const TaggerWeights w = SampleWeights();
  SaveTaggerWeights(w, dir.File("m.tagger"));
  const TaggerModel model = TaggerModel::Load(dir.File("m.tagger"), kFeatureSet);

  SUBCASE("absent slots add nothing") {
    const uint64_t absent[] = {HashOfSlot(1), HashOfSlot(2), HashOfSlot(62), HashOfSlot(66),
                               HashOfSlot(699), HashOfSlot(701), HashOfSlot(1022)};
    float scores[kTagCount];
    for (int y = 0; y < kTagCount; ++y) scores[y] = 0.5f * y;
    model.AddEmissions(std::begin(absent), std::end(absent), scores);
    for (int y = 0; y < kTagCount; ++y) CHECK(scores[y] == 0.5f * y);
  }
  SUBCASE("no features add nothing") {
    float scores[kTagCount] = {};
    model.AddEmissions(nullptr, nullptr, scores);
    for (float s : scores) CHECK(s == 0.0f);
  }
  SUBCASE("present slots add to what the scores hold, repeats count twice") {
    const uint64_t hashes[] = {HashOfSlot(3), HashOfSlot(2), HashOfSlot(1023), HashOfSlot(3)};
    float scores[kTagCount];
    for (int y = 0; y < kTagCount; ++y) scores[y] = 1.0f;
    model.AddEmissions(std::begin(hashes), std::end(hashes), scores);
    for (int y = 0; y < kTagCount; ++y) {
      CAPTURE(y);
      const float expected = 1.0f + 2 * w.weights[1][y] + w.weights[6][y];
      CHECK(scores[y] == doctest::Approx(expected).epsilon(1e-3));
    }
  }
  SUBCASE("neighbouring slots across a 64-slot word boundary") {
    for (const uint32_t slot : {63u, 64u, 65u}) {
      CAPTURE(slot);
      const size_t row = slot == 63 ? 2 : slot == 64 ? 3 : 4;
      float scores[kTagCount] = {};
      const uint64_t hash = HashOfSlot(slot);
      model.AddEmissions(&hash, &hash + 1, scores);
      CHECK(scores[0] == doctest::Approx(w.weights[row][0]).epsilon(1e-3));
    }
  }
}

TEST_CASE("detect tagger: saving is deterministic") {
  const TempDir dir;
  const TaggerWeights w = SampleWeights();
  SaveTaggerWeights(w, dir.File("a.tagger"));
  SaveTaggerWeights(w, dir.File("b.tagger"));
  const std::string a = ReadBytes(dir.File("a.tagger"));
  CHECK_FALSE(a.empty());
  CHECK(a == ReadBytes(dir.File("b.tagger")));
  // Saving over an existing file replaces it whole.
  TaggerWeights smaller = w;
  smaller.slots.resize(1);
  smaller.weights.resize(1);
  SaveTaggerWeights(smaller, dir.File("a.tagger"));
  CHECK(ReadBytes(dir.File("a.tagger")).size() < a.size());
  SaveTaggerWeights(w, dir.File("a.tagger"));
  CHECK(ReadBytes(dir.File("a.tagger")) == a);
}

TEST_CASE("detect tagger: a model without weights loads and scores nothing") {
  const TempDir dir;
  TaggerWeights w = SampleWeights();
  w.slots.clear();
  w.weights.clear();
  SaveTaggerWeights(w, dir.File("empty.tagger"));
  const TaggerModel model = TaggerModel::Load(dir.File("empty.tagger"), kFeatureSet);
  CHECK(model.feature_count() == 0);
  float scores[kTagCount] = {};
  const uint64_t hash = HashOfSlot(3);
  model.AddEmissions(&hash, &hash + 1, scores);
  for (float s : scores) CHECK(s == 0.0f);
}

TEST_CASE("detect tagger: saving to an unwritable path throws") {
  const TempDir dir;
  CHECK_THROWS_AS(SaveTaggerWeights(SampleWeights(), dir.File("no/such/dir/m.tagger")),
                  std::runtime_error);
}

TEST_CASE("detect tagger: model load errors name the file and the problem") {
  const TempDir dir;
  const std::string good = dir.File("good.tagger");
  SaveTaggerWeights(SampleWeights(), good);
  const std::string bytes = ReadBytes(good);
  REQUIRE(LoadError(good).empty());

  SUBCASE("missing file") {
    const std::string path = dir.File("missing.tagger");
    const std::string message = LoadError(path);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find("cannot open") != std::string::npos);
  }
  SUBCASE("bad magic") {
    std::string bad = bytes;
    bad[0] = 'X';
    const std::string path = dir.File("magic.tagger");
    WriteBytes(path, bad);
    const std::string message = LoadError(path);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find("magic") != std::string::npos);
  }
  SUBCASE("empty file and a text file") {
    const std::string empty = dir.File("empty.tagger");
    WriteBytes(empty, "");
    CHECK(LoadError(empty).find(empty) != std::string::npos);
    const std::string text = dir.File("text.tagger");
    WriteBytes(text, std::string(4096, 'x'));
    CHECK(LoadError(text).find("magic") != std::string::npos);
  }
  SUBCASE("wrong feature set version") {
    const std::string message = LoadError(good, kFeatureSet + 1);
    CHECK(message.find(good) != std::string::npos);
    CHECK(message.find("feature set 77") != std::string::npos);
    CHECK(message.find("retrain") != std::string::npos);
  }
  SUBCASE("wrong format version") {
    std::string bad = bytes;
    bad[8] = 9;
    Reseal(&bad);
    const std::string path = dir.File("format.tagger");
    WriteBytes(path, bad);
    const std::string message = LoadError(path);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find("format version 9") != std::string::npos);
  }
  SUBCASE("truncated file") {
    const std::string path = dir.File("truncated.tagger");
    WriteBytes(path, bytes.substr(0, bytes.size() - 10));
    const std::string message = LoadError(path);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find("truncated") != std::string::npos);
  }
  SUBCASE("trailing bytes") {
    const std::string path = dir.File("longer.tagger");
    WriteBytes(path, bytes + "extra");
    CHECK(LoadError(path).find(path) != std::string::npos);
  }
  SUBCASE("a flipped byte in the weights") {
    std::string bad = bytes;
    bad[bad.size() - 12] ^= 0x01;
    const std::string path = dir.File("flipped.tagger");
    WriteBytes(path, bad);
    const std::string message = LoadError(path);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find("checksum mismatch") != std::string::npos);
  }
  SUBCASE("a flipped byte in the transitions") {
    std::string bad = bytes;
    bad[40] ^= 0x40;
    const std::string path = dir.File("flipped2.tagger");
    WriteBytes(path, bad);
    CHECK(LoadError(path).find("checksum mismatch") != std::string::npos);
  }
  SUBCASE("slots out of order or out of range") {
    TaggerWeights unsorted = SampleWeights();
    std::swap(unsorted.slots[0], unsorted.slots[1]);
    const std::string path = dir.File("unsorted.tagger");
    SaveTaggerWeights(unsorted, path);
    const std::string message = LoadError(path);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find("not sorted") != std::string::npos);
    TaggerWeights wide = SampleWeights();
    wide.slots.back() = 1u << kSlotBits;
    SaveTaggerWeights(wide, path);
    CHECK(LoadError(path).find("not sorted") != std::string::npos);
  }
}

TEST_CASE("detect tagger: probability rises with the margin and follows the calibration") {
  const TempDir dir;
  const TaggerWeights w = SampleWeights();
  SaveTaggerWeights(w, dir.File("m.tagger"));
  const TaggerModel model = TaggerModel::Load(dir.File("m.tagger"), kFeatureSet);
  for (int t = 0; t < kTaggedTypeCount; ++t) {
    CAPTURE(t);
    const MarginCalibration& c = w.calibration[t];
    double previous = 0.0;
    bool rising = true;
    for (float margin = -1200.0f; margin <= 1200.0f; margin += 0.5f) {
      const double p = model.Probability(t, margin);
      rising = rising && p >= previous && p >= 0.0 && p <= 1.0;
      previous = p;
    }
    CHECK(rising);
    // Below the first knot nothing was seen: no chance; past the last, the
    // last knot's.
    CHECK(model.Probability(t, c.margins.front() - 1.0f) == 0.0);
    CHECK(model.Probability(t, 1e9f) == doctest::Approx(c.probabilities.back()));
    if (model.EvenOddsMargin(t) < kMarginCap) {
      CHECK(model.Probability(t, model.EvenOddsMargin(t)) == doctest::Approx(0.5));
      CHECK(model.Probability(t, model.EvenOddsMargin(t) - 0.01f) < 0.5);
    }
  }
  // The logistic curve, sampled, is read back between its knots.
  CHECK(model.Probability(0, 0.0f) == doctest::Approx(Logistic(-2.0)).epsilon(0.02));
  CHECK(model.Probability(1, 0.0f) == doctest::Approx(Logistic(0.5)).epsilon(0.02));
  // Between two knots the probability is interpolated linearly.
  const MarginCalibration& steps = w.calibration[2];
  CHECK(model.Probability(2, (steps.margins[3] + steps.margins[4]) / 2) ==
        doctest::Approx((steps.probabilities[3] + steps.probabilities[4]) / 2));
  CHECK(model.EvenOddsMargin(2) == kMarginCap);  // it never reaches 0.5
}

TEST_CASE("detect tagger: MarginFloor is where the likeliest type reaches 2 percent") {
  const TempDir dir;
  TaggerWeights w = SampleWeights();
  SaveTaggerWeights(w, dir.File("m.tagger"));
  const TaggerModel model = TaggerModel::Load(dir.File("m.tagger"), kFeatureSet);
  const float floor = model.MarginFloor();
  double highest = 0.0;
  for (int t = 0; t < kTaggedTypeCount; ++t) {
    CAPTURE(t);
    highest = std::max(highest, model.Probability(t, floor));
    CHECK(model.Probability(t, floor - 0.01f) < 0.02);
  }
  CHECK(highest == doctest::Approx(0.02).epsilon(1e-3));

  SUBCASE("a type whose first knot is surer starts at that knot") {
    for (float& p : w.calibration[1].probabilities) p = std::max(p, 0.1f);
    SaveTaggerWeights(w, dir.File("sure.tagger"));
    CHECK(TaggerModel::Load(dir.File("sure.tagger"), kFeatureSet).MarginFloor() ==
          w.calibration[1].margins[0]);
  }
  SUBCASE("flat types are left out") {
    w.calibration[0] = LogisticCalibration(0.0f, 3.0f);
    w.calibration[1] = LogisticCalibration(0.0f, 0.0f);
    SaveTaggerWeights(w, dir.File("flat.tagger"));
    const TaggerModel flat = TaggerModel::Load(dir.File("flat.tagger"), kFeatureSet);
    CHECK(flat.Probability(2, flat.MarginFloor()) == doctest::Approx(0.02));
  }
  SUBCASE("no type that is not flat: nothing is offered") {
    for (MarginCalibration& c : w.calibration) c = LogisticCalibration(0.0f, 0.0f);
    SaveTaggerWeights(w, dir.File("none.tagger"));
    CHECK(TaggerModel::Load(dir.File("none.tagger"), kFeatureSet).MarginFloor() == kMarginCap);
  }
}

TEST_CASE("detect tagger: a calibration that falls is refused") {
  const TempDir dir;
  TaggerWeights w = SampleWeights();
  std::swap(w.calibration[1].probabilities[3], w.calibration[1].probabilities[20]);
  SaveTaggerWeights(w, dir.File("falls.tagger"));
  CHECK(LoadError(dir.File("falls.tagger")).find("calibration") != std::string::npos);
}

TEST_CASE("detect tagger: the shipped model loads with this build's feature set") {
  const std::string path = DefaultTaggerModelPath();
  CHECK(std::filesystem::path(path).filename() == "names.tagger");
  const TaggerModel model = TaggerModel::Load(path, FeatureExtractor::kFeatureSetVersion);
  CHECK(model.feature_count() > 0);
  for (int t = 0; t < kTaggedTypeCount; ++t) {
    CAPTURE(t);
    CHECK(model.MarginFloor() < model.EvenOddsMargin(t));
    CHECK(model.Probability(t, model.EvenOddsMargin(t)) == doctest::Approx(0.5));
  }
  CHECK(LoadError(path, FeatureExtractor::kFeatureSetVersion + 1).find(path) != std::string::npos);
}

TEST_CASE("detect tagger: scores summed once per word and place equal the features one by one") {
  const TaggerModel model =
      TaggerModel::Load(DefaultTaggerModelPath(), FeatureExtractor::kFeatureSetVersion);
  const FeatureExtractor extractor(
      std::make_shared<const Gazetteer>(Gazetteer::Load(DefaultGazetteerPath())),
      std::make_shared<const WordClusters>(WordClusters::Load(DefaultWordClustersPath())),
      std::make_shared<const WordVectors>(WordVectors::Load(DefaultWordVectorsPath())));
  const float inverse_scale = 1.0f / extractor.vectors().scale();
  FeatureScoreScratch scratch;  // kept across texts, as the tagger keeps it
  for (const std::string text :
       {"Maria Gonzalez flies to Madrid with Maria and Dr. Okafor; Maria pays.",
        "the the the The THE the", "A", "", "  \n ,,, 42 ",
        "{\"first_name\": \"Ana\", \"city\": \"Porto\", \"note\": \"Ana in Porto\"}",
        "MEETING WITH JOHN SMITH AT ACME CORP IN BOSTON",
        "김민수가 서울에서 왔다. สมชาย ไป กรุงเทพ 张伟在北京。 وأحمد في القاهرة"}) {
    CAPTURE(text);
    TokenFeatures features;
    extractor.Extract(text, {}, &features);
    const size_t n = features.size();
    std::vector<float> one_by_one(n * kTagCount, 0.0f);
    std::vector<uint64_t> hashes;
    size_t scored = 0;
    for (size_t i = 0; i < n; ++i) {
      hashes.clear();
      features.AppendAllHashes(i, &hashes);
      if (features.outside[i]) {
        CHECK(hashes.empty());
        continue;
      }
      ++scored;
      model.AddEmissions(hashes.data(), hashes.data() + hashes.size(), &one_by_one[i * kTagCount]);
    }
    AddVectorScores(model.vector_weights(), features.vectors, features.outside.data(),
                    inverse_scale, one_by_one.data());
    std::vector<float> once(n * kTagCount, 0.0f);
    AddFeatureScores(model, features, inverse_scale, &scratch, once.data());
    CHECK(once == one_by_one);
    if (scored > 0) {
      CHECK(std::any_of(once.begin(), once.end(), [](float v) { return v != 0.0f; }));
    }
  }
}

TEST_SUITE_END();
