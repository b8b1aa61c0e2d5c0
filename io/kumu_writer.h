#pragma once
// The model as Kumu imports it: an Elements table (ID, Label, Type, Roles, Markets, Tags,
// Description, Source, then kept columns) and a Connections table (From, To, Type, Direction,
// amount_usd ... status, with the edge's note as Kumu's Description), plus a Metrics table so
// nothing is dropped (Kumu ignores it; partnergraph reads it). Names are the ones our reader
// takes as Kumu's (io/table_loader.cc), so an export reads back into the same model; Direction
// is always written (Kumu's default is directed, ours depends on the type), and From/To name
// ids, which Kumu resolves through the ID column.

#include <string>
#include <vector>

#include "graph/partnership_graph.h"
#include "io/csv_writer.h"
#include "io/model_tables.h"

namespace pg {

/// Elements, Connections and Metrics (the sheet names of a Kumu workbook); like ModelToTables,
/// made a row at a time from `graph`, which must outlive them.
std::vector<ModelTable> KumuTables(const PartnershipGraph& graph);

/// elements.csv, connections.csv and metrics.csv (for WriteCsvTables).
std::vector<CsvTableFile> KumuCsvFiles(const PartnershipGraph& graph);

}  // namespace pg
