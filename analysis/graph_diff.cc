#include "analysis/graph_diff.h"

#include <map>

#include <fmt/format.h>

#include "graph/graph_view.h"

namespace pg {
namespace {

Findings RunAll(const PartnershipGraph& graph, Date as_of, std::span<const PassInfo* const> passes,
                const PassOptions& options) {
  const GraphView view(graph, ViewOptions{as_of});
  Findings all;
  for (const PassInfo* pass : passes) {
    Findings found = pass->run(view, options);
    all.insert(all.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  return all;
}

bool SameValue(double a, double b) { return Known(a) == Known(b) && (!Known(a) || a == b); }

std::vector<FigureChange> FigureChanges(const Finding& before, const Finding& after) {
  std::vector<FigureChange> changes;
  for (const Figure& figure : before.figures) {
    const double later = after.FigureValue(figure.name).value_or(kMissing);
    if (!SameValue(figure.value, later)) changes.push_back({figure.name, figure.value, later});
  }
  for (const Figure& figure : after.figures) {
    if (!before.FigureValue(figure.name)) changes.push_back({figure.name, kMissing, figure.value});
  }
  return changes;
}

}  // namespace

std::string FindingIdentity(const Finding& finding) {
  return fmt::format("{}|{}|{}", finding.pass, fmt::join(finding.subjects, ","), finding.topic);
}

GraphDiff DiffGraph(const PartnershipGraph& graph, Date from, Date to, std::span<const PassInfo* const> passes,
                    const PassOptions& options) {
  GraphDiff diff;
  diff.from = from;
  diff.to = to;
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) {
    const bool before = ActiveAsOf(graph.GetEdge(e), from), after = ActiveAsOf(graph.GetEdge(e), to);
    if (after && !before) diff.began.push_back(e);
    if (before && !after) diff.ended.push_back(e);
  }
  Findings earlier = RunAll(graph, from, passes, options);
  Findings later = RunAll(graph, to, passes, options);
  std::multimap<std::string, std::size_t> earlier_by_identity;
  for (std::size_t i = 0; i < earlier.size(); ++i) earlier_by_identity.emplace(FindingIdentity(earlier[i]), i);
  std::vector<bool> matched(earlier.size(), false);
  for (Finding& finding : later) {
    auto found = earlier_by_identity.find(FindingIdentity(finding));
    if (found == earlier_by_identity.end()) {
      diff.appeared.push_back(std::move(finding));
      continue;
    }
    const std::size_t index = found->second;
    earlier_by_identity.erase(found);
    matched[index] = true;
    std::vector<FigureChange> figures = FigureChanges(earlier[index], finding);
    if (!figures.empty()) diff.changed.push_back({earlier[index], std::move(finding), std::move(figures)});
  }
  for (std::size_t i = 0; i < earlier.size(); ++i) {
    if (!matched[i]) diff.disappeared.push_back(std::move(earlier[i]));
  }
  return diff;
}

}  // namespace pg
