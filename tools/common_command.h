#pragma once
// `partnergraph common A B PATH...`: what two nodes share, and why (analysis/common_ties.h).
//
// JSON shape (--format json), stable; see docs/exposure.md:
// {"a": id, "b": id, "as_of": text | null,
//  "roles": {"investors"|"channels"|"compute_suppliers"|"exclusivity_holders"|"owners":
//     {"edge_type", "shared_raw": [shared...], "shared_rolled_up": [shared...],
//      "only_a": [shared...], "only_b": [shared...]}},
//  "parties": [shared...],          // rolled up, across roles
//  "direct": [edge...]}
// where shared = {"party": id, "label", "a_edges": [edge...], "b_edges": [edge...]} and
// edge = EdgeToJson (from, to, type, figures, dates, source, file, sheet, line) + "edge" id.

#include <string>

#include <nlohmann/json.hpp>

#include "analysis/common_ties.h"
#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct CommonCommandOptions {
  CommonOptions common;
  std::string a;
  std::string b;
};

void SetupCommon(CLI::App& app, CliIo& io, int* exit_code);
int RunCommon(const CommonCommandOptions& options, CliIo& io);

/// The documented JSON shape above.
nlohmann::json CommonTiesToJson(const GraphView& view, const CommonTies& ties);

}  // namespace pg
