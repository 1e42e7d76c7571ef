#include "worker/detector_factory.h"

#include <fstream>

#include "vault/token_format.h"

namespace privacy::worker {

namespace {

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Calls `on_line(line_number, trimmed_line)` for every meaningful line;
// stops at the first error it returns.
template <typename OnLine>
Status ForEachLine(const std::string& path, OnLine on_line) {
  std::ifstream in(path);
  if (!in) return MakeError(ErrorCode::kBadRequest, "cannot read " + path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string_view content = Trim(line);
    if (content.empty() || content.front() == '#') continue;
    if (std::string problem = on_line(content); !problem.empty()) {
      return MakeError(ErrorCode::kBadRequest,
                       path + ":" + std::to_string(number) + ": " + problem);
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::shared_ptr<const detect::Detector>> BuildDetector(const DetectionSettings& settings) {
  detect::DetectorConfig config = settings.detector;
  if (!settings.allow_list_file.empty()) {
    Status read = ForEachLine(settings.allow_list_file, [&](std::string_view value) {
      config.allow_values.emplace_back(value);
      return std::string();
    });
    if (!read) return read.error();
  }
  if (!settings.deny_list_file.empty()) {
    Status read = ForEachLine(settings.deny_list_file, [&](std::string_view line) {
      size_t space = line.find_first_of(" \t");
      if (space == std::string_view::npos) return std::string("expected \"TYPE value\"");
      std::string_view type = line.substr(0, space);
      if (!vault::IsEntityTypeName(type)) return std::string("type must match [A-Z0-9_]{1,32}");
      config.deny_values.push_back({std::string(Trim(line.substr(space))), std::string(type)});
      return std::string();
    });
    if (!read) return read.error();
  }
  try {
    return std::shared_ptr<const detect::Detector>(detect::CreateDetector(config));
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kBadRequest, e.what());
  }
}

}  // namespace privacy::worker
