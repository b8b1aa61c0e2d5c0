#pragma once
// The model as three tables (nodes, edges, metrics) of typed cells, the common ground of the
// CSV and XLSX writers: every canonical column, then every kept attribute column (in the order
// first seen), multi-valued cells joined with `|`. Values are written so that reading them back
// gives the same model: numbers in their shortest round-trip form (fractions stay fractions:
// stake_pct 0.5, which the reader takes as 50%), dates with their own precision.
//
// A table is made a row at a time, into one reused row, as a writer asks for it: a 1M-edge model
// is never held a second time as text (that took ~850 MB), so a writer needs the model plus a row.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

struct TableCell {
  std::string text;       ///< empty: no value
  bool number = false;    ///< `value` holds it (XLSX writes a numeric cell)
  double value = 0;
};

using TableRow = std::vector<TableCell>;

struct ModelTable {
  std::string name;  ///< nodes, edges, metrics
  std::vector<std::string> header;
  std::size_t rows = 0;  ///< known before any row is made, so limits are checked before writing
  /// Sets `row` to data row `index` (one cell per header column), reusing its cells' storage.
  std::function<void(std::size_t index, TableRow& row)> fill;

  /// Calls `visit` with each row in order, all made in one reused buffer (valid during the call
  /// only); stops when `visit` returns false, and then returns false.
  bool ForEachRow(const std::function<bool(const TableRow&)>& visit) const;
};

/// Always three tables, in the order nodes, edges, metrics (a table may have no rows). They read
/// `graph` as their rows are made: it must outlive them.
std::vector<ModelTable> ModelToTables(const PartnershipGraph& graph);

}  // namespace pg
