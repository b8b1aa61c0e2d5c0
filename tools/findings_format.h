#pragma once
// Findings for people (an aligned table); the JSON for programs is written by io/findings_json.h.

#include <ostream>

#include <nlohmann/json.hpp>

#include "analysis/finding.h"
#include "analysis/graph_diff.h"
#include "graph/partnership_graph.h"
#include "io/findings_json.h"  // FindingsToJson, WriteFindingsJson, EdgeToJson, MetricToJson, FindingToJson
#include "tools/finding_cut.h"

namespace pg {

/// `value.dump(indent)`, but a byte that is not UTF-8 (a stray Latin-1 name) becomes U+FFFD
/// instead of throwing: every JSON the CLI prints or writes goes through here.
std::string JsonText(const nlohmann::json& value, int indent = 2);

/// A finding that changed between two runs (`diff`, `whatif`): pass, subjects, topic, each
/// changed figure before and after (null when absent), both messages, subjects added/removed.
nlohmann::json FindingChangeToJson(const FindingChange& change);

/// The "findings changed (N)" block of `diff` and `whatif` for people: each change's message,
/// its subjects added and removed, and each figure before -> after in its unit. Nothing when
/// there are none. Subjects are named for people (DisplayName in `graph`, the run after).
void PrintFindingChanges(const PartnershipGraph& graph, const std::vector<FindingChange>& changes, std::ostream& out);

/// Grouped by pass, one line per finding, its first 5 notes under it ("+N more notes"); with
/// `why`, every note and the evidence edges too, an edge not current as of `as_of` labelled
/// "[ended 2025-06]" or "[planned from 2027]".
/// With `passes`, every pass that found something in that order, headed by its full count and
/// closed by "+N more" for what --top cut and "+N below --min-severity".
void PrintFindingsTable(const PartnershipGraph& graph, const Findings& findings, bool why, std::ostream& out,
                        const std::vector<PassTally>* passes = nullptr, Date as_of = {});

}  // namespace pg
