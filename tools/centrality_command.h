#pragma once
// `partnergraph centrality PATH...`: betweenness centrality of every node, the top N printed;
// the benchmark compares it with the NetworkX and igraph peers.

#include <cstdint>

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct CentralityOptions {
  CommonOptions common;
  std::uint32_t samples = 0;  ///< 0: exact
  std::uint64_t seed = 1;
  std::size_t top = 10;
  unsigned threads = 0;
};

void SetupCentrality(CLI::App& app, CliIo& io, int* exit_code);
int RunCentrality(const CentralityOptions& options, CliIo& io);

}  // namespace pg
