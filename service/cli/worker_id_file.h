// The file that holds a running worker's id, for health probes in the same
// container (`privacy-filter health --worker-file`).
#pragma once

#include <filesystem>
#include <string>

#include "common/status.h"

namespace privacy::cli {

// Writes the id on creation (replacing the file atomically, so a probe never
// reads half an id) and removes the file on destruction. Not thread-safe.
class WorkerIdFile {
 public:
  static Result<std::unique_ptr<WorkerIdFile>> Write(std::filesystem::path path,
                                                     const std::string& worker_id);
  ~WorkerIdFile();
  WorkerIdFile(const WorkerIdFile&) = delete;
  WorkerIdFile& operator=(const WorkerIdFile&) = delete;

 private:
  explicit WorkerIdFile(std::filesystem::path path) : path_(std::move(path)) {}

  std::filesystem::path path_;
};

// The id in a file written by WorkerIdFile (surrounding blanks trimmed).
Result<std::string> ReadWorkerIdFile(const std::filesystem::path& path);

}  // namespace privacy::cli
