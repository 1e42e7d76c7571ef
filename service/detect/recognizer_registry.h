// The table of built-in recognizers the detector is assembled from.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "detect/detector.h"
#include "detect/recognizer.h"

namespace privacy::detect {

// Builds one recognizer; may throw std::runtime_error on bad configuration.
using RecognizerFactory = std::unique_ptr<Recognizer> (*)(const DetectorConfig& config);

// Where the detector compiles a recognizer's patterns. A call scans only the
// databases holding patterns of recognizers it wants.
enum class ScanDatabase {
  kShared,  // one database with the patterns of every kShared recognizer
  // A database of its own, for patterns that hit very often (every capital
  // letter): calls without the recognizer do not pay for them, and two
  // smaller databases scan prose faster than one holding both.
  kOwn,
};

// A named entry of the registry.
struct RecognizerEntry {
  std::string_view name;
  RecognizerFactory make;
  ScanDatabase database = ScanDatabase::kShared;
};

// Every built-in recognizer. Adding one means writing its factory in its own
// recognizer_*.cc file and adding one line to this table.
std::span<const RecognizerEntry> BuiltinRecognizers();

// Factories of the built-in recognizers, one per recognizer_*.cc file.
std::unique_ptr<Recognizer> MakeEmailRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeUrlRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeIpAddressRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeMacAddressRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakePhoneRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeCreditCardRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeIbanRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeCryptoWalletRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeDateRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeUsSsnRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeUsItinRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeUkNhsRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeCaSinRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeEsNifRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeEsNieRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeInAadhaarRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeNlBsnRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeDeTaxIdRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeFrNirRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeItFiscalCodeRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeBrCpfRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeBrCnpjRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakePlPeselRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeSePersonnummerRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeUsAbaRoutingRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeAddressRecognizer(const DetectorConfig& config);
std::unique_ptr<Recognizer> MakeNameRecognizer(const DetectorConfig& config);

}  // namespace privacy::detect
