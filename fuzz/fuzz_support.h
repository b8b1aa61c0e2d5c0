#pragma once
// What the libFuzzer targets share: the input as a file in memory (memfd, so a million runs
// never touch the disk) and the load a user's `partnergraph analyze` does, from table rows to
// built graph to every pass. A target only picks the reader.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "graph/diagnostics.h"
#include "io/table_sink.h"

namespace pg::fuzz {

/// One anonymous in-memory file per process, rewritten for each input. Readers open it by
/// `Path()` (/proc/self/fd/N), as they would a file named on the command line.
class MemFile {
 public:
  explicit MemFile(const char* name);
  ~MemFile();
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  /// Replaces the contents with `data`.
  void Write(const std::uint8_t* data, std::size_t size);
  const std::string& Path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

/// A reader as the model loader calls it: streams a file to the sink, reports into diagnostics.
using ReadFunction = std::function<bool(TableSink& sink, Diagnostics* diagnostics)>;

/// Runs `read` into a TableLoader, builds the graph as LoadModel does (even after row errors),
/// formats every diagnostic, and when the load succeeded runs every analysis pass on it.
void LoadBuildAnalyze(const ReadFunction& read, bool lenient);


}  // namespace pg::fuzz
