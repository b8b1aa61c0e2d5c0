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
  std::vector<std::string> highlight;  ///< PASS (all its findings), PASS:N (its Nth), PASS:NODE
  std::string title;
  std::string subtitle;                ///< empty: the inputs, the focus, the date, the source count
  std::string layout;                  ///< empty: dot, or sfdp for large graphs
  std::string focus;                   ///< node id or label; empty: the whole graph
  int depth = 1;
  std::size_t max_neighbors = kDefaultMaxNeighbors;
  std::string cluster = "auto";        ///< auto: market when a drawn node has one, else type
  bool no_legend = false;
};

void SetupRender(CLI::App& app, CliIo& io, int* exit_code);
int RunRender(const RenderCommandOptions& options, CliIo& io);

}  // namespace pg
