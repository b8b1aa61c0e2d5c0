#include "io/xlsx_writer.h"

#include "io/atomic_file.h"

#include <filesystem>
#include <memory>
#include <string_view>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "io/model_tables.h"
#include "io/xml_text.h"

namespace pg {
namespace {

namespace fs = std::filesystem;

bool IsHex(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

// A cell's text as libxlsxwriter must get it, in `out` (reused from cell to cell): bytes that
// are not UTF-8 become U+FFFD (the XML would be unreadable otherwise), and an underscore that
// would start an `_xHHHH_` escape is itself escaped as `_x005F_`, since libxlsxwriter writes
// control characters as such escapes and the reader decodes them.
const char* XlsxText(std::string_view text, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size();) {
    const std::string_view rest = text.substr(i);
    if (rest.size() >= 7 && rest[0] == '_' && (rest[1] | 0x20) == 'x' && IsHex(rest[2]) && IsHex(rest[3]) &&
        IsHex(rest[4]) && IsHex(rest[5]) && rest[6] == '_') {
      out += "_x005F_";
      ++i;
      continue;
    }
    const std::size_t length = Utf8SequenceLength(rest);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(rest.substr(0, length));
      i += length;
    }
  }
  return out.c_str();
}

// workbook_close frees the workbook; this closes it if we leave early.
struct WorkbookCloser {
  void operator()(lxw_workbook* workbook) const { workbook_close(workbook); }
};

// The header, then each row as it is made (empty cells are left out); false with a message at
// the first cell libxlsxwriter refuses.
bool WriteSheet(const ModelTable& table, lxw_worksheet* sheet, const std::string& path, std::string* error) {
  std::string text;
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), XlsxText(table.header[c], text), nullptr);
  }
  lxw_row_t row = 0;
  return table.ForEachRow([&](const TableRow& cells) {
    ++row;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const TableCell& cell = cells[c];
      if (cell.text.empty()) continue;
      const auto col = static_cast<lxw_col_t>(c);
      const lxw_error status =
          cell.number ? worksheet_write_number(sheet, row, col, cell.value, nullptr)
                      : worksheet_write_string(sheet, row, col, XlsxText(cell.text, text), nullptr);
      if (status != LXW_NO_ERROR) {
        *error = fmt::format("cannot write {}[{}] row {}: {}", path, table.name, row + 1, lxw_strerror(status));
        return false;
      }
    }
    return true;
  });
}

}  // namespace

bool WriteXlsxModel(const PartnershipGraph& graph, const std::string& path, std::string* error) {
  return WriteXlsxTables(ModelToTables(graph), path, error);
}

bool WriteXlsxTables(const std::vector<ModelTable>& tables, const std::string& path, std::string* error) {
  for (const ModelTable& table : tables) {
    *error = XlsxSheetTooLong(path, table.name, table.rows);  // refused, not cut, before a byte is written
    if (!error->empty()) return false;
  }
  AtomicFile file(path, ".xlsx");
  const std::string& temporary = file.TemporaryPath();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to a temporary file as written: memory stays flat
  std::unique_ptr<lxw_workbook, WorkbookCloser> workbook(workbook_new_opt(temporary.c_str(), &options));
  if (!workbook) {
    *error = fmt::format("cannot write {}", path);
    return false;
  }
  for (const ModelTable& table : tables) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook.get(), table.name.c_str());
    if (!sheet) {
      *error = fmt::format("cannot write {}: cannot add sheet {}", path, table.name);
      return false;
    }
    if (!WriteSheet(table, sheet, path, error)) return false;
  }
  const lxw_error status = workbook_close(workbook.release());
  if (status != LXW_NO_ERROR) {
    *error = fmt::format("cannot write {}: {}", path, lxw_strerror(status));
    return false;
  }
  return file.Commit(error);
}

std::string XlsxSheetTooLong(const std::string& path, const std::string& table, std::size_t rows) {
  if (rows < LXW_ROW_MAX) return "";
  return fmt::format("cannot write {}: {} has {} rows, more than the {} a sheet holds under its header; "
                     "write CSV or JSON instead",
                     path, table, rows, LXW_ROW_MAX - 1);
}

}  // namespace pg
