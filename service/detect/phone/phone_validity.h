// libphonenumber's validity test for numbers written with a '+', without its
// regular-expression engine.
#pragma once

#include <hs/hs.h>

#include <array>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "detect/scan/scratch_pool.h"

namespace privacy::detect {

// Tells whether "+" followed by some digits is a number libphonenumber would
// parse and deem valid (PhoneNumberUtil::Parse, then IsValidNumber), from
// the metadata libphonenumber itself loads, its patterns compiled into
// Hyperscan. A calling code's patterns are compiled on its first use.
// Numbers whose national part starts like a national prefix (which Parse
// may strip) get no answer, and neither does anything if the metadata
// cannot be read. Safe for concurrent use.
class PhoneValidity {
 public:
  enum class Verdict { kValid, kInvalid, kUnknown };

  PhoneValidity();
  ~PhoneValidity();
  PhoneValidity(const PhoneValidity&) = delete;
  PhoneValidity& operator=(const PhoneValidity&) = delete;

  // Compiles the patterns of calling code `code` now instead of on its first
  // use (those of +1, shared by 25 regions, take about 0.2 s).
  void Prepare(int code) const;

  // The verdict on "+" followed by `digits` (ASCII digits only: calling
  // code, then national significant number).
  Verdict Check(std::string_view digits) const;

 private:
  struct CallingCode;

  const CallingCode* Compiled(int code) const;

  struct Metadata;
  std::unique_ptr<Metadata> metadata_;
  static constexpr int kMaxCallingCode = 999;
  mutable std::array<std::once_flag, kMaxCallingCode + 1> compiled_once_;
  mutable std::vector<std::unique_ptr<CallingCode>> calling_codes_;  // by code
};

}  // namespace privacy::detect
