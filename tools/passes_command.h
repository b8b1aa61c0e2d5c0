#pragma once
// `partnergraph passes`: the pass table.

#include "tools/cli.h"

namespace pg {

void SetupPasses(CLI::App& app, CliIo& io, int* exit_code);
int RunPasses(CliIo& io);

}  // namespace pg
