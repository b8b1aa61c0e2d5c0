#include "io/atomic_file.h"

#include <filesystem>
#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

namespace pg {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(const std::string& target, const std::string& suffix) : target_(target) {
  const fs::path path(target);
  std::error_code ignored;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ignored);
  temporary_ = target + fmt::format(".tmp{}{}", ::getpid(), suffix);
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove(temporary_, ignored);
}

bool AtomicFile::Commit(std::string* error) {
  std::error_code ec;
  fs::rename(temporary_, target_, ec);
  if (ec) {
    *error = fmt::format("cannot write {}: {}", target_, ec.message());
    return false;
  }
  committed_ = true;
  return true;
}

bool WriteFileAtomically(const std::string& path, const std::string& contents, std::string* error) {
  AtomicFile file(path);
  std::ofstream out(file.TemporaryPath(), std::ios::binary);
  out << contents;
  out.close();
  if (!out) {
    *error = fmt::format("cannot write {}", path);
    return false;
  }
  return file.Commit(error);
}

}  // namespace pg
