#pragma once
// `partnergraph diff PATH... --from D1 --to D2`: what changed between two dates: edges that
// began or ended, findings that appeared, disappeared or changed their figures.

#include <string>
#include <vector>

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct DiffOptions {
  std::vector<std::string> inputs;
  std::string format = "table";
  std::string from, to;
  std::vector<std::string> passes;  ///< empty: all
  bool quiet = false;
  bool progress = false;  ///< progress lines on stderr for slow phases even off a terminal
  bool timings = false;   ///< `phase=... seconds=... maxrss_kb=...` lines on stderr
};

void SetupDiff(CLI::App& app, CliIo& io, int* exit_code);
int RunDiff(const DiffOptions& options, CliIo& io);

}  // namespace pg
