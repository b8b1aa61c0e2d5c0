#pragma once
// The graph as a neo4j-admin bulk-import folder: nodes.csv (`id:ID,label,:LABEL,` then the
// other node fields) and relationships.csv (`:START_ID,:END_ID,:TYPE,` then the edge fields),
// in neo4j-admin import's header format with io/export_fields.h's fields and types
// (`amount_usd:double`, `roles:string[]`). Labels are the node's type and roles
// (`Investor|Cloud`), relationship types the canonical edge type in capitals (INVESTS,
// SUPPLIES_COMPUTE; a free type such as `licenses` is PARTNERS with type "licenses").
// Arrays and labels are `|`-separated: import with --array-delimiter='|' (Neo4jImportCommand).
// Cells are raw, never formula-neutralised: the apostrophe would end up in the database. An
// absent value is an empty field, which neo4j-admin skips (no property, not 0). A `:` in a
// kept column's name, which the header format reserves, becomes `_`. Metrics are not written.

#include <string>
#include <vector>

#include "graph/partnership_graph.h"
#include "io/csv_writer.h"

namespace pg {

/// nodes.csv and relationships.csv, for WriteCsvTables with CsvCells::kRaw: their rows are made
/// as they are written, so a folder of any size needs the model's memory and a row. A header
/// cell that needs CSV quoting (a kept column named `a,b`) is quoted.
std::vector<CsvTableFile> Neo4jTables(const PartnershipGraph& graph);

/// The neo4j-admin (5.x) command that imports the folder at `path` into database `neo4j`.
std::string Neo4jImportCommand(const std::string& path);

}  // namespace pg
