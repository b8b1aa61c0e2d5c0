#include "io/atomic_file.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pg {
namespace {

namespace fs = std::filesystem;

std::string ErrnoText(int error) { return std::error_code(error, std::generic_category()).message(); }

// -o /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the descriptor N, else -1. Writing to
// the descriptor keeps what the shell set up (a pipe, a terminal, `>> log` appending).
int DescriptorAlias(const std::string& target) {
  const std::string path = fs::path(target).lexically_normal().string();
  if (path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) continue;
    int descriptor = 0;
    for (std::size_t i = prefix.size(); i < path.size(); ++i) {
      if (path[i] < '0' || path[i] > '9' || descriptor > 100000) return -1;
      descriptor = descriptor * 10 + (path[i] - '0');
    }
    return descriptor;
  }
  return -1;
}

// Why a node of this type is not written: "it is a folder, not a file".
std::string NotAFile(mode_t mode) {
  if (S_ISDIR(mode)) return "it is a folder, not a file";
  if (S_ISSOCK(mode)) return "it is a socket, not a file";
  if (S_ISBLK(mode)) return "it is a block device; partnergraph writes files, character devices and FIFOs only";
  return "it is not a regular file";
}

// Creates `base` + suffix, or `base-N` + suffix when taken; empty with errno on failure.
std::string CreateExclusive(const std::string& base, const std::string& suffix) {
  static std::atomic<int> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string name = attempt == 0 ? base + suffix : fmt::format("{}-{}{}", base, ++counter, suffix);
    const int descriptor = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (descriptor >= 0) {
      ::close(descriptor);
      return name;
    }
    if (errno != EEXIST) return "";
  }
  return "";
}

// Writes all of `data`, retrying short writes and interruptions; false with errno set.
bool WriteAll(int descriptor, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(descriptor, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

// Copies the file `from` into the open descriptor `to`; 0 or the errno of the failure.
int CopyInto(const std::string& from, int to) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return errno;
  char buffer[1 << 16];
  int failure = 0;
  for (;;) {
    const ssize_t got = ::read(in, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) failure = errno;
    if (got <= 0) break;
    if (!WriteAll(to, buffer, static_cast<std::size_t>(got))) {
      failure = errno;
      break;
    }
  }
  ::close(in);
  return failure;
}

// The table the signal handler reads: only lock-free atomics and fixed buffers.
struct TemporarySlot {
  std::atomic<int> state{0};  // 0 free, 1 being filled, 2 live
  bool folder = false;
  char path[4096] = {};
};
TemporarySlot g_temporaries[16];
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

extern "C" void CleanupAndDie(int signal_number) {
  RemoveLiveTemporaries();
  struct sigaction action = {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signal_number, &action, nullptr);
  raise(signal_number);  // delivered with the default action when the handler returns
}

}  // namespace

int SyncFile(const std::string& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return errno;
  const int failure = ::fsync(descriptor) == 0 ? 0 : errno;
  ::close(descriptor);
  return failure;
}

AtomicFile::AtomicFile(const std::string& target, const std::string& suffix) : target_(target), resolved_(target) {
  const CleanupSignalsHeld held;  // created and registered as one step
  descriptor_ = DescriptorAlias(target);
  stream_ = descriptor_ >= 0;
  if (!stream_) Classify();
  if (!stream_ && refusal_.empty()) {
    temporary_ = CreateExclusive(resolved_ + fmt::format(".tmp{}", ::getpid()), suffix);
    if (temporary_.empty()) refusal_ = ErrnoText(errno);
  }
  if (temporary_.empty()) {  // a device's copy, or a refused target's (the writer still runs)
    std::error_code ignored;
    const fs::path folder = fs::temp_directory_path(ignored);
    temporary_ = CreateExclusive((folder / fmt::format("partnergraph-{}", ::getpid())).string(), suffix);
  }
  if (!temporary_.empty()) slot_ = RegisterTemporary(temporary_, /*folder=*/false);
}

// What the target is decides how it is written; sets resolved_, stream_ or refusal_.
void AtomicFile::Classify() {
  struct stat link = {};
  struct stat node = {};
  if (!fs::path(target_).has_filename()) {
    refusal_ = "a file name cannot end with /";
  } else if (::lstat(target_.c_str(), &link) != 0) {
    if (errno != ENOENT) {
      refusal_ = ErrnoText(errno);
      return;
    }
    const fs::path parent = fs::path(target_).parent_path();
    std::error_code ignored;
    if (!parent.empty()) fs::create_directories(parent, ignored);
  } else if (::stat(target_.c_str(), &node) != 0) {
    std::error_code ignored;
    refusal_ = errno == ENOENT ? fmt::format("it is a symbolic link to {}, which does not exist",
                                             fs::read_symlink(target_, ignored).string())
                               : ErrnoText(errno);
  } else if (S_ISCHR(node.st_mode) || S_ISFIFO(node.st_mode)) {
    stream_ = true;
  } else if (!S_ISREG(node.st_mode)) {
    refusal_ = NotAFile(node.st_mode);
  } else if (S_ISLNK(link.st_mode)) {
    std::error_code ec;
    resolved_ = fs::canonical(target_, ec).string();
    if (ec) refusal_ = ec.message();
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !temporary_.empty()) ::unlink(temporary_.c_str());
  UnregisterTemporary(slot_);
}

bool AtomicFile::Commit(std::string* error) {
  if (refusal_.empty() && temporary_.empty()) refusal_ = "cannot create a temporary file";
  if (!refusal_.empty()) {
    *error = fmt::format("cannot write {}: {}", target_, refusal_);
    return false;
  }
  return stream_ ? CommitStream(error) : CommitRename(error);
}

bool AtomicFile::CommitRename(std::string* error) {
  if (const int failure = SyncFile(temporary_)) {
    *error = fmt::format("cannot write {}: {}", target_, ErrnoText(failure));
    return false;
  }
  struct stat previous = {};
  if (::stat(resolved_.c_str(), &previous) == 0) ::chmod(temporary_.c_str(), previous.st_mode & 07777);
  if (std::rename(temporary_.c_str(), resolved_.c_str()) != 0) {
    *error = fmt::format("cannot write {}: {}", target_, ErrnoText(errno));
    return false;
  }
  committed_ = true;
  SyncFolder(fs::path(resolved_).parent_path().string());
  return true;
}

bool AtomicFile::CommitStream(std::string* error) {
  const int out = descriptor_ >= 0 ? descriptor_ : ::open(resolved_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  int failure = out < 0 ? errno : 0;
  struct stat node = {};
  if (!failure && descriptor_ < 0 && ::fstat(out, &node) == 0 && !S_ISCHR(node.st_mode) && !S_ISFIFO(node.st_mode)) {
    *error = fmt::format("cannot write {}: {}", target_, NotAFile(node.st_mode));  // swapped under us
    ::close(out);
    return false;
  }
  if (!failure) failure = CopyInto(temporary_, out);
  if (out >= 0 && descriptor_ < 0 && ::close(out) != 0 && !failure) failure = errno;
  if (failure) {
    *error = fmt::format("cannot write {}: {}", target_, ErrnoText(failure));
    return false;
  }
  ::unlink(temporary_.c_str());
  committed_ = true;
  return true;
}

bool WriteAndSync(const std::string& path, std::string_view contents, std::string* why) {
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (descriptor < 0) {
    *why = ErrnoText(errno);
    return false;
  }
  int failure = WriteAll(descriptor, contents.data(), contents.size()) ? 0 : errno;
  if (!failure && ::fsync(descriptor) != 0) failure = errno;
  if (::close(descriptor) != 0 && !failure) failure = errno;
  if (failure) *why = ErrnoText(failure);
  return failure == 0;
}

void SyncFolder(const std::string& folder) {
  const int descriptor = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (descriptor < 0) return;
  ::fsync(descriptor);
  ::close(descriptor);
}

bool WriteFileAtomically(const std::string& path, const std::string& contents, std::string* error) {
  AtomicFile file(path);
  std::string why;
  if (!WriteAndSync(file.TemporaryPath(), contents, &why)) {
    *error = fmt::format("cannot write {}: {}", path, why);
    return false;
  }
  return file.Commit(error);
}

int RegisterTemporary(const std::string& path, bool folder) {
  if (path.size() >= sizeof(TemporarySlot::path)) return -1;
  for (int i = 0; i < static_cast<int>(std::size(g_temporaries)); ++i) {
    TemporarySlot& slot = g_temporaries[i];
    int free = 0;
    if (!slot.state.compare_exchange_strong(free, 1)) continue;
    std::memcpy(slot.path, path.c_str(), path.size() + 1);
    slot.folder = folder;
    slot.state.store(2);
    return i;
  }
  return -1;
}

void UnregisterTemporary(int slot) {
  if (slot >= 0) g_temporaries[slot].state.store(0);
}

void RemoveLiveTemporaries() {
  for (const bool folders : {false, true}) {
    for (TemporarySlot& slot : g_temporaries) {
      if (slot.state.load() != 2 || slot.folder != folders) continue;
      if (folders) {
        ::rmdir(slot.path);
      } else {
        ::unlink(slot.path);
      }
    }
  }
}

CleanupSignalsHeld::CleanupSignalsHeld() {
  sigset_t held;
  sigemptyset(&held);
  for (const int signal_number : kCleanupSignals) sigaddset(&held, signal_number);
  pthread_sigmask(SIG_BLOCK, &held, &previous_);
}

CleanupSignalsHeld::~CleanupSignalsHeld() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

void InstallTemporaryCleanupOnSignals() {
  static_assert(std::atomic<int>::is_always_lock_free, "the signal handler reads the slots");
  for (const int signal_number : kCleanupSignals) {
    struct sigaction previous = {};
    if (sigaction(signal_number, nullptr, &previous) != 0) continue;
    if ((previous.sa_flags & SA_SIGINFO) || previous.sa_handler != SIG_DFL) continue;  // ignored or taken
    struct sigaction action = {};
    action.sa_handler = CleanupAndDie;
    sigemptyset(&action.sa_mask);
    for (const int other : kCleanupSignals) sigaddset(&action.sa_mask, other);
    sigaction(signal_number, &action, nullptr);
  }
}

}  // namespace pg
