#include "io/csv_writer.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

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

std::string TableToCsv(const ModelTable& table) {
  std::string out;
  auto line = [&](auto cells) {
    bool first = true;
    for (const std::string_view cell : cells) {
      if (!first) out += ',';
      first = false;
      out += QuoteCsvCell(NeutraliseCsvCell(cell));
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

bool WriteFile(const fs::path& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
  out.close();
  return static_cast<bool>(out);
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

CsvModelFiles ModelToCsv(const PartnershipGraph& graph) {
  const std::vector<ModelTable> tables = ModelToTables(graph);
  return {TableToCsv(tables[0]), TableToCsv(tables[1]), TableToCsv(tables[2])};
}

bool WriteCsvFolder(const PartnershipGraph& graph, const std::string& path, std::string* error) {
  std::error_code ec;
  fs::path target(path);
  if (!target.has_filename()) target = target.parent_path();  // "out/" -> "out"
  static constexpr const char* kFiles[] = {"nodes.csv", "edges.csv", "metrics.csv"};
  const bool exists = fs::exists(target, ec);
  if (exists) {
    if (!fs::is_directory(target, ec)) {
      *error = fmt::format("cannot write {}: it exists and is not a folder", path);
      return false;
    }
    for (const fs::directory_entry& entry : fs::directory_iterator(target, ec)) {
      const std::string name = entry.path().filename().string();
      if (name != kFiles[0] && name != kFiles[1] && name != kFiles[2]) {
        *error = fmt::format("cannot write {}: the folder holds other files ({}); name a new or empty folder", path,
                             name);
        return false;
      }
    }
  }
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const fs::path temporary = target.string() + fmt::format(".tmp{}", ::getpid());
  fs::remove_all(temporary, ec);
  if (!fs::create_directory(temporary, ec)) {
    *error = fmt::format("cannot write {}: {}", path, ec ? ec.message() : "cannot create a temporary folder");
    return false;
  }
  const CsvModelFiles files = ModelToCsv(graph);
  const std::string* contents[] = {&files.nodes, &files.edges, &files.metrics};
  for (int i = 0; i < 3; ++i) {
    if (!WriteFile(temporary / kFiles[i], *contents[i])) {
      fs::remove_all(temporary, ec);
      *error = fmt::format("cannot write {}", (target / kFiles[i]).string());
      return false;
    }
  }
  const fs::path old = target.string() + fmt::format(".old{}", ::getpid());
  if (exists) {
    fs::rename(target, old, ec);
    if (ec) {
      fs::remove_all(temporary, ec);
      *error = fmt::format("cannot replace {}: {}", path, ec.message());
      return false;
    }
  }
  fs::rename(temporary, target, ec);
  if (ec) {
    const std::string message = ec.message();
    if (exists) fs::rename(old, target, ec);  // put the previous output back
    fs::remove_all(temporary, ec);
    *error = fmt::format("cannot write {}: {}", path, message);
    return false;
  }
  if (exists) fs::remove_all(old, ec);
  return true;
}

}  // namespace pg
