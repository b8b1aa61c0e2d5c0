#pragma once
// The seam between file formats and the model: a reader (CSV, XLSX, ...) streams tables as rows
// of cells; a sink (the model loader) decides what each table is from its header. Readers know
// nothing about partnership graphs, so a new format drops in beside the others.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace pg {

/// Where a table comes from: `file` as the user named it, `sheet` empty for CSV.
struct TableOrigin {
  std::string file;
  std::string sheet;
  std::uint64_t bytes = 0;  ///< the table's size in its file where known (0: unknown), to reserve
};

/// Where each cell of a row starts, stamped by the reader as it delivers the row: the 1-based
/// character column for text formats (CSV), one per cell. Empty when the cell index is the place
/// itself (a spreadsheet column, or a JSON field): then cell i is at position i + 1.
using CellColumns = std::span<const std::uint32_t>;

class TableSink {
 public:
  virtual ~TableSink() = default;
  /// A new table starts; `header` are its first row's cells (BOM and surrounding blanks removed).
  /// Returns false to skip the table's rows (e.g. a sheet that is not a recognised table).
  virtual bool BeginTable(const TableOrigin& origin, std::span<const std::string_view> header,
                          std::uint32_t header_line, CellColumns columns) = 0;
  /// One data row. `line` is the 1-based line (CSV) or row number (XLSX) where the row starts.
  /// Cells are valid only during the call. Rows may be shorter or longer than the header.
  virtual void Row(std::span<const std::string_view> cells, std::uint32_t line, CellColumns columns) = 0;
  virtual void EndTable() = 0;
};

}  // namespace pg
