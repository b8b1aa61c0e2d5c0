#pragma once
// `partnergraph analyze PATH...`: runs the passes and prints the findings.

#include <string>
#include <vector>

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct AnalyzeOptions {
  CommonOptions common;
  std::vector<std::string> passes;  ///< empty: all
  std::string fail_on;              ///< severity that makes the exit code 1
  std::string min_amount;             ///< an amount as in the data (`1B`, `$500M`); empty: no floor
  bool why = false;
  std::size_t top = 20;              ///< findings shown per pass (0: all)
  std::string min_severity = "info";
  std::string detail = "top";        ///< "full": exclusivity lists every blocked channel
  bool exact = false;                ///< brokerage: exact betweenness however long it takes
};

void SetupAnalyze(CLI::App& app, CliIo& io, int* exit_code);
int RunAnalyze(const AnalyzeOptions& options, CliIo& io);

}  // namespace pg
