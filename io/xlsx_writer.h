#pragma once
// Writes the model as an XLSX workbook with sheets nodes, edges and metrics (libxlsxwriter),
// which the XLSX reader loads back to the same model. Numbers are numeric cells; text is
// always a string cell, so a value starting with `=` is never a formula (no neutralising).

#include <cstddef>
#include <string>

#include "graph/partnership_graph.h"

namespace pg {

/// Writes `path` atomically (a temporary file in the same folder, then a rename). False with
/// a message on error (including a cell over Excel's 32,767-character limit).
/// Rows go out one at a time in libxlsxwriter's constant-memory mode (text as inline strings).
bool WriteXlsxModel(const PartnershipGraph& graph, const std::string& path, std::string* error);

/// Why a table of `rows` data rows cannot be one sheet (1,048,576 rows with the header), or ""
/// when it fits; the writer checks every table before it writes anything.
std::string XlsxSheetTooLong(const std::string& path, const std::string& table, std::size_t rows);

}  // namespace pg
