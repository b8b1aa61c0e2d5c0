#pragma once
// Output files are written under a temporary name and then put in place in one step, so a
// failure never leaves half a file where the user expects the result, and nothing but a file
// (or what a link points to) is ever replaced:
// - a regular file or a new name: temporary beside it, fsync, rename, fsync the folder;
// - a symbolic link: the same beside the file it resolves to; the link stays a link;
// - a character device or FIFO (/dev/null, a named pipe, /dev/stdout): the whole output goes
//   to a temporary file first, then is copied into the device, so a failed render writes nothing;
// - anything else (a folder, a socket, a block device, a dangling link) is refused.
// Live temporaries are registered; when the CLI installs the signal cleanup, SIGINT, SIGTERM,
// SIGHUP or SIGPIPE removes them before the process dies of the signal.

#include <csignal>
#include <string>
#include <string_view>

namespace pg {

class AtomicFile {
 public:
  /// Creates the target's folder if needed and the temporary file; `suffix` ends the
  /// temporary name (some writers, like libxlsxwriter, care about the extension).
  explicit AtomicFile(const std::string& target, const std::string& suffix = "");
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  /// Removes the temporary file unless Commit() succeeded.
  ~AtomicFile();

  /// Where the writer writes (it exists, empty). When the target is refused the temporary is
  /// still usable, so every writer reaches Commit(), which gives the reason.
  const std::string& TemporaryPath() const { return temporary_; }
  /// Puts the temporary file's contents in place; on failure `*error` says
  /// "cannot write TARGET: why" and the target is untouched.
  bool Commit(std::string* error);

 private:
  void Classify();
  bool CommitRename(std::string* error);
  bool CommitStream(std::string* error);

  std::string target_;     // as the user named it, for messages
  std::string resolved_;   // where the rename lands (a link's target) or the device to open
  std::string temporary_;
  std::string refusal_;    // non-empty: Commit() fails with this
  int descriptor_ = -1;    // -o /dev/stdout, /dev/fd/N: write to this descriptor
  bool stream_ = false;    // copy into a device or FIFO instead of renaming
  bool committed_ = false;
  int slot_ = -1;          // registration for the signal cleanup
};

/// Writes `contents` to `path` through an AtomicFile.
bool WriteFileAtomically(const std::string& path, const std::string& contents, std::string* error);

/// Creates (truncates) `path`, writes all of `contents` and fsyncs it; on failure false with
/// the errno text in `*why`.
bool WriteAndSync(const std::string& path, std::string_view contents, std::string* why);

/// Fsyncs the file at `path` (an ofstream does not give its descriptor): 0 once its data is on
/// disk, else the errno.
int SyncFile(const std::string& path);

/// Fsyncs a folder so renames inside it survive a crash; failures are ignored (some file
/// systems cannot).
void SyncFolder(const std::string& folder);

/// Registers a temporary file or (empty) folder for removal on a fatal signal; returns a slot
/// for UnregisterTemporary, or -1 when the table is full or the path too long (then it is
/// simply not cleaned up on a signal). Register a folder's files before the folder.
int RegisterTemporary(const std::string& path, bool folder);
void UnregisterTemporary(int slot);

/// Holds back the cleanup signals for its lifetime, so that a temporary is never created and
/// killed before it is registered: a signal that arrives meanwhile is delivered on destruction.
class CleanupSignalsHeld {
 public:
  CleanupSignalsHeld();
  ~CleanupSignalsHeld();
  CleanupSignalsHeld(const CleanupSignalsHeld&) = delete;
  CleanupSignalsHeld& operator=(const CleanupSignalsHeld&) = delete;

 private:
  sigset_t previous_;
};

/// Installs the handler for SIGINT, SIGTERM, SIGHUP and SIGPIPE (signals that are ignored stay
/// ignored): it removes the registered temporaries, then dies of the signal as before.
void InstallTemporaryCleanupOnSignals();

/// Removes every registered temporary now: files first, then folders. Async-signal-safe.
void RemoveLiveTemporaries();

}  // namespace pg
