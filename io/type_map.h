#pragma once
// `--type-map FILE`: a CSV file holding one types table (columns type, maps_to) that maps the
// free-form types of the inputs to ours, as a `types` sheet in a workbook does.

#include <string>

#include "graph/diagnostics.h"
#include "io/input_limits.h"
#include "io/table_loader.h"

namespace pg {

/// Reads the file into `loader` (which hands its mappings to the builder). Any other table than
/// a types table is an error naming the columns expected. False when the file could not be read
/// or was not a types table.
bool ReadTypeMapFile(const std::string& path, TableLoader& loader, Diagnostics* diagnostics,
                     const InputLimits& limits);

}  // namespace pg
