#pragma once
// `partnergraph exposure NODE PATH...`: how much of a company's funding, distribution and compute
// comes from parties that also serve its rivals (analysis/exposure.h has the definitions).
//
// JSON shape (--format json), stable; see docs/exposure.md:
// {"node": id, "label": text, "as_of": "YYYY[-MM[-DD]]" | null, "rivals": [id...],
//  "dimensions": {"funding"|"distribution"|"compute": {"edge_type", "weight_field",
//     "basis": "amount"|"count"|"none", "total", "rival_tied", "share": 0..1 | null,
//     "edges", "edges_with_weight", "known_weight_usd"}},
//  "score": 0..1 | null, "scored_dimensions": n,
//  "parties": [{"party": id, "label", "rival_tied": bool,
//     "weights": {dimension: weight on that dimension's basis},   // only dimensions it is in
//     "ties_to_node": [edge...],
//     "ties_to_rivals": [{"kind": "edge"|"is_rival"|"owns_rival", "rival": id, "via": id,
//                         "edge": edge | null, "market": text (is_rival by shared market)}]}],
//  "notes": [text...]}
// where edge = EdgeToJson (from, to, type, figures, dates, source, file, sheet, line) + "edge" id.

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/exposure.h"
#include "tools/cli.h"
#include "tools/command_support.h"

namespace pg {

struct ExposureOptions {
  CommonOptions common;
  std::string node;
  std::size_t top = 20;  ///< items per list in the table (0: all); the JSON is never cut
};

void SetupExposure(CLI::App& app, CliIo& io, int* exit_code);
int RunExposure(const ExposureOptions& options, CliIo& io);

/// The documented JSON shape above.
nlohmann::json ExposureToJson(const PartnershipGraph& graph, const Exposure& exposure);

}  // namespace pg
