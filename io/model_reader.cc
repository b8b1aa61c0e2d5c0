#include "io/model_reader.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "graph/graph_builder.h"
#include "graph/text.h"
#include "io/csv_reader.h"
#include "io/json_model.h"
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
  ReadOnce once;
  if (!options.type_map.empty()) ok = ReadTypeMapFile(options.type_map, loader, diagnostics, limits);
  for (const std::string& input : inputs) {
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
  loader.FinishLoad();
  PartnershipGraph graph = builder.Build();
  if (!ok || diagnostics->HasErrors()) return std::nullopt;
  return graph;
}

}  // namespace pg
