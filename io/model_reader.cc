#include "io/model_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <system_error>

#include "graph/graph_builder.h"
#include "graph/text.h"
#include "io/csv_reader.h"
#include "io/json_model.h"
#include "io/snapshot.h"
#include "io/stdin_input.h"
#include "io/table_loader.h"
#include "io/type_map.h"
#include "io/xlsx_reader.h"

namespace pg {
namespace {

namespace fs = std::filesystem;

enum class Format { kCsv, kXlsx, kJson, kUnknown };

/// By extension; a file named on the command line without one (data, /dev/stdin) is CSV text.
Format FormatOf(const fs::path& path, bool named = false) {
  const std::string extension = ToLower(path.extension().string());
  if (extension == ".csv" || extension == ".tsv" || extension == ".txt") return Format::kCsv;
  if (extension == ".xlsx" || extension == ".xlsm") return Format::kXlsx;
  if (extension == ".json") return Format::kJson;
  if (named && extension.empty()) return Format::kCsv;
  return Format::kUnknown;
}
bool ReadOne(const std::string& file, Format format, TableLoader& loader, Diagnostics* diagnostics,
             const LoadOptions& options) {
  const InputLimits& limits = options.limits;
  bool ok = false;
  switch (format) {
    case Format::kCsv: return ReadCsvFile(file, loader, diagnostics, limits, options.bytes_read);
    case Format::kXlsx: ok = ReadXlsxWorkbook(file, loader, diagnostics, XlsxReadOptions{.limits = limits}); break;
    case Format::kJson: ok = ReadJsonModel(file, loader, diagnostics, limits); break;
    case Format::kUnknown:
      diagnostics->Error({file}, "unsupported file type: expected .csv, .xlsx or .json (or a folder of them)");
      return false;
  }
  // Workbooks and JSON documents count for progress when read whole.
  std::error_code error;
  const std::uintmax_t size = fs::file_size(file, error);
  if (options.bytes_read && !error) options.bytes_read->fetch_add(size, std::memory_order_relaxed);
  return ok;
}

/// The files of a folder it can read, sorted; an entry that cannot be resolved (a symlink loop,
/// a dangling link) is a warning naming it and the reason, and the rest is read. Nullopt, with
/// an error, when the folder itself cannot be listed.
std::optional<std::vector<fs::path>> FolderFiles(const std::string& folder, Diagnostics* diagnostics) {
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::directory_iterator it(folder, error); it != fs::directory_iterator(); it.increment(error)) {
    if (error) break;
    std::error_code entry_error;
    const bool regular = it->is_regular_file(entry_error);
    if (entry_error) {
      diagnostics->Warning({it->path().string()}, "skipped: cannot resolve: " + entry_error.message());
      continue;
    }
    if (regular && FormatOf(it->path()) != Format::kUnknown) files.push_back(it->path());
  }
  if (error) {
    diagnostics->Error({folder}, "cannot read the folder: " + error.message());
    return std::nullopt;
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// The files read so far, by their canonical paths: one named twice (`validate a/ a/`, or a
/// folder and a file in it) is read once, or every edge in it would count twice.
class ReadOnce {
 public:
  /// True the first time; afterwards a warning at `named` saying it is read once.
  bool First(const std::string& named, Diagnostics* diagnostics) {
    std::error_code error;
    fs::path key = fs::canonical(named, error);
    if (error) key = fs::absolute(named, error).lexically_normal();
    if (seen_.insert(key.string()).second) return true;
    diagnostics->Warning({named}, "named more than once; read once");
    return false;
  }

 private:
  std::set<std::string> seen_;
};

/// A snapshot by its magic, or by its extension (then a file without the magic is refused by
/// the snapshot reader with a message saying so). Only regular files are sniffed: reading the
/// first bytes of a pipe would take them from the reader that follows.
bool IsSnapshot(const std::string& input, const std::optional<std::string>& stdin_bytes) {
  if (input == "-") return HasSnapshotMagic(*stdin_bytes);
  std::error_code error;
  const fs::file_status status = fs::status(input, error);
  if (error || fs::is_directory(status) || !fs::exists(status)) return false;
  if (ToLower(fs::path(input).extension().string()) == kSnapshotExtension) return true;
  if (!fs::is_regular_file(status)) return false;
  char first[8] = {};
  std::ifstream in(input, std::ios::binary);
  in.read(first, sizeof first);
  return HasSnapshotMagic(std::string_view(first, static_cast<std::size_t>(in.gcount())));
}

/// A snapshot is the whole model: read alone, with reading options that no longer apply said so.
std::optional<PartnershipGraph> LoadSnapshot(const std::vector<std::string>& inputs, const std::string& input,
                                             const std::optional<std::string>& stdin_bytes, Diagnostics* diagnostics,
                                             const LoadOptions& options) {
  const std::string name = input == "-" ? std::string(kStdinName) : input;
  if (inputs.size() > 1) {
    diagnostics->Error({name}, "a snapshot is read alone, not merged with other inputs; merge the sources into one "
                               "instead: partnergraph convert SOURCES... -o merged.pgraph");
    return std::nullopt;
  }
  if (!options.fx.empty()) {
    diagnostics->Warning({name}, "--fx ignored: a snapshot's amounts were converted to USD when it was written");
  }
  if (!options.type_map.empty()) {
    diagnostics->Warning({name}, "--type-map ignored: a snapshot's types were mapped when it was written");
  }
  if (stdin_bytes) return ReadSnapshot(*stdin_bytes, name, diagnostics);
  std::error_code error;
  if (fs::is_regular_file(input, error)) return ReadSnapshotFile(input, diagnostics);
  std::ifstream in(input, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ReadSnapshot(bytes, name, diagnostics);
}

/// Standard input, once, read whole before anything else. Nullopt when `-` is not named (or on
/// an error, reported).
std::optional<std::string> StdinBytes(const std::vector<std::string>& inputs, Diagnostics* diagnostics, bool* ok) {
  const auto dashes = std::count(inputs.begin(), inputs.end(), "-");
  if (dashes == 0) return std::nullopt;
  if (dashes > 1) {
    diagnostics->Error({std::string(kStdinName)}, "standard input (-) named more than once; it can be read once");
    *ok = false;
    return std::nullopt;
  }
  std::string error;
  std::optional<std::string> bytes = ReadStandardInput(&error);
  if (!bytes) {
    diagnostics->Error({std::string(kStdinName)}, "cannot read: " + error);
    *ok = false;
  } else if (bytes->empty()) {
    diagnostics->Error({std::string(kStdinName)}, "nothing on standard input (-): expected a table, a JSON model or a snapshot");
    *ok = false;
    bytes.reset();
  }
  return bytes;
}

}  // namespace

std::optional<PartnershipGraph> LoadModel(const std::vector<std::string>& inputs, Diagnostics* diagnostics,
                                          const LoadOptions& options) {
  const InputLimits& limits = options.limits;
  GraphBuilder builder(diagnostics);
  TableLoader loader(&builder, diagnostics, /*lenient=*/false, options);
  bool ok = true;
  if (inputs.empty()) {
    diagnostics->Error({}, "no input: name CSV files, a folder, an .xlsx workbook or a .json model");
    return std::nullopt;
  }
  const std::optional<std::string> stdin_bytes = StdinBytes(inputs, diagnostics, &ok);
  if (!ok) return std::nullopt;
  for (const std::string& input : inputs) {
    if (IsSnapshot(input, stdin_bytes)) return LoadSnapshot(inputs, input, input == "-" ? stdin_bytes : std::nullopt, diagnostics, options);
  }
  ReadOnce once;
  if (!options.type_map.empty()) ok = ReadTypeMapFile(options.type_map, loader, diagnostics, limits);
  for (const std::string& input : inputs) {
    if (input == "-") {
      loader.SetLenient(false);
      ok = ReadStdinTables(*stdin_bytes, loader, diagnostics, options) && ok;
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(input, error);
    if (!fs::exists(status)) {
      const bool missing = !error || error == std::errc::no_such_file_or_directory;
      diagnostics->Error({input}, missing ? "no such file or folder" : "cannot read: " + error.message());
      ok = false;
      continue;
    }
    if (!once.First(input, diagnostics)) continue;
    if (!fs::is_directory(status)) {
      const Format format = FormatOf(input, /*named=*/true);
      loader.SetLenient(format == Format::kXlsx);  // a workbook may hold unrelated sheets
      ok = ReadOne(input, format, loader, diagnostics, options) && ok;
      continue;
    }
    const std::optional<std::vector<fs::path>> files = FolderFiles(input, diagnostics);
    if (!files || files->empty()) {
      if (files) diagnostics->Error({input}, "folder holds no .csv, .xlsx or .json files");
      ok = false;
      continue;
    }
    loader.SetLenient(true);
    for (const fs::path& file : *files) {
      if (!once.First(file.string(), diagnostics)) continue;
      ok = ReadOne(file.string(), FormatOf(file), loader, diagnostics, options) && ok;
    }
  }
  // Build even after row errors, so unknown nodes are reported in the same run.
  PartnershipGraph graph = loader.Build();
  if (!ok || diagnostics->HasErrors()) return std::nullopt;
  return graph;
}

}  // namespace pg
