#pragma once
// `partnergraph paths A B PATH...`: simple paths between two nodes with their edge types,
// bounded by --max-depth and --limit (analysis/paths.h has the rules of travel).
//
// JSON shape (--format json), stable; see docs/exposure.md:
// {"from": id, "to": id, "as_of": text | null, "max_depth": n, "limit": n, "undirected": bool,
//  "truncated": bool,
//  "paths": [{"length": n, "text": "Amazon -owns-> AWS ...", "nodes": [id...],
//             "steps": [{"forward": bool, "edge": edge}]}]}
// where edge = EdgeToJson (from, to, type, figures, dates, source, file, sheet, line) + "edge" id.

#include <string>

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct PathsCommandOptions {
  CommonOptions common;
  std::string from;
  std::string to;
  int max_depth = 4;
  std::size_t limit = 100;
  bool undirected = false;
};

void SetupPaths(CLI::App& app, CliIo& io, int* exit_code);
int RunPaths(const PathsCommandOptions& options, CliIo& io);

}  // namespace pg
