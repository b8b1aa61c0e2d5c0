#pragma once
// Loads a model from what the user names on the command line: CSV files, a folder of them,
// XLSX workbooks or JSON documents, in any mix, and `-` for standard input. All inputs merge
// into one graph; a `.pgraph` snapshot (io/snapshot.h) is the whole graph and is read alone.

#include <optional>
#include <string>
#include <vector>

#include "graph/diagnostics.h"
#include "graph/partnership_graph.h"
#include "io/load_options.h"

namespace pg {

/// Reads every input and builds the graph. A folder contributes its *.csv, *.xlsx and *.json
/// files (tables it cannot recognise are skipped with a warning). `-` (at most once) is standard
/// input, read whole and taken by its bytes (io/stdin_input.h). A snapshot, found by its magic
/// or its extension, must be the only input. Returns nullopt when any error was reported;
/// warnings alone do not stop the load.
std::optional<PartnershipGraph> LoadModel(const std::vector<std::string>& inputs, Diagnostics* diagnostics,
                                          const LoadOptions& options = {});

}  // namespace pg
