#pragma once
// `partnergraph whatif PATH... --drop FROM->TO[:TYPE] --add FROM->TO:TYPE[:AMOUNT] --scenario
// FILE`: the passes on the graph as given and as changed, and the findings that appear,
// disappear or change, with figures before and after (the shape of `diff`).

#include <string>
#include <vector>

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct WhatIfCommandOptions {
  CommonOptions common;
  std::vector<std::string> drops;   ///< FROM->TO[:TYPE]
  std::vector<std::string> adds;    ///< FROM->TO:TYPE[:AMOUNT]
  std::string scenario;             ///< a file of `drop ...` / `add ...` lines
  std::vector<std::string> passes;  ///< empty: all, and exposure
};

void SetupWhatIf(CLI::App& app, CliIo& io, int* exit_code);
int RunWhatIf(const WhatIfCommandOptions& options, CliIo& io);

}  // namespace pg
