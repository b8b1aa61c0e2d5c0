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

bool WriteStreamAtomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           std::string* error) {
  AtomicFile file(path);
  int failure = 0;
  {
    errno = 0;  // an ofstream keeps no error of its own: the failing write's errno is the reason
    std::ofstream out(file.TemporaryPath(), std::ios::binary | std::ios::trunc);
    if (out) write(out);
    out.close();
    if (!out) failure = errno ? errno : EIO;
  }
  if (!failure) failure = SyncFile(file.TemporaryPath());
  if (failure) {
    *error = fmt::format("cannot write {}: {}", path, ErrnoText(failure));
    return false;
  }
  return file.Commit(error);
}

}  // namespace pg
