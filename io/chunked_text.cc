#include "io/chunked_text.h"

#include <cerrno>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

#include "io/atomic_file.h"

namespace pg {
namespace {

std::string ErrnoText(int error) { return std::error_code(error, std::generic_category()).message(); }

}  // namespace

bool WriteAndSyncStream(const std::string& path, const std::function<void(std::ostream&)>& write, std::string* why) {
  int failure = 0;
  {
    errno = 0;  // an ofstream keeps no error of its own: the failing call's errno is the reason
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) write(out);
    out.close();
    if (!out) failure = errno ? errno : EIO;
  }
  if (!failure) failure = SyncFile(path);
  if (failure) *why = ErrnoText(failure);
  return failure == 0;
}

bool WriteStreamAtomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           std::string* error) {
  AtomicFile file(path);
  std::string why;
  if (!WriteAndSyncStream(file.TemporaryPath(), write, &why)) {
    *error = fmt::format("cannot write {}: {}", path, why);
    return false;
  }
  return file.Commit(error);
}

}  // namespace pg
