#include "io/csv_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/atomic_file.h"
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

// The sibling folder the files are written into, registered for the signal cleanup.
// Whatever it holds when it dies (nothing after a rename, the old files after an exchange,
// a half-written conversion after a failure) is removed.
class StagingFolder {
 public:
  StagingFolder(const fs::path& target, const std::vector<CsvFile>& files) {
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
    for (const CsvFile& file : files) slots_.push_back(RegisterTemporary((path_ / file.name).string(), /*folder=*/false));
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
bool CheckFolderTarget(fs::path* target, const std::vector<CsvFile>& files, bool* exists, std::string* why) {
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
    if (std::none_of(files.begin(), files.end(), [&](const CsvFile& file) { return file.name == name; })) {
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

}  // namespace

std::string NeutraliseCsvCell(std::string_view value) {
  std::string cell;
  if (StartsFormula(WithoutApostrophes(value)) && !IsNumber(value)) {
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
  const bool quote = cell.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t' || cell.back() == ' ' ||
                                        cell.back() == '\t'));
  if (!quote) return std::string(cell);
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string TableToCsv(const ModelTable& table, CsvCells cells_mode) {
  std::string out;
  auto line = [&](auto cells) {
    bool first = true;
    for (const std::string_view cell : cells) {
      if (!first) out += ',';
      first = false;
      out += cells_mode == CsvCells::kRaw ? QuoteCsvCell(cell) : QuoteCsvCell(NeutraliseCsvCell(cell));
    }
    out += '\n';
  };
  std::vector<std::string_view> cells;
  for (const std::string& name : table.header) cells.push_back(name);
  line(cells);
  for (const auto& row : table.rows) {
    cells.clear();
    for (const TableCell& cell : row) cells.push_back(cell.text);
    line(cells);
  }
  return out;
}

CsvModelFiles ModelToCsv(const PartnershipGraph& graph, CsvCells cells) {
  const std::vector<ModelTable> tables = ModelToTables(graph);
  return {TableToCsv(tables[0], cells), TableToCsv(tables[1], cells), TableToCsv(tables[2], cells)};
}

bool WriteCsvFolder(const PartnershipGraph& graph, const std::string& path, std::string* error, CsvCells cells) {
  CsvModelFiles model = ModelToCsv(graph, cells);
  return WriteCsvFiles(path,
                       {{"nodes.csv", std::move(model.nodes)},
                        {"edges.csv", std::move(model.edges)},
                        {"metrics.csv", std::move(model.metrics)}},
                       error);
}

bool WriteCsvFiles(const std::string& path, const std::vector<CsvFile>& files, std::string* error) {
  fs::path target(path);
  if (!target.has_filename()) target = target.parent_path();  // "out/" -> "out"
  bool exists = false;
  std::string why;
  if (!CheckFolderTarget(&target, files, &exists, &why)) {
    *error = fmt::format("cannot write {}: {}", path, why);
    return false;
  }
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const StagingFolder staging(target, files);
  if (staging.Path().empty()) {
    *error = fmt::format("cannot write {}: {}", path, ErrnoText(staging.Failure()));
    return false;
  }
  for (const CsvFile& file : files) {
    if (!WriteAndSync((staging.Path() / file.name).string(), file.contents, &why)) {
      *error = fmt::format("cannot write {}: {}", (fs::path(path) / file.name).string(), why);
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

}  // namespace pg
