#pragma once
// The model as three tables (nodes, edges, metrics) of typed cells, the common ground of the
// CSV and XLSX writers: every canonical column, then every kept attribute column (in the order
// first seen), multi-valued cells joined with `|`. Values are written so that reading them back
// gives the same model: numbers in their shortest round-trip form (fractions stay fractions:
// stake_pct 0.5, which the reader takes as 50%), dates with their own precision.

#include <string>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

struct TableCell {
  std::string text;       ///< empty: no value
  bool number = false;    ///< `value` holds it (XLSX writes a numeric cell)
  double value = 0;
};

struct ModelTable {
  std::string name;  ///< nodes, edges, metrics
  std::vector<std::string> header;
  std::vector<std::vector<TableCell>> rows;
};

/// Always three tables, in the order nodes, edges, metrics (a table may have no rows).
std::vector<ModelTable> ModelToTables(const PartnershipGraph& graph);

}  // namespace pg
