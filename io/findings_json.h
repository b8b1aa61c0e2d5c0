#pragma once
// Findings as JSON, from the one description of each record in io/findings_fields.h: streamed
// for `analyze` (tens of thousands of findings), or as an nlohmann tree for commands that embed
// a few findings or edges in a larger document (diff, whatif, exposure, neighbors, paths).

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/finding.h"
#include "graph/date.h"
#include "graph/partnership_graph.h"
#include "io/findings_tally.h"

namespace pg {

/// {"as_of": "YYYY[-MM[-DD]]" | null (null: `--as-of all`), "findings": [{"facts", "figures",
/// "labels", "message", "metrics", "notes", "parts", "pass", "related", "severity", "subjects",
/// "topic"?}]}; see README "JSON output". With `passes`, also "passes": {NAME: {"below_severity",
/// "cut", "found", "shown"}}: how many each pass found and how many --min-severity and --top left out.
nlohmann::json FindingsToJson(const PartnershipGraph& graph, const Findings& findings,
                              const std::vector<PassTally>* passes = nullptr, Date as_of = {});

/// Streams exactly `FindingsToJson(...).dump(2)` (invalid UTF-8 replaced by U+FFFD) plus a
/// newline to `out`, without building the document: a million-edge input yields tens of thousands
/// of findings with hundreds of thousands of evidence edges, and the tree costs more than the analysis.
void WriteFindingsJson(const PartnershipGraph& graph, const Findings& findings, std::ostream& out,
                       const std::vector<PassTally>* passes = nullptr, Date as_of = {});

/// One edge as JSON evidence: from, to, type, figures, dates, source, file, sheet, line, and
/// "status": "ended" | "planned" when the edge is not current as of `as_of` (GraphView::TimeOf).
nlohmann::json EdgeToJson(const PartnershipGraph& graph, EdgeId e, Date as_of = {});

/// One metric row as JSON evidence: entity, metric, value, unit, as_of, basis, source,
/// confidence, file, sheet, line, metric_row.
nlohmann::json MetricToJson(const PartnershipGraph& graph, std::uint32_t m);

/// One finding in the shape FindingsToJson lists.
nlohmann::json FindingToJson(const PartnershipGraph& graph, const Finding& finding, Date as_of = {});

/// Appends `text` as a JSON string the way nlohmann's dump(ensure_ascii=false, replace) writes
/// it: `"` `\` and control characters escaped (\n, \u001b), other bytes as they are, and each
/// ill-formed UTF-8 sequence (its maximal valid prefix, or one stray byte) as U+FFFD.
void AppendJsonString(std::string& out, std::string_view text);

/// Appends `value` exactly as nlohmann's dump writes a double ("8000000000.0", "0.267", "1e-05",
/// "1.5e+20"; null when not finite): integers below 2^53 through std::to_chars, other values
/// through nlohmann's public dump.
void AppendJsonNumber(std::string& out, double value);

}  // namespace pg
