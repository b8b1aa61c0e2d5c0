#include "io/csv_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/atomic_file.h"
#include "io/chunked_text.h"
#include "io/model_tables.h"

namespace pg {
namespace {

namespace fs = std::filesystem;

bool StartsFormula(std::string_view text) {
  return !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@');
}

// A plain decimal number ("-5", "+3.2", "-1e5"), not "inf", "nan" or "-5+cmd".
bool IsNumber(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
  if (digits.empty() || !(std::isdigit(static_cast<unsigned char>(digits[0])) || digits[0] == '.')) return false;
  double value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return ec == std::errc() && end == digits.data() + digits.size();
}

std::string_view WithoutApostrophes(std::string_view text) {
  while (!text.empty() && text[0] == '\'') text.remove_prefix(1);
  return text;
}

std::string ErrnoText(int error) { return std::error_code(error, std::generic_category()).message(); }

bool NeedsApostrophe(std::string_view value) { return StartsFormula(WithoutApostrophes(value)) && !IsNumber(value); }

// Appends `value` as NeutraliseCsvCell (kSafe) then QuoteCsvCell would make it, without the copies.
void AppendCsvCell(std::string_view value, CsvCells mode, std::string* out) {
  const bool apostrophe = mode == CsvCells::kSafe && NeedsApostrophe(value);  // then `value` is not empty
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!value.empty() && ((!apostrophe && blank(value.front())) || blank(value.back())));
  if (quote) out->push_back('"');
  if (apostrophe) out->push_back('\'');
  if (!quote) {
    out->append(value);
    return;
  }
  for (const char c : value) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvLine(const std::vector<std::string>& cells, CsvCells mode, std::string* out) {
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (c > 0) out->push_back(',');
    AppendCsvCell(cells[c], mode, out);
  }
  out->push_back('\n');
}

void AppendCsvLine(const TableRow& cells, CsvCells mode, std::string* out) {
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (c > 0) out->push_back(',');
    AppendCsvCell(cells[c].text, mode, out);
  }
  out->push_back('\n');
}

// A table's CSV into `path`, a row at a time through a chunk of about a mebibyte; false with
// the errno text in `*why`.
bool WriteTableCsv(const ModelTable& table, CsvCells cells, const std::string& path, std::string* why) {
  return WriteAndSyncStream(path, [&](std::ostream& out) {
    ChunkedText text(out);
    AppendCsvLine(table.header, cells, text.Text());
    table.ForEachRow([&](const TableRow& row) {
      AppendCsvLine(row, cells, text.Text());
      text.Spill();
      return out.good();  // nothing more is made after a failed write
    });
  }, why);
}

// The sibling folder the files are written into, registered for the signal cleanup.
// Whatever it holds when it dies (nothing after a rename, the old files after an exchange,
// a half-written conversion after a failure) is removed.
class StagingFolder {
 public:
  StagingFolder(const fs::path& target, const std::vector<std::string>& names) {
    const CleanupSignalsHeld held;  // created and registered as one step
    const std::string base = target.string() + fmt::format(".tmp{}", ::getpid());
    for (int attempt = 0; attempt < 100 && path_.empty(); ++attempt) {
      const std::string name = attempt == 0 ? base : fmt::format("{}-{}", base, attempt);
      if (::mkdir(name.c_str(), 0777) == 0) {
        path_ = name;
      } else if (errno != EEXIST) {
        failure_ = errno;
        return;
      }
    }
    if (path_.empty()) return;
    for (const std::string& name : names) {
      slots_.push_back(RegisterTemporary((path_ / name).string(), /*folder=*/false));
    }
    slots_.push_back(RegisterTemporary(path_.string(), /*folder=*/true));
  }
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;
  ~StagingFolder() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
    for (const int slot : slots_) UnregisterTemporary(slot);
  }
  const fs::path& Path() const { return path_; }
  /// Why Path() is empty.
  int Failure() const { return failure_ ? failure_ : EEXIST; }

 private:
  fs::path path_;
  int failure_ = 0;
  std::vector<int> slots_;
};

// Where the folder goes: a link to a folder is followed (the link stays); false with the reason
// when `target` is something else or holds files other than a previous conversion's.
bool CheckFolderTarget(fs::path* target, const std::vector<std::string>& names, bool* exists, std::string* why) {
  std::error_code ec;
  if (fs::is_symlink(*target, ec)) {
    const fs::path resolved = fs::canonical(*target, ec);
    if (ec) {
      *why = fmt::format("it is a symbolic link to {}, which does not exist", fs::read_symlink(*target, ec).string());
      return false;
    }
    *target = resolved;
  }
  *exists = fs::exists(*target, ec);
  if (!*exists) return true;
  if (!fs::is_directory(*target, ec)) {
    *why = "it exists and is not a folder";
    return false;
  }
  for (const fs::directory_entry& entry : fs::directory_iterator(*target, ec)) {
    const std::string name = entry.path().filename().string();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      *why = fmt::format("the folder holds other files ({}); name a new or empty folder", name);
      return false;
    }
  }
  return true;
}

// Puts the staged folder at `target` in one step: an exchange when a previous conversion is
// there (the staging folder then holds it, to be removed), a rename otherwise; 0 or errno.
int SwapIntoPlace(const fs::path& staging, const fs::path& target, bool exists) {
  if (!exists) return std::rename(staging.c_str(), target.c_str()) == 0 ? 0 : errno;
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) return errno;
  // No exchange on this file system: move the old folder aside, the new one in, the old one out.
  const fs::path old = target.string() + fmt::format(".old{}", ::getpid());
  if (std::rename(target.c_str(), old.c_str()) != 0) return errno;
  if (std::rename(staging.c_str(), target.c_str()) != 0) {
    const int failure = errno;
    std::rename(old.c_str(), target.c_str());  // put the previous output back
    return failure;
  }
  std::error_code ignored;
  fs::remove_all(old, ignored);
  return 0;
}

// Writes the files `names` into folder `path` as WriteCsvTables says, each by `write_file(index,
// path of the staged file, why)`.
bool WriteFolder(const std::string& path, const std::vector<std::string>& names, std::string* error,
                 const std::function<bool(std::size_t, const std::string&, std::string*)>& write_file) {
  fs::path target(path);
  if (!target.has_filename()) target = target.parent_path();  // "out/" -> "out"
  bool exists = false;
  std::string why;
  if (!CheckFolderTarget(&target, names, &exists, &why)) {
    *error = fmt::format("cannot write {}: {}", path, why);
    return false;
  }
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const StagingFolder staging(target, names);
  if (staging.Path().empty()) {
    *error = fmt::format("cannot write {}: {}", path, ErrnoText(staging.Failure()));
    return false;
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!write_file(i, (staging.Path() / names[i]).string(), &why)) {
      *error = fmt::format("cannot write {}: {}", (fs::path(path) / names[i]).string(), why);
      return false;
    }
  }
  SyncFolder(staging.Path().string());
  if (const int failure = SwapIntoPlace(staging.Path(), target, exists)) {
    *error = fmt::format("cannot write {}: {}", path, ErrnoText(failure));
    return false;
  }
  SyncFolder(target.parent_path().string());
  return true;
}

}  // namespace

std::string NeutraliseCsvCell(std::string_view value) {
  std::string cell;
  if (NeedsApostrophe(value)) {
    cell.reserve(value.size() + 1);
    cell.push_back('\'');
  }
  cell.append(value);
  return cell;
}

std::string_view UnneutraliseCsvCell(std::string_view cell) {
  if (!cell.empty() && cell[0] == '\'' && StartsFormula(WithoutApostrophes(cell))) cell.remove_prefix(1);
  return cell;
}

std::string QuoteCsvCell(std::string_view cell) {
  std::string out;
  AppendCsvCell(cell, CsvCells::kRaw, &out);
  return out;
}

std::string TableToCsv(const ModelTable& table, CsvCells cells) {
  std::string out;
  AppendCsvLine(table.header, cells, &out);
  table.ForEachRow([&](const TableRow& row) {
    AppendCsvLine(row, cells, &out);
    return true;
  });
  return out;
}

CsvModelFiles ModelToCsv(const PartnershipGraph& graph, CsvCells cells) {
  const std::vector<ModelTable> tables = ModelToTables(graph);
  return {TableToCsv(tables[0], cells), TableToCsv(tables[1], cells), TableToCsv(tables[2], cells)};
}

bool WriteCsvFolder(const PartnershipGraph& graph, const std::string& path, std::string* error, CsvCells cells) {
  std::vector<ModelTable> tables = ModelToTables(graph);
  return WriteCsvTables(path,
                        {{"nodes.csv", std::move(tables[0])},
                         {"edges.csv", std::move(tables[1])},
                         {"metrics.csv", std::move(tables[2])}},
                        cells, error);
}

bool WriteCsvTables(const std::string& path, const std::vector<CsvTableFile>& files, CsvCells cells,
                    std::string* error) {
  std::vector<std::string> names;
  for (const CsvTableFile& file : files) names.push_back(file.name);
  return WriteFolder(path, names, error, [&](std::size_t i, const std::string& file_path, std::string* why) {
    return WriteTableCsv(files[i].table, cells, file_path, why);
  });
}

}  // namespace pg
