#include "io/chunked_text.h"

#include <cerrno>
#include <fstream>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include "io/atomic_file.h"

namespace pg {
namespace {

std::string ErrnoText(int error) { return std::error_code(error, std::generic_category()).message(); }

// Fsyncs the file at `path` (an ofstream does not give its descriptor); 0 or errno.
int SyncFile(const std::string& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return errno;
  const int failure = ::fsync(descriptor) == 0 ? 0 : errno;
  ::close(descriptor);
  return failure;
}

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
