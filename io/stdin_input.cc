#include "io/stdin_input.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "io/atomic_file.h"
#include "io/csv_reader.h"
#include "io/json_model.h"

namespace pg {
namespace {

/// Passes tables on with their file renamed, so rows and provenance say `<stdin>`.
class RenamedTables : public TableSink {
 public:
  RenamedTables(TableSink& sink, std::string_view name) : sink_(sink), name_(name) {}
  bool BeginTable(const TableOrigin& origin, std::span<const std::string_view> header, std::uint32_t header_line,
                  CellColumns columns) override {
    TableOrigin renamed = origin;
    renamed.file = name_;
    return sink_.BeginTable(renamed, header, header_line, columns);
  }
  void Row(std::span<const std::string_view> cells, std::uint32_t line, CellColumns columns) override {
    sink_.Row(cells, line, columns);
  }
  void EndTable() override { sink_.EndTable(); }

 private:
  TableSink& sink_;
  std::string name_;
};

/// A temporary file holding `bytes`, removed on destruction (and on a fatal signal).
class TemporaryCopy {
 public:
  TemporaryCopy(const TemporaryCopy&) = delete;
  TemporaryCopy& operator=(const TemporaryCopy&) = delete;
  TemporaryCopy(std::string_view bytes, std::string* error) {
    std::error_code ignored;
    std::string pattern = (std::filesystem::temp_directory_path(ignored) / "partnergraph-stdin-XXXXXX").string();
    CleanupSignalsHeld held;
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
      *error = std::strerror(errno);
      return;
    }
    path_ = pattern;
    slot_ = RegisterTemporary(path_, /*folder=*/false);
    for (std::size_t done = 0; done < bytes.size();) {
      const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote <= 0) {
        *error = std::strerror(errno);
        break;
      }
      done += static_cast<std::size_t>(wrote);
    }
    ::close(fd);
  }
  ~TemporaryCopy() {
    if (path_.empty()) return;
    std::remove(path_.c_str());
    UnregisterTemporary(slot_);
  }
  const std::string& Path() const { return path_; }

 private:
  std::string path_;
  int slot_ = -1;
};

}  // namespace

std::optional<std::string> ReadStandardInput(std::string* error) {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      *error = std::strerror(errno);
      return std::nullopt;
    }
    if (got == 0) return bytes;
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
}

bool LooksLikeJson(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && bytes[first] == '{';
}

bool ReadStdinTables(std::string_view bytes, TableSink& sink, Diagnostics* diagnostics, const LoadOptions& options) {
  const std::string name(kStdinName);
  std::string error;
  const TemporaryCopy copy(bytes, &error);
  if (!error.empty()) {
    diagnostics->Error({name}, "cannot keep a copy of the input to read it: " + error);
    return false;
  }
  RenamedTables renamed(sink, name);
  Diagnostics found;
  const bool ok = LooksLikeJson(bytes) ? ReadJsonModel(copy.Path(), renamed, &found, options.limits)
                                       : ReadCsvFile(copy.Path(), renamed, &found, options.limits);
  for (Diagnostic diagnostic : found.All()) {
    if (diagnostic.where.file == copy.Path()) diagnostic.where.file = name;
    diagnostics->Add(diagnostic.severity, diagnostic.where, diagnostic.message);
  }
  if (options.bytes_read) options.bytes_read->fetch_add(bytes.size(), std::memory_order_relaxed);
  return ok;
}

}  // namespace pg
