#pragma once
// Writes the model as a CSV folder (nodes.csv, edges.csv, metrics.csv) that the CSV reader
// loads back to the same model.
//
// Formula injection: a text cell that starts with `=`, `+`, `-` or `@` would run as a formula
// when a spreadsheet opens the file. Such a cell is written with a leading apostrophe, the
// spreadsheet convention for "this is text" (`=HYPERLINK(...)` -> `'=HYPERLINK(...)`). Numbers
// are left alone (`-5`, `+3.2`, `-1e5` stay numbers). To keep round trips lossless the rule is
// applied after stripping leading apostrophes: a value that already starts with apostrophes
// followed by one of those characters gets one more. The CSV reader undoes exactly one
// apostrophe in that case (UnneutraliseCsvCell), so every value reads back as it was written.

#include <string>
#include <string_view>
#include <vector>

#include "graph/partnership_graph.h"
#include "io/model_tables.h"

namespace pg {

/// The cell as it must be written (before CSV quoting): with a leading `'` when it would
/// otherwise start a formula.
std::string NeutraliseCsvCell(std::string_view value);

/// The reader's inverse: drops one leading `'` when the apostrophes are followed by `=`, `+`,
/// `-` or `@`; other cells are returned unchanged.
std::string_view UnneutraliseCsvCell(std::string_view cell);

/// RFC 4180 quoting when needed (comma, quote, CR, LF, leading or trailing blank).
std::string QuoteCsvCell(std::string_view cell);

/// How text cells are written: kSafe neutralises formulas (above), for files people open in a
/// spreadsheet; kRaw writes every value as it is, for programs (pandas, neo4j-admin import).
enum class CsvCells { kSafe, kRaw };

/// One table as CSV text: the header, then a line per row, each cell quoted when needed.
std::string TableToCsv(const ModelTable& table, CsvCells cells);

struct CsvModelFiles {
  std::string nodes, edges, metrics;
};

/// The three files' contents.
CsvModelFiles ModelToCsv(const PartnershipGraph& graph, CsvCells cells = CsvCells::kSafe);

/// Writes the three files into folder `path` atomically: into a temporary sibling folder
/// (fsynced), then put in place in one step: exchanged with a previous conversion
/// (renameat2 RENAME_EXCHANGE; two renames where the file system cannot) or renamed. An
/// existing `path` is replaced only if it holds nothing but nodes.csv, edges.csv and
/// metrics.csv (a previous conversion); a link to a folder is followed and stays a link.
/// Otherwise false with a message that says why.
bool WriteCsvFolder(const PartnershipGraph& graph, const std::string& path, std::string* error,
                    CsvCells cells = CsvCells::kSafe);

/// One file of a folder output made from a table: its name inside the folder and the table.
struct CsvTableFile {
  std::string name;
  ModelTable table;
};

/// WriteCsvFolder's way for any set of tables (the model, Kumu and Neo4j folders): written
/// together or not at all, and an existing folder is replaced only if it holds nothing but files
/// of these names. Each file is written as its rows are made, through a small buffer, so a
/// folder of any size needs the memory of one row.
bool WriteCsvTables(const std::string& path, const std::vector<CsvTableFile>& files, CsvCells cells,
                    std::string* error);

}  // namespace pg
