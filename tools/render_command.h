#pragma once
// `partnergraph render PATH... -o FILE`: draws the graph (or one node's neighbourhood) as SVG,
// PNG, PDF or DOT, with findings of chosen passes highlighted.

#include <cstddef>
#include <string>
#include <vector>

#include "graph/neighbourhood.h"
#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct RenderCommandOptions {
  CommonOptions common;
  std::string output;
  std::vector<std::string> highlight;  ///< pass names
  std::string layout;                  ///< empty: dot, or sfdp for large graphs
  std::string focus;                   ///< node id or label; empty: the whole graph
  int depth = 1;
  std::size_t max_neighbors = kDefaultMaxNeighbors;
  std::string cluster = "type";
  bool no_legend = false;
};

void SetupRender(CLI::App& app, CliIo& io, int* exit_code);
int RunRender(const RenderCommandOptions& options, CliIo& io);

}  // namespace pg
