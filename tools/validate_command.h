#pragma once
// `partnergraph validate PATH...`: loads and checks the inputs, reporting every problem with
// its file, line and column, and conflicting claims as warnings. Exit 2 on any error.

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

void SetupValidate(CLI::App& app, CliIo& io, int* exit_code);
int RunValidate(const CommonOptions& options, CliIo& io);

}  // namespace pg
