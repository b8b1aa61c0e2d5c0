#pragma once
// `partnergraph report PATH... -o report.html`: the findings, their evidence and the diagram in
// one self-contained HTML file to send to someone who will never run a CLI.

#include <cstddef>
#include <string>
#include <vector>

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

/// Past this many nodes (or kReportDiagramEdges counted edges) the report leaves the diagram
/// out and says so: a page should open at once, and dot needs minutes on thousands of nodes.
inline constexpr std::size_t kReportDiagramNodes = 300;
inline constexpr std::size_t kReportDiagramEdges = 1500;

struct ReportCommandOptions {
  CommonOptions common;
  std::string output;                  ///< `-` writes stdout
  std::vector<std::string> passes;     ///< empty: all
  std::size_t top = 20;                ///< findings shown per pass (0: all)
  std::string min_severity = "info";
  std::vector<std::string> highlight{"dual-backing", "shared-channel"};  ///< `none`: nothing
  std::string title;                   ///< empty: "partnergraph report: INPUTS"
  std::size_t max_diagram_nodes = kReportDiagramNodes;
};

void SetupReport(CLI::App& app, CliIo& io, int* exit_code);
int RunReport(const ReportCommandOptions& options, CliIo& io);

}  // namespace pg
