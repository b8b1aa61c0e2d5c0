#pragma once
// The seam between file formats and the model: a reader (CSV, XLSX, ...) streams tables as rows
// of cells; a sink (the model loader) decides what each table is from its header. Readers know
// nothing about partnership graphs, so a new format drops in beside the others.

#include <cstdint>
#include <memory>
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

/// Rows of one stretch of a big table, taken on a reader's worker thread (TableSink::NewChunk).
class RowChunk {
 public:
  virtual ~RowChunk() = default;
  virtual void Row(std::span<const std::string_view> cells, std::uint32_t line, CellColumns columns) = 0;
  /// Whether merging this chunk changes what chunks still being read look up (so the reader
  /// merges it only once no other is being read). Chunks are merged as they are done otherwise.
  virtual bool MergesAlone() const { return true; }
};

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
  /// A big table's rows may be read in stretches on several threads. After BeginTable, a reader
  /// asks for one chunk per stretch, in table order, hands each its stretch's rows on any thread
  /// (one thread per chunk), and gives them back to MergeChunk in the same order on this thread
  /// (while later ones may still be read; see MergesAlone), before EndTable: what the sink makes
  /// of them must be what Row would have made.
  /// `bytes`: about how much of the table the chunk gets. Null: this table's rows must come one
  /// by one through Row.
  virtual std::unique_ptr<RowChunk> NewChunk(std::uint64_t /*bytes*/) { return nullptr; }
  virtual void MergeChunk(std::unique_ptr<RowChunk> /*chunk*/) {}
};

}  // namespace pg
