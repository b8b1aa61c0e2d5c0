#include "analysis/control.h"

#include <algorithm>
#include <span>

#include <fmt/format.h>

#include "analysis/integrated_ownership.h"
#include "graph/display_name.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

constexpr std::size_t kOwnersShown = 10;

/// The stake matrix W: one direct stake per (owner, owned) pair, with the edge it comes from.
struct StakeMatrix {
  std::vector<DirectStake> stakes;  ///< sorted by (owned, owner)
  std::vector<EdgeId> edges;        ///< per stake
};

/// W from the view (see control.h): per (owner, owned) the latest stake by start date (undated
/// rows oldest; on one date the largest, then the first row).
StakeMatrix CollectStakes(const GraphView& view) {
  const PartnershipGraph& graph = view.Graph();
  struct Row {
    DirectStake stake;
    Date start;
    EdgeId edge;
  };
  std::vector<Row> rows;
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) {
    const Edge& edge = graph.GetEdge(e);
    const EdgeDetails& details = graph.Details(edge);
    if (edge.from == edge.to) continue;
    double w;
    if (edge.type == EdgeType::kOwns && view.Active(e)) {
      w = Known(details.stake_pct) ? details.stake_pct : 1.0;
    } else if (edge.type == EdgeType::kInvests && view.Counted(e) && Known(details.stake_pct)) {
      w = details.stake_pct;
    } else {
      continue;
    }
    if (w > 0) rows.push_back({{edge.from, edge.to, std::min(w, 1.0)}, edge.start, e});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.stake.owned != b.stake.owned) return a.stake.owned < b.stake.owned;
    if (a.stake.owner != b.stake.owner) return a.stake.owner < b.stake.owner;
    if (a.start != b.start) return a.start > b.start;  // latest first
    return a.stake.w != b.stake.w ? a.stake.w > b.stake.w : a.edge < b.edge;
  });
  StakeMatrix m;
  for (const Row& row : rows) {
    if (!m.stakes.empty() && m.stakes.back().owned == row.stake.owned && m.stakes.back().owner == row.stake.owner) {
      continue;
    }
    m.stakes.push_back(row.stake);
    m.edges.push_back(row.edge);
  }
  return m;
}

/// Stakes in one node adding up to more than 100%: a warning each, and the column scaled to 100%.
Findings ScaleOverfullColumns(const PartnershipGraph& graph, StakeMatrix& m) {
  Findings findings;
  for (std::size_t k = 0; k < m.stakes.size();) {
    std::size_t end = k + 1;
    while (end < m.stakes.size() && m.stakes[end].owned == m.stakes[k].owned) ++end;
    double total = 0;
    for (std::size_t a = k; a < end; ++a) total += m.stakes[a].w;
    if (total > 1 + 1e-9) {
      const VertexId j = m.stakes[k].owned;
      Finding finding;
      finding.pass = "control";
      finding.severity = FindingSeverity::kWarning;
      finding.subjects.emplace_back(graph.NodeName(j));
      finding.figures.push_back({"stakes_total", total});
      for (std::size_t a = k; a < end; ++a) {
        finding.related.push_back(m.edges[a]);
        m.stakes[a].w /= total;
      }
      finding.message = fmt::format("stakes in {} add up to {}; scaled to 100% for integrated ownership",
                                    DisplayName(graph, j), FormatPercent(total));
      findings.push_back(std::move(finding));
    }
    k = end;
  }
  return findings;
}

Finding DescribeClosedLoop(const PartnershipGraph& graph, const StakeMatrix& m, const ClosedLoop& loop) {
  Finding finding;
  finding.pass = "control";
  finding.severity = FindingSeverity::kCritical;
  for (std::uint32_t v : loop.members) finding.subjects.emplace_back(graph.NodeName(v));
  for (std::size_t a : loop.stakes) finding.related.push_back(m.edges[a]);
  std::sort(finding.related.begin(), finding.related.end());
  finding.figures.push_back({"members", static_cast<double>(loop.members.size())});
  std::vector<std::string> names;
  for (std::uint32_t v : loop.members) names.push_back(DisplayName(graph, v));
  finding.message = fmt::format(
      "closed ownership loop {}: each member is held 100% from inside the loop, so integrated "
      "ownership is undefined; the loop's internal stakes are left out",
      fmt::join(names, ", "));
  return finding;
}

/// One finding for node j from its owners' integrated stakes [begin, end), largest first.
Finding DescribeOwners(const GraphView& view, const StakeMatrix& m, const IntegratedOwnership& io,
                       std::span<const IntegratedStake> owners) {
  const PartnershipGraph& graph = view.Graph();
  const VertexId j = owners.front().owned;
  Finding finding;
  finding.pass = "control";
  finding.subjects.emplace_back(graph.NodeName(j));
  const VertexId top = view.Ultimate(j);
  if (top != j) finding.facts.emplace_back("ultimate_owner", graph.NodeName(top));
  finding.figures.push_back({"owners", static_cast<double>(owners.size())});
  auto column = std::equal_range(m.stakes.begin(), m.stakes.end(), DirectStake{0, j, 0},
                                 [](const DirectStake& a, const DirectStake& b) { return a.owned < b.owned; });
  std::vector<std::string> shown;
  for (std::size_t r = 0; r < owners.size() && r < kOwnersShown; ++r) {
    FindingPart part;
    part.node = graph.NodeName(owners[r].owner);
    part.figures.push_back({"integrated_stake", owners[r].integrated});
    double direct = 0;
    for (auto it = column.first; it != column.second; ++it) {
      const std::size_t a = static_cast<std::size_t>(it - m.stakes.begin());
      if (it->owner == owners[r].owner && io.used[a]) {
        direct = it->w;
        part.edges.push_back(m.edges[a]);
        finding.related.push_back(m.edges[a]);
      }
    }
    part.figures.push_back({"direct_stake", direct});
    shown.push_back(fmt::format("{} {}", DisplayName(graph, owners[r].owner), FormatPercent(owners[r].integrated)));
    finding.subjects.push_back(part.node);
    finding.parts.push_back(std::move(part));
  }
  finding.message = fmt::format("{}: {}integrated ownership {}{}", DisplayName(graph, j),
                                top != j ? fmt::format("ultimate owner {}; ", DisplayName(graph, top)) : "",
                                fmt::join(shown, ", "),
                                owners.size() > shown.size() ? fmt::format(" and {} more", owners.size() - shown.size())
                                                             : "");
  return finding;
}

}  // namespace

Findings RunControl(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  StakeMatrix m = CollectStakes(view);
  Findings findings = ScaleOverfullColumns(graph, m);
  IntegratedOwnership io = ComputeIntegratedOwnership(graph.NodeCount(), m.stakes);
  for (const ClosedLoop& loop : io.closed_loops) findings.push_back(DescribeClosedLoop(graph, m, loop));

  std::vector<IntegratedStake>& holdings = io.holdings;
  std::sort(holdings.begin(), holdings.end(), [&](const IntegratedStake& a, const IntegratedStake& c) {
    if (a.owned != c.owned) return a.owned < c.owned;
    if (a.integrated != c.integrated) return a.integrated > c.integrated;
    return graph.NodeName(a.owner) < graph.NodeName(c.owner);
  });
  for (std::size_t k = 0; k < holdings.size();) {
    std::size_t end = k + 1;
    while (end < holdings.size() && holdings[end].owned == holdings[k].owned) ++end;
    findings.push_back(DescribeOwners(view, m, io, std::span(holdings).subspan(k, end - k)));
    k = end;
  }
  return findings;
}

}  // namespace pg
