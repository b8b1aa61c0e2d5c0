#pragma once
// What changed between two dates: edges that began or ended, and findings that appeared,
// disappeared or changed their figures. The same graph is viewed as of each date (GraphView),
// every selected pass runs on both views, and findings are matched by identity:
// pass + subjects (in order) + topic + scope (the `scope` fact: two exclusivities between the
// same parties with different scopes stay apart). A matched finding whose figures differ is
// "changed" with each differing figure's before and after (a figure present on one side only
// counts too). Findings left unmatched then meet by pass + topic + scope + first subject: such
// a pair is one "changed" entry whose subject set changed (Nvidia backs + Anthropic,
// - Inflection), with the subjects added and removed and the figures before and after, not one
// finding gone and another new. Several candidates pair in the passes' order.
// Edges: began = active at `to` but not at `from`; ended = active at `from` but not at `to`.

#include <span>
#include <string>
#include <vector>

#include "analysis/pass_registry.h"
#include "graph/partnership_graph.h"

namespace pg {

struct FigureChange {
  std::string name;
  double before = kMissing;  ///< NaN when the figure was absent
  double after = kMissing;
};

struct FindingChange {
  Finding before;
  Finding after;
  std::vector<FigureChange> figures;
  std::vector<std::string> subjects_added;    ///< in `after`'s order
  std::vector<std::string> subjects_removed;  ///< in `before`'s order
};

struct GraphDiff {
  Date from, to;
  std::vector<EdgeId> began;
  std::vector<EdgeId> ended;
  Findings appeared;     ///< as reported at `to`
  Findings disappeared;  ///< as reported at `from`
  std::vector<FindingChange> changed;
};

/// Two runs' findings compared: matched by identity (a match whose figures differ is changed),
/// then the rest by loose identity (one change whose subject set changed), as described above.
/// What `diff` (two dates) and `whatif` (two graphs) both report.
struct FindingsDiff {
  Findings appeared;     ///< as reported by the later run
  Findings disappeared;  ///< as reported by the earlier run
  std::vector<FindingChange> changed;
};
FindingsDiff CompareFindings(Findings earlier, Findings later);

/// "dual-backing|Amazon,OpenAI,Anthropic|topic", then "|scope" when the finding has a scope:
/// how findings are matched across dates.
std::string FindingIdentity(const Finding& finding);

GraphDiff DiffGraph(const PartnershipGraph& graph, Date from, Date to, std::span<const PassInfo* const> passes,
                    const PassOptions& options);

}  // namespace pg
