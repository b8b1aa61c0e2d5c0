#pragma once
// The model as one JSON document: {"nodes": [...], "edges": [...], "metrics": [...]}, objects
// keyed by the same column names as the CSV tables. Reading goes through the TableLoader, so
// JSON and CSV share every rule; writing emits canonical names and lossless values.

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "graph/diagnostics.h"
#include "graph/partnership_graph.h"
#include "io/chunked_text.h"
#include "io/input_limits.h"
#include "io/table_sink.h"

namespace pg {

/// Streams each array of `path` to `sink` as a table (Kumu's `elements`/`connections` are
/// accepted for nodes/edges, and a nested `attributes` object is flattened). Diagnostics name
/// the array and index: `model.json: edges[3]`. Never throws; the document is read as a stream
/// of events, so depth, keys, rows and cell sizes are checked against `limits` as it arrives
/// and no value recurses. A key given twice in one object is an error.
/// Tries the simdjson fast path (json_fast_reader.h) first; its tables are the same.
bool ReadJsonModel(const std::string& path, TableSink& sink, Diagnostics* diagnostics,
                   const InputLimits& limits = {});

/// The streaming reader alone: what ReadJsonModel falls back to (and tests compare it with).
bool ReadJsonModelStreaming(const std::string& path, TableSink& sink, Diagnostics* diagnostics,
                            const InputLimits& limits = {});

/// The whole model as indented JSON text, ending in a newline; a string that is not UTF-8
/// (which the loader never lets through) is written with U+FFFD rather than throwing.
/// Exactly ModelToJson(graph).dump(2) (with U+FFFD) and a newline.
std::string ModelJsonText(const PartnershipGraph& graph);

/// ModelJsonText's text written to `out` a record at a time: the document never exists whole,
/// so a 1M-edge model needs its own memory plus a chunk.
void WriteModelJson(const PartnershipGraph& graph, std::ostream& out);

/// The model's "metrics" list, `depth` levels down (node-link JSON embeds it).
void WriteModelMetrics(ChunkedText& out, const PartnershipGraph& graph, int depth);

/// The whole model; missing values are omitted, fractions stay fractions (stake_pct 0.5).
nlohmann::json ModelToJson(const PartnershipGraph& graph);

}  // namespace pg
