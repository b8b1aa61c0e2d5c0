#pragma once
// Findings for people (an aligned table) and for programs (the documented JSON shape).

#include <ostream>

#include <nlohmann/json.hpp>

#include "analysis/finding.h"
#include "analysis/graph_diff.h"
#include "graph/partnership_graph.h"
#include "tools/finding_cut.h"

namespace pg {

/// {"as_of": "YYYY[-MM[-DD]]" | null (null: `--as-of all`), "findings": [{"pass", "severity", "subjects", "topic"?, "figures", "facts", "parts",
/// "related", "metrics", "notes", "message"}]}; see README "JSON output". With `passes`, also
/// "passes": {NAME: {"found", "below_severity", "cut", "shown"}}: how many each pass found and
/// how many --min-severity and --top left out.
nlohmann::json FindingsToJson(const PartnershipGraph& graph, const Findings& findings,
                              const std::vector<PassTally>* passes = nullptr, Date as_of = {});

/// Streams exactly `FindingsToJson(graph, findings).dump(2)` plus a newline to `out`, without
/// building the document in memory: a million-edge input yields tens of thousands of findings
/// with hundreds of thousands of evidence edges, and the tree costs more than the analysis.
void WriteFindingsJson(const PartnershipGraph& graph, const Findings& findings, std::ostream& out,
                       const std::vector<PassTally>* passes = nullptr, Date as_of = {});

/// `value.dump(indent)`, but a byte that is not UTF-8 (a stray Latin-1 name) becomes U+FFFD
/// instead of throwing: every JSON the CLI prints or writes goes through here.
std::string JsonText(const nlohmann::json& value, int indent = 2);

/// One edge as JSON evidence: from, to, type, figures, dates, source, file, sheet, line, and
/// "status": "ended" | "planned" when the edge is not current as of `as_of` (GraphView::TimeOf).
nlohmann::json EdgeToJson(const PartnershipGraph& graph, EdgeId e, Date as_of = {});

/// One metric row as JSON evidence: entity, metric, value, unit, as_of, basis, source,
/// confidence, file, sheet, line.
nlohmann::json MetricToJson(const PartnershipGraph& graph, std::uint32_t m);

/// One finding in the shape FindingsToJson lists.
nlohmann::json FindingToJson(const PartnershipGraph& graph, const Finding& finding, Date as_of = {});

/// A finding that changed between two runs (`diff`, `whatif`): pass, subjects, topic, each
/// changed figure before and after (null when absent), both messages, subjects added/removed.
nlohmann::json FindingChangeToJson(const FindingChange& change);

/// The "findings changed (N)" block of `diff` and `whatif` for people: each change's message,
/// its subjects added and removed, and each figure before -> after in its unit. Nothing when
/// there are none.
void PrintFindingChanges(const std::vector<FindingChange>& changes, std::ostream& out);

/// Grouped by pass, one line per finding, its first 5 notes under it ("+N more notes"); with
/// `why`, every note and the evidence edges too, an edge not current as of `as_of` labelled
/// "[ended 2025-06]" or "[planned from 2027]".
/// With `passes`, every pass that found something in that order, headed by its full count and
/// closed by "+N more" for what --top cut and "+N below --min-severity".
void PrintFindingsTable(const PartnershipGraph& graph, const Findings& findings, bool why, std::ostream& out,
                        const std::vector<PassTally>* passes = nullptr, Date as_of = {});

}  // namespace pg
