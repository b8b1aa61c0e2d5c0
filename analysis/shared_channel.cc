#include "analysis/shared_channel.h"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

// The owner's counted investments into `company` (rolled up), as edge ids.
std::vector<EdgeId> OwnerInvestments(const GraphView& view, VertexId owner, VertexId company) {
  std::vector<EdgeId> found;
  view.Graph().ForInEdges(company, [&](EdgeId e) {
    const Edge& edge = view.Graph().GetEdge(e);
    if (edge.type == EdgeType::kInvests && view.Counted(e) && view.Ultimate(edge.from) == owner) found.push_back(e);
  });
  return found;
}

}  // namespace

Findings RunSharedChannel(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  Findings findings;
  RivalFinder finder(view.Rivals());
  std::vector<std::pair<VertexId, EdgeId>> carried;
  std::vector<VertexId> suppliers;
  for (VertexId channel = 0; channel < graph.NodeCount(); ++channel) {
    carried.clear();
    graph.ForOutEdges(channel, [&](EdgeId e) {
      const Edge& edge = graph.GetEdge(e);
      if (edge.type == EdgeType::kDistributes && view.Counted(e) && edge.to != channel) carried.emplace_back(edge.to, e);
    });
    if (carried.size() < 2) continue;
    std::sort(carried.begin(), carried.end());
    suppliers.clear();
    for (const auto& [supplier, e] : carried) {
      if (suppliers.empty() || suppliers.back() != supplier) suppliers.push_back(supplier);
    }
    const std::vector<VertexId> rivals = finder.MembersWithRival(suppliers);
    if (rivals.size() < 2) continue;

    Finding finding;
    finding.pass = "shared-channel";
    finding.severity = FindingSeverity::kWarning;
    finding.subjects.emplace_back(graph.NodeName(channel));
    const VertexId owner = view.Ultimate(channel);
    finding.facts.emplace_back("owner", graph.NodeName(owner));
    double revenue = kMissing;
    std::vector<std::string> names;
    std::vector<std::string> also_invests;
    for (VertexId rival : rivals) {
      FindingPart part;
      part.node = graph.NodeName(rival);
      double rival_revenue = kMissing, take = kMissing;
      for (const auto& [supplier, e] : carried) {
        if (supplier != rival) continue;
        const Edge& edge = graph.GetEdge(e);
        const EdgeDetails& details = graph.Details(edge);
        part.edges.push_back(e);
        finding.related.push_back(e);
        if (Known(details.revenue_usd)) rival_revenue = Known(rival_revenue) ? rival_revenue + details.revenue_usd : details.revenue_usd;
        if (Known(details.share_pct)) take = details.share_pct;
      }
      if (Known(rival_revenue)) {
        part.figures.push_back({"revenue_usd", rival_revenue});
        revenue = Known(revenue) ? revenue + rival_revenue : rival_revenue;
      }
      if (Known(take)) part.figures.push_back({"share_pct", take});
      if (owner != channel) {
        const std::vector<EdgeId> stakes = OwnerInvestments(view, owner, rival);
        if (!stakes.empty()) also_invests.push_back(part.node);
      }
      names.push_back(part.node);
      finding.subjects.push_back(part.node);
      finding.parts.push_back(std::move(part));
    }
    finding.figures.push_back({"rivals", static_cast<double>(rivals.size())});
    if (Known(revenue)) finding.figures.push_back({"revenue_usd", revenue});
    NoteConflicts(view, finding.related, &finding);
    if (!also_invests.empty()) {
      finding.notes.push_back(fmt::format("{} (owner of {}) also invests in {}: investor and channel at once",
                                          graph.NodeName(owner), finding.subjects.front(),
                                          fmt::join(also_invests, " and ")));
    }
    const std::string owned = owner != channel ? fmt::format(" (owner {})", graph.NodeName(owner)) : "";
    finding.message = fmt::format("{}{} distributes {} rivals: {}{}", finding.subjects.front(), owned,
                                  rivals.size(), fmt::join(names, ", "),
                                  Known(revenue) ? fmt::format("; {} revenue through it", FormatUsd(revenue)) : "");
    findings.push_back(std::move(finding));
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    const double ra = a.FigureValue("rivals").value_or(0), rb = b.FigureValue("rivals").value_or(0);
    return ra != rb ? ra > rb : a.subjects.front() < b.subjects.front();
  });
  return findings;
}

}  // namespace pg
