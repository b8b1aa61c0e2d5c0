#pragma once
// `partnergraph neighbors NODE PATH...`: the nodes within --depth steps, with the edges (type and
// direction) that reach them (analysis/paths.h, FindNeighbors).
//
// JSON shape (--format json), stable; see docs/exposure.md:
// {"node": id, "depth": n, "as_of": text | null,
//  "neighbors": [{"node": id, "label", "depth": n,
//                 "via": [{"direction": "out"|"in"|"both", "edge": edge}]}],
//  "not_current": [edge]}
// where "out" means the edge points away from NODE's side, "both" an undirected edge, and
// edge = EdgeToJson (from, to, type, figures, dates, source, file, sheet, line, status) + "edge"
// id. The rings use current edges only (as of the view's date); NODE's own edges that ended or
// are planned are listed apart in "not_current", each with "status": "ended" | "planned" (in
// text: "not current as of D:" then one line each, "[planned from 2027]").

#include <string>

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct NeighborsOptions {
  CommonOptions common;
  std::string node;
  int depth = 1;
};

void SetupNeighbors(CLI::App& app, CliIo& io, int* exit_code);
int RunNeighbors(const NeighborsOptions& options, CliIo& io);

}  // namespace pg
