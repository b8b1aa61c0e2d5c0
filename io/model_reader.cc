#include "io/model_reader.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "graph/graph_builder.h"
#include "graph/text.h"
#include "io/csv_reader.h"
#include "io/json_model.h"
#include "io/table_loader.h"
#include "io/xlsx_reader.h"

namespace pg {
namespace {

namespace fs = std::filesystem;

enum class Format { kCsv, kXlsx, kJson, kUnknown };

Format FormatOf(const fs::path& path) {
  const std::string extension = ToLower(path.extension().string());
  if (extension == ".csv" || extension == ".tsv" || extension == ".txt") return Format::kCsv;
  if (extension == ".xlsx" || extension == ".xlsm") return Format::kXlsx;
  if (extension == ".json") return Format::kJson;
  return Format::kUnknown;
}

bool ReadOne(const std::string& file, Format format, TableLoader& loader, Diagnostics* diagnostics,
             const InputLimits& limits) {
  switch (format) {
    case Format::kCsv: return ReadCsvFile(file, loader, diagnostics, limits);
    case Format::kXlsx: return ReadXlsxWorkbook(file, loader, diagnostics, XlsxReadOptions{.limits = limits});
    case Format::kJson: return ReadJsonModel(file, loader, diagnostics, limits);
    case Format::kUnknown: break;
  }
  diagnostics->Error({file}, "unsupported file type: expected .csv, .xlsx or .json (or a folder of them)");
  return false;
}

}  // namespace

std::optional<PartnershipGraph> LoadModel(const std::vector<std::string>& inputs, Diagnostics* diagnostics,
                                          const InputLimits& limits) {
  GraphBuilder builder(diagnostics);
  TableLoader loader(&builder, diagnostics, /*lenient=*/false);
  bool ok = true;
  if (inputs.empty()) {
    diagnostics->Error({}, "no input: name CSV files, a folder, an .xlsx workbook or a .json model");
    return std::nullopt;
  }
  for (const std::string& input : inputs) {
    std::error_code error;
    const fs::file_status status = fs::status(input, error);
    if (!fs::exists(status)) {
      diagnostics->Error({input}, "no such file or folder");
      ok = false;
      continue;
    }
    if (!fs::is_directory(status)) {
      loader.SetLenient(FormatOf(input) == Format::kXlsx);  // a workbook may hold unrelated sheets
      ok = ReadOne(input, FormatOf(input), loader, diagnostics, limits) && ok;
      continue;
    }
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(input, error)) {
      if (entry.is_regular_file() && FormatOf(entry.path()) != Format::kUnknown) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      diagnostics->Error({input}, "folder holds no .csv, .xlsx or .json files");
      ok = false;
    }
    loader.SetLenient(true);
    for (const fs::path& file : files) {
      ok = ReadOne(file.string(), FormatOf(file), loader, diagnostics, limits) && ok;
    }
  }
  // Build even after row errors, so unknown nodes are reported in the same run.
  loader.AddPendingNodes();
  PartnershipGraph graph = builder.Build();
  if (!ok || diagnostics->HasErrors()) return std::nullopt;
  return graph;
}

}  // namespace pg
