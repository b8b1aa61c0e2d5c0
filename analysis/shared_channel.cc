#include "analysis/shared_channel.h"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"
#include "graph/value_parser.h"
#include "graph/counted_edges.h"

namespace pg {
namespace {

// True when the owner (rolled up) has a counted investment into `company`.
bool OwnerInvests(const GraphView& view, VertexId owner, VertexId company) {
  bool found = false;
  ForCountedIn(view, company, EdgeType::kInvests, [&](VertexId from, EdgeId) { found |= view.Ultimate(from) == owner; });
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
    // No edge record is read until a finding needs it (graph/counted_edges.h).
    ForCountedOut(view, channel, EdgeType::kDistributes, [&](VertexId to, EdgeId e) {
      if (to != channel) carried.emplace_back(to, e);
    });
    if (carried.size() < 2) continue;
    std::sort(carried.begin(), carried.end());
    suppliers.clear();
    for (const auto& [supplier, e] : carried) {
      // A supplier with no competes edge and no market is nobody's rival: leave it out.
      if (!view.Rivals().MayHaveRival(supplier)) continue;
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
    // Both lists are sorted by supplier: one merge walk, not a scan of `carried` per rival (a
    // channel carrying 20,000 suppliers, 4,000 of them rivals, made that quadratic).
    auto next = carried.begin();
    for (VertexId rival : rivals) {
      FindingPart part;
      part.node = graph.NodeName(rival);
      double rival_revenue = kMissing, take = kMissing;
      while (next->first != rival) ++next;
      for (; next != carried.end() && next->first == rival; ++next) {
        const EdgeId e = next->second;
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
      names.push_back(DisplayName(graph, rival));
      if (owner != channel && OwnerInvests(view, owner, rival)) also_invests.push_back(names.back());
      finding.subjects.push_back(part.node);
      finding.parts.push_back(std::move(part));
    }
    finding.figures.push_back({"rivals", static_cast<double>(rivals.size())});
    if (Known(revenue)) finding.figures.push_back({"revenue_usd", revenue});
    NoteConflicts(view, finding.related).AppendTo(&finding);
    if (!also_invests.empty()) {
      finding.notes.push_back(fmt::format("{} (owner of {}) also invests in {}: investor and channel at once",
                                          DisplayName(graph, owner), DisplayName(graph, channel),
                                          fmt::join(also_invests, " and ")));
    }
    const std::string owned = owner != channel ? fmt::format(" (owner {})", DisplayName(graph, owner)) : "";
    finding.message = fmt::format("{}{} distributes {} rivals: {}{}", DisplayName(graph, channel), owned,
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
