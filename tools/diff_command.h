#pragma once
// `partnergraph diff PATH... --from D1 --to D2`: what changed between two dates: edges that
// began or ended, findings that appeared, disappeared or changed their figures.

#include <string>
#include <vector>

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct DiffOptions {
  std::string format = "table";
  std::string from, to;
  std::vector<std::string> passes;  ///< empty: all
  CommonOptions common;  ///< inputs, quiet, progress, timings (as_of and format unused)
};

void SetupDiff(CLI::App& app, CliIo& io, int* exit_code);
int RunDiff(const DiffOptions& options, CliIo& io);

}  // namespace pg
