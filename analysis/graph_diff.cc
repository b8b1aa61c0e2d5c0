#include "analysis/graph_diff.h"

#include <algorithm>
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

std::string_view Scope(const Finding& finding) {
  for (const auto& [name, value] : finding.facts) {
    if (name == "scope") return value;
  }
  return {};
}

/// The identity without the subjects after the first: findings that may be one whose subject
/// set changed.
std::string LooseIdentity(const Finding& finding) {
  return fmt::format("{}|{}|{}|{}", finding.pass, finding.subjects.empty() ? "" : finding.subjects.front(),
                     finding.topic, Scope(finding));
}

/// Names in `of` that are not in `in`, in `of`'s order.
std::vector<std::string> Missing(const std::vector<std::string>& of, const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const std::string& name : of) {
    if (std::find(in.begin(), in.end(), name) == in.end()) out.push_back(name);
  }
  return out;
}

/// Unmatched findings of both runs that share a loose identity become one change each.
void PairChangedSubjects(Findings& earlier, Findings& later, FindingsDiff* diff) {
  std::multimap<std::string, std::size_t> earlier_by_identity;
  for (std::size_t i = 0; i < earlier.size(); ++i) earlier_by_identity.emplace(LooseIdentity(earlier[i]), i);
  std::vector<bool> matched(earlier.size(), false);
  for (Finding& finding : later) {
    auto found = earlier_by_identity.find(LooseIdentity(finding));
    if (finding.subjects.empty() || found == earlier_by_identity.end()) {
      diff->appeared.push_back(std::move(finding));
      continue;
    }
    Finding& before = earlier[found->second];
    matched[found->second] = true;
    earlier_by_identity.erase(found);
    FindingChange change{before, std::move(finding), {}, {}, {}};
    change.figures = FigureChanges(change.before, change.after);
    change.subjects_added = Missing(change.after.subjects, change.before.subjects);
    change.subjects_removed = Missing(change.before.subjects, change.after.subjects);
    diff->changed.push_back(std::move(change));
  }
  for (std::size_t i = 0; i < earlier.size(); ++i) {
    if (!matched[i]) diff->disappeared.push_back(std::move(earlier[i]));
  }
}

}  // namespace

std::string FindingIdentity(const Finding& finding) {
  const std::string_view scope = Scope(finding);
  return fmt::format("{}|{}|{}{}{}", finding.pass, fmt::join(finding.subjects, ","), finding.topic,
                     scope.empty() ? "" : "|", scope);
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
  FindingsDiff findings = CompareFindings(RunAll(graph, from, passes, options), RunAll(graph, to, passes, options));
  diff.appeared = std::move(findings.appeared);
  diff.disappeared = std::move(findings.disappeared);
  diff.changed = std::move(findings.changed);
  return diff;
}

FindingsDiff CompareFindings(Findings earlier, Findings later) {
  FindingsDiff diff;
  std::multimap<std::string, std::size_t> earlier_by_identity;
  for (std::size_t i = 0; i < earlier.size(); ++i) earlier_by_identity.emplace(FindingIdentity(earlier[i]), i);
  std::vector<bool> matched(earlier.size(), false);
  Findings unmatched_later;
  for (Finding& finding : later) {
    auto found = earlier_by_identity.find(FindingIdentity(finding));
    if (found == earlier_by_identity.end()) {
      unmatched_later.push_back(std::move(finding));
      continue;
    }
    const std::size_t index = found->second;
    earlier_by_identity.erase(found);
    matched[index] = true;
    std::vector<FigureChange> figures = FigureChanges(earlier[index], finding);
    if (!figures.empty()) diff.changed.push_back({earlier[index], std::move(finding), std::move(figures), {}, {}});
  }
  Findings unmatched_earlier;
  for (std::size_t i = 0; i < earlier.size(); ++i) {
    if (!matched[i]) unmatched_earlier.push_back(std::move(earlier[i]));
  }
  PairChangedSubjects(unmatched_earlier, unmatched_later, &diff);
  return diff;
}

}  // namespace pg
