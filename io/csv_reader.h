#pragma once
// CSV files on libcsv, streamed in chunks: RFC 4180 quoting (commas, newlines and doubled
// quotes inside quotes), CRLF or LF, a UTF-8 BOM before the header. Each file is one table.
// Big files are parsed on a second thread while the caller's thread takes the rows. Bigger ones
// (1 MB and more), when the sink takes the table in chunks (TableSink::NewChunk), are cut at row
// boundaries and read on ReaderThreads() threads, each stretch into its own chunk; the chunks
// are merged in file order, so rows, messages and the model are those of one thread.
// A cell written as `'=x` (a neutralised formula, see csv_writer.h) reads as `=x`.

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/diagnostics.h"
#include "io/input_limits.h"
#include "io/table_sink.h"

namespace pg {

/// Threads for reading one big file: PARTNERGRAPH_THREADS when set, else 1 (one stretch, parsed on
/// a second thread while the caller's thread loads its rows; see csv_reader.cc for why).
unsigned ReaderThreads();

/// Where ReadCsvFile cuts `path` when it reads on `threads` threads: the offsets of the stretches
/// after the first, each just past a line feed outside quotes; empty when it reads the file whole.
std::vector<std::uint64_t> CsvStretchStarts(const std::string& path, unsigned threads,
                                            const InputLimits& limits = {});

/// Streams `path` to `sink` as one table (first row = header). Returns false, with a diagnostic
/// naming file and line, when the file cannot be read or its quoting is broken. Rows before the
/// error have already been delivered; callers discard the whole load on error.
/// `bytes_read`, when given, is advanced as the file is read (for progress).
bool ReadCsvFile(const std::string& path, TableSink& sink, Diagnostics* diagnostics,
                 const InputLimits& limits = {}, std::atomic<std::uint64_t>* bytes_read = nullptr);

}  // namespace pg
