#pragma once
// `-` as an input: standard input, read to the end, then taken as what its bytes say — a
// snapshot by its magic, a JSON model by a first non-blank `{`, otherwise a table by its header
// (like a CSV file whose name says nothing). Messages name it `<stdin>`.

#include <optional>
#include <string>
#include <string_view>

#include "graph/diagnostics.h"
#include "io/load_options.h"
#include "io/table_sink.h"

namespace pg {

inline constexpr std::string_view kStdinName = "<stdin>";

/// Everything on standard input; nullopt with `*error` when it cannot be read.
std::optional<std::string> ReadStandardInput(std::string* error);

/// True when `bytes`, after blanks and a UTF-8 byte-order mark, start with `{`.
bool LooksLikeJson(std::string_view bytes);

/// Streams a table or JSON model held in `bytes` to `sink` as a file named `<stdin>` would be
/// (the readers read files, so the bytes go through a private temporary file first; its name
/// appears nowhere). False, with diagnostics, as the file readers return.
bool ReadStdinTables(std::string_view bytes, TableSink& sink, Diagnostics* diagnostics, const LoadOptions& options);

}  // namespace pg
