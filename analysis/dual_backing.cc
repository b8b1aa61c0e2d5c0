#include "analysis/dual_backing.h"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

struct Investment {
  VertexId investee;
  EdgeId edge;
};

double SumKnown(double a, double b) { return Known(a) ? (Known(b) ? a + b : a) : b; }

}  // namespace

Findings RunDualBacking(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  const auto& edges = graph.Edges();
  const std::size_t n = graph.NodeCount();

  // Bucket counted investments by rolled-up investor (counting sort: linear in edges).
  std::vector<std::uint32_t> offsets(n + 1, 0);
  std::vector<double> funding_known(n, kMissing);  // each investee's known funding, all investors
  auto counts = [&](EdgeId e) {
    const Edge& edge = edges[e];
    if (edge.type != EdgeType::kInvests || !view.Counted(e) || edge.from == edge.to) return false;
    if (options.min_amount_usd > 0 && !(edge.amount_usd >= options.min_amount_usd)) return false;
    const VertexId investor = view.Ultimate(edge.from);
    return investor != edge.to && view.Ultimate(edge.to) != investor;
  };
  std::vector<bool> included(edges.size(), false);
  for (EdgeId e = 0; e < edges.size(); ++e) {
    if (!counts(e)) continue;
    included[e] = true;
    ++offsets[view.Ultimate(edges[e].from) + 1];
    funding_known[edges[e].to] = SumKnown(funding_known[edges[e].to], edges[e].amount_usd);
  }
  for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
  std::vector<Investment> bucket(offsets.back());
  {
    std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (EdgeId e = 0; e < edges.size(); ++e) {
      if (included[e]) bucket[fill[view.Ultimate(edges[e].from)]++] = {edges[e].to, e};
    }
  }

  Findings findings;
  RivalFinder finder(view.Rivals());
  std::vector<VertexId> investees;
  for (VertexId investor = 0; investor < n; ++investor) {
    const auto begin = bucket.begin() + offsets[investor], end = bucket.begin() + offsets[investor + 1];
    if (end - begin < 2) continue;
    std::sort(begin, end, [](const Investment& a, const Investment& b) {
      return a.investee != b.investee ? a.investee < b.investee : a.edge < b.edge;
    });
    investees.clear();
    for (auto it = begin; it != end; ++it) {
      if (investees.empty() || investees.back() != it->investee) investees.push_back(it->investee);
    }
    if (investees.size() < 2) continue;
    const std::vector<VertexId> rivals = finder.MembersWithRival(investees);
    if (rivals.size() < 2) continue;

    Finding finding;
    finding.pass = "dual-backing";
    finding.severity = FindingSeverity::kWarning;
    finding.subjects.emplace_back(graph.NodeName(investor));
    double total = kMissing;
    std::vector<EdgeId> counted_edges;
    std::vector<std::string> described;
    auto it = begin;
    for (VertexId rival : rivals) {
      while (it->investee != rival) ++it;
      FindingPart part;
      part.node = graph.NodeName(rival);
      double amount = kMissing;
      for (; it != end && it->investee == rival; ++it) {
        amount = SumKnown(amount, edges[it->edge].amount_usd);
        part.edges.push_back(it->edge);
        counted_edges.push_back(it->edge);
      }
      if (Known(amount)) {
        part.figures.push_back({"amount_usd", amount});
        if (funding_known[rival] > 0) part.figures.push_back({"share_of_funding", amount / funding_known[rival]});
      }
      total = SumKnown(total, amount);
      described.push_back(Known(amount) ? fmt::format("{} ({})", part.node, FormatUsd(amount)) : part.node);
      finding.subjects.push_back(part.node);
      finding.parts.push_back(std::move(part));
    }
    if (Known(total)) finding.figures.push_back({"total_usd", total});
    finding.figures.push_back({"rivals", static_cast<double>(rivals.size())});
    finding.related = counted_edges;
    NoteConflicts(view, counted_edges, &finding);
    finding.message = fmt::format("{} backs {} rivals: {}{}", finding.subjects.front(), rivals.size(),
                                  fmt::join(described, ", "),
                                  Known(total) ? fmt::format("; {} in total", FormatUsd(total)) : "");
    findings.push_back(std::move(finding));
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    const double ta = a.FigureValue("total_usd").value_or(-1), tb = b.FigureValue("total_usd").value_or(-1);
    return ta != tb ? ta > tb : a.subjects.front() < b.subjects.front();
  });
  return findings;
}

}  // namespace pg
