#pragma once
// `partnergraph convert PATH... -o OUT`: writes the (merged) model in another format. The
// model formats (a CSV folder, JSON, XLSX) are lossless: reading the output gives the same
// model. The exports are for the tools analysts open next: GraphML and GEXF (Gephi, NetworkX,
// igraph), a Neo4j bulk-import folder, Kumu sheets, NetworkX's node-link JSON.

#include <string>
#include <vector>

#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct ConvertOptions {
  std::string output;  ///< a file, a folder, or `-` for standard output
  std::string to;      ///< a format name (ConvertFormatNames); empty: from the output's extension
  bool csv_raw = false;  ///< CSV cells without the formula-neutralising apostrophe
  CommonOptions common;  ///< inputs, quiet, progress, timings (as_of and format unused)
};

/// csv, json, xlsx, graphml, gexf, neo4j, kumu, node-link: what --to accepts.
std::vector<std::string> ConvertFormatNames();

void SetupConvert(CLI::App& app, CliIo& io, int* exit_code);
int RunConvert(const ConvertOptions& options, CliIo& io);

}  // namespace pg
