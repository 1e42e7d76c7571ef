#include "cli/worker_id_file.h"

#include <fstream>
#include <iterator>
#include <memory>

namespace privacy::cli {

Result<std::unique_ptr<WorkerIdFile>> WorkerIdFile::Write(std::filesystem::path path,
                                                          const std::string& worker_id) {
  std::filesystem::path partial = path;
  partial += ".partial";
  {
    std::ofstream out(partial, std::ios::trunc);
    out << worker_id << "\n";
    if (!out.flush()) {
      return MakeError(ErrorCode::kInternal, "cannot write the worker id file " + path.string());
    }
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    return MakeError(ErrorCode::kInternal,
                     "cannot write the worker id file " + path.string() + ": " + error.message());
  }
  return std::unique_ptr<WorkerIdFile>(new WorkerIdFile(std::move(path)));
}

WorkerIdFile::~WorkerIdFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

Result<std::string> ReadWorkerIdFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return MakeError(ErrorCode::kNotFound, "no worker id file " + path.string());
  std::string text(std::istreambuf_iterator<char>(in), {});
  const char* blanks = " \t\r\n";
  size_t first = text.find_first_not_of(blanks);
  if (first == std::string::npos) {
    return MakeError(ErrorCode::kNotFound, "empty worker id file " + path.string());
  }
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

}  // namespace privacy::cli
