#include "io/xlsx_writer.h"

#include "io/atomic_file.h"

#include <filesystem>
#include <memory>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "io/model_tables.h"

namespace pg {
namespace {

namespace fs = std::filesystem;

// workbook_close frees the workbook; this closes it if we leave early.
struct WorkbookCloser {
  void operator()(lxw_workbook* workbook) const { workbook_close(workbook); }
};

}  // namespace

bool WriteXlsxModel(const PartnershipGraph& graph, const std::string& path, std::string* error) {
  AtomicFile file(path, ".xlsx");
  const std::string& temporary = file.TemporaryPath();
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  std::unique_ptr<lxw_workbook, WorkbookCloser> workbook(workbook_new_opt(temporary.c_str(), &options));
  if (!workbook) {
    *error = fmt::format("cannot write {}", path);
    return false;
  }
  for (const ModelTable& table : ModelToTables(graph)) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook.get(), table.name.c_str());
    if (!sheet) {
      *error = fmt::format("cannot write {}: cannot add sheet {}", path, table.name);
      return false;
    }
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.header[c].c_str(), nullptr);
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
        const TableCell& cell = table.rows[r][c];
        if (cell.text.empty()) continue;
        const auto col = static_cast<lxw_col_t>(c);
        const lxw_error status = cell.number ? worksheet_write_number(sheet, row, col, cell.value, nullptr)
                                             : worksheet_write_string(sheet, row, col, cell.text.c_str(), nullptr);
        if (status != LXW_NO_ERROR) {
          *error = fmt::format("cannot write {}[{}] row {}: {}", path, table.name, r + 2, lxw_strerror(status));
          return false;
        }
      }
    }
  }
  const lxw_error status = workbook_close(workbook.release());
  if (status != LXW_NO_ERROR) {
    *error = fmt::format("cannot write {}: {}", path, lxw_strerror(status));
    return false;
  }
  return file.Commit(error);
}

}  // namespace pg
