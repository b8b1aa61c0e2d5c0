#pragma once
// CSV files on libcsv, streamed in chunks: RFC 4180 quoting (commas, newlines and doubled
// quotes inside quotes), CRLF or LF, a UTF-8 BOM before the header. Each file is one table.
// Big files are parsed on a second thread while the caller's thread takes the rows (the sink is
// only ever called from the caller's thread).
// A cell written as `'=x` (a neutralised formula, see csv_writer.h) reads as `=x`.

#include <atomic>
#include <cstdint>
#include <string>

#include "graph/diagnostics.h"
#include "io/input_limits.h"
#include "io/table_sink.h"

namespace pg {

/// Streams `path` to `sink` as one table (first row = header). Returns false, with a diagnostic
/// naming file and line, when the file cannot be read or its quoting is broken. Rows before the
/// error have already been delivered; callers discard the whole load on error.
/// `bytes_read`, when given, is advanced as the file is read (for progress).
bool ReadCsvFile(const std::string& path, TableSink& sink, Diagnostics* diagnostics,
                 const InputLimits& limits = {}, std::atomic<std::uint64_t>* bytes_read = nullptr);

}  // namespace pg
