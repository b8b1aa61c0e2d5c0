#pragma once
// Output files are written under a temporary name beside the target and renamed into place,
// so a failure never leaves half a file where the user expects the result.

#include <string>

namespace pg {

class AtomicFile {
 public:
  /// Creates the target's folder if needed; `suffix` ends the temporary name (some writers,
  /// like libxlsxwriter, care about the extension).
  explicit AtomicFile(const std::string& target, const std::string& suffix = "");
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  /// Removes the temporary file unless Commit() succeeded.
  ~AtomicFile();

  const std::string& TemporaryPath() const { return temporary_; }
  /// Renames the temporary file onto the target; on failure says why in `*error`.
  bool Commit(std::string* error);

 private:
  std::string target_;
  std::string temporary_;
  bool committed_ = false;
};

/// Writes `contents` to `path` through an AtomicFile.
bool WriteFileAtomically(const std::string& path, const std::string& contents, std::string* error);

}  // namespace pg
