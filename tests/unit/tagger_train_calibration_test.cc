// Unit tests of the tagger trainer's calibration fit
// (tools/tagger_train/perceptron_trainer: FitCalibration), read back through
// the model's CalibratedProbability.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "detect/tagger/tagger_model.h"
#include "tools/tagger_train/perceptron_trainer.h"

namespace privacy::tools {
namespace {

using detect::CalibratedProbability;
using detect::MarginCalibration;

// Whether the knots' margins and probabilities never fall.
bool NeverFalls(const MarginCalibration& c) {
  return std::is_sorted(c.margins.begin(), c.margins.end()) &&
         std::is_sorted(c.probabilities.begin(), c.probabilities.end());
}

TEST_CASE("tagger calibration: the share of right entities, rising with the margin") {
  // Below margin 0 one entity in five is right, above it four in five.
  std::vector<CalibrationSample> samples;
  for (int margin = -100; margin < 100; ++margin) {
    const bool right = margin < 0 ? margin % 5 == 0 : margin % 5 != 0;
    samples.push_back({static_cast<float>(margin), right, 1.0});
  }
  const MarginCalibration c = FitCalibration(samples);
  CHECK(NeverFalls(c));
  CHECK(CalibratedProbability(c, -60.0f) == doctest::Approx(0.2).epsilon(0.05));
  CHECK(CalibratedProbability(c, 60.0f) == doctest::Approx(0.8).epsilon(0.05));
  CHECK(c.margins.front() == -100.0f);
  CHECK(c.margins.back() == 99.0f);
}

TEST_CASE("tagger calibration: a falling stretch is pooled") {
  // Right, wrong, right in margin order: the first two become one block of
  // even chance, which the third, always right, follows.
  const MarginCalibration c =
      FitCalibration({{-1.0f, true, 1.0}, {0.0f, false, 1.0}, {1.0f, true, 1.0}});
  CHECK(NeverFalls(c));
  CHECK(CalibratedProbability(c, -1.0f) == doctest::Approx(0.5));
  CHECK(CalibratedProbability(c, 1.0f) == doctest::Approx(1.0));
  CHECK(CalibratedProbability(c, -2.0f) == 0.0);  // below anything seen
}

TEST_CASE("tagger calibration: samples weigh what they are given, ties are one block") {
  // At one margin, a right sample of weight 3 and a wrong one of weight 1.
  const MarginCalibration c = FitCalibration({{5.0f, false, 1.0}, {5.0f, true, 3.0}});
  CHECK(CalibratedProbability(c, 5.0f) == doctest::Approx(0.75));
  CHECK(CalibratedProbability(c, 50.0f) == doctest::Approx(0.75));
}

TEST_CASE("tagger calibration: margins past the cap count as the cap") {
  const MarginCalibration c = FitCalibration({{-5000.0f, false, 1.0}, {5000.0f, true, 1.0}});
  CHECK(c.margins.front() == -detect::kMarginCap);
  CHECK(c.margins.back() == detect::kMarginCap);
}

TEST_CASE("tagger calibration: no samples give an even chance everywhere") {
  const MarginCalibration c = FitCalibration({});
  CHECK(c.probabilities.front() == doctest::Approx(0.5));
  CHECK(c.probabilities.back() == doctest::Approx(0.5));
}

}  // namespace
}  // namespace privacy::tools
