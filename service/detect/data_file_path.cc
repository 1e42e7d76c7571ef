#include "detect/data_file_path.h"

#include <filesystem>

namespace privacy::detect {

std::string DefaultDataFilePath(std::string_view file_name) {
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return std::string(file_name);
  const std::filesystem::path beside = exe.parent_path() / file_name;
  if (std::filesystem::exists(beside, error)) return beside.string();
  const std::filesystem::path shared =
      exe.parent_path().parent_path() / "share" / "privacy-filter" / file_name;
  if (std::filesystem::exists(shared, error)) return shared.string();
  return beside.string();
}

}  // namespace privacy::detect
