#pragma once
// The fast path of the JSON model reader: simdjson's On-Demand parser reads the shape models
// come in (tables of flat objects whose values are scalars or lists of scalars) about ten times
// faster than nlohmann's lexer. It only ever vouches for documents it reads completely; for
// anything else (a syntax error, a broken limit, a duplicate key, a nested object, a pipe or
// device) it declines before the sink has seen a row, and the streaming reader in json_model.cc
// reads the file and says what is wrong. Both turn a document into the same cells: strings as
// they decode, numbers as nlohmann writes them, lists joined with `|`, each row sorted by key.

#include <cstdint>
#include <string>

#include "io/input_limits.h"
#include "io/table_sink.h"

namespace pg {

/// The names of the model's arrays, in the order tables go to the sink (Kumu's `elements` and
/// `connections` are nodes and edges).
inline constexpr const char* kJsonTableNames[] = {"nodes", "elements", "edges", "connections", "metrics"};

/// Streams `path` to `sink` and returns true when it is a regular file in the common shape that
/// keeps every limit; returns false, having sent nothing, for the streaming reader to handle.
bool ReadJsonModelFast(const std::string& path, TableSink& sink, const InputLimits& limits);

/// Bytes of a token that cannot decode to a cell within `cell_bytes` (an escape is at most six
/// bytes for one), so the streaming lexer never buffers more than that.
std::uint64_t JsonTokenLimit(std::uint64_t cell_bytes);

}  // namespace pg
