#pragma once
// `partnergraph convert PATH... -o OUT`: writes the (merged) model as a CSV folder, a JSON
// document or an XLSX workbook, losslessly: reading the output gives the same model.

#include <string>
#include <vector>

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct ConvertOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::string to;  ///< csv, json, xlsx; empty: from the output's extension
  bool quiet = false;
  bool progress = false;  ///< progress lines on stderr for slow phases even off a terminal
  bool timings = false;   ///< `phase=... seconds=... maxrss_kb=...` lines on stderr
};

void SetupConvert(CLI::App& app, CliIo& io, int* exit_code);
int RunConvert(const ConvertOptions& options, CliIo& io);

}  // namespace pg
