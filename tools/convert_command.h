#pragma once
// `partnergraph convert PATH... -o OUT`: writes the (merged) model as a CSV folder, a JSON
// document or an XLSX workbook, losslessly: reading the output gives the same model.

#include <string>
#include <vector>

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct ConvertOptions {
  std::string output;
  std::string to;  ///< csv, json, xlsx; empty: from the output's extension
  CommonOptions common;  ///< inputs, quiet, progress, timings (as_of and format unused)
};

void SetupConvert(CLI::App& app, CliIo& io, int* exit_code);
int RunConvert(const ConvertOptions& options, CliIo& io);

}  // namespace pg
