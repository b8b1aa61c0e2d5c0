// Loads a model the way the CLI does, runs one analysis pass and prints its findings: the
// smallest program built on partnergraph's libraries (see CMakeLists.txt beside this file).
// Usage: dual_backing INPUT...   (CSV files, a folder of them, an .xlsx workbook, a .json model)

#include <iostream>
#include <string>
#include <vector>

#include "analysis/dual_backing.h"
#include "analysis/pass_registry.h"
#include "graph/diagnostics.h"
#include "graph/graph_view.h"
#include "io/model_reader.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: dual_backing INPUT...   (CSV files, a folder, .xlsx or .json)\n";
    return 2;
  }
  const std::vector<std::string> inputs(argv + 1, argv + argc);

  // Problems in the input are diagnostics with a place (edges.csv:3:8: error: ...), never exceptions.
  pg::Diagnostics diagnostics;
  const std::optional<pg::PartnershipGraph> graph = pg::LoadModel(inputs, &diagnostics);
  for (const pg::Diagnostic& diagnostic : diagnostics.All()) {
    std::cerr << pg::FormatDiagnostic(diagnostic) << "\n";
  }
  if (!graph) return 2;

  // A view without a date counts every edge, whatever its dates (the CLI's --as-of all).
  const pg::GraphView view(*graph);
  for (const pg::Finding& finding : pg::RunDualBacking(view, pg::PassOptions{})) {
    std::cout << finding.message << "\n";
  }
  return 0;
}
