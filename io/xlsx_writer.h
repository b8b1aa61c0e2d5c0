#pragma once
// Writes the model as an XLSX workbook with sheets nodes, edges and metrics (libxlsxwriter in
// its constant-memory mode: rows streamed to a temporary file, text as inline strings), which
// the XLSX reader loads back to the same model. Numbers are numeric cells; text is
// always a string cell, so a value starting with `=` is never a formula (no neutralising).

#include <string>
#include <vector>

#include "graph/partnership_graph.h"
#include "io/model_tables.h"

namespace pg {

/// Why a table of `rows` data rows cannot be one sheet (1,048,576 rows with the header), or ""
/// when it fits; the writer checks every table before it makes a row or creates a file.
std::string XlsxSheetTooLong(const std::string& path, const std::string& table, std::size_t rows);

/// Writes `path` atomically (a temporary file in the same folder, then a rename). False with
/// a message on error (including a cell over Excel's 32,767-character limit).
bool WriteXlsxModel(const PartnershipGraph& graph, const std::string& path, std::string* error);

/// The same for any tables, a sheet each named by ModelTable::name (the Kumu workbook).
bool WriteXlsxTables(const std::vector<ModelTable>& tables, const std::string& path, std::string* error);

}  // namespace pg
