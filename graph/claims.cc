#include "graph/claims.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "graph/graph_view.h"  // ActiveAsOf
#include "graph/text.h"

namespace pg {
namespace {

bool SameFigure(double a, double b) {
  if (!Known(a) || !Known(b)) return Known(a) == Known(b);
  return a == b;
}

double Rank(const Edge& edge) { return Known(edge.confidence) ? edge.confidence : -1.0; }

/// Rows of one source within a fact.
struct Account {
  std::string source;  ///< lower-cased
  std::vector<EdgeId> rows;
  double rank = -2;
};

/// The same rows' figures, matched one to one (equal figures are an equivalence, so a greedy
/// match finds one when there is one).
bool SameAccount(const PartnershipGraph& graph, const Account& a, const Account& b) {
  if (a.rows.size() != b.rows.size()) return false;
  std::vector<bool> used(b.rows.size(), false);
  for (EdgeId row : a.rows) {
    bool matched = false;
    for (std::size_t k = 0; k < b.rows.size() && !matched; ++k) {
      if (used[k] || FiguresDiffer(graph, graph.GetEdge(row), graph.GetEdge(b.rows[k]))) continue;
      used[k] = matched = true;
    }
    if (!matched) return false;
  }
  return true;
}

}  // namespace

bool FiguresDiffer(const PartnershipGraph& graph, const Edge& a, const Edge& b) {
  const EdgeDetails& more_a = graph.Details(a);
  const EdgeDetails& more_b = graph.Details(b);
  return !SameFigure(a.amount_usd, b.amount_usd) || !SameFigure(more_a.stake_pct, more_b.stake_pct) ||
         !SameFigure(more_a.share_pct, more_b.share_pct) || !SameFigure(more_a.revenue_usd, more_b.revenue_usd) ||
         !SameFigure(more_a.capacity_gw, more_b.capacity_gw) || a.end != b.end;
}

ClaimSet::ClaimSet(const PartnershipGraph& graph, const std::vector<bool>* active)
    : counted_(graph.EdgeCount(), false) {
  const auto& edges = graph.Edges();
  const Adjacency& out = graph.Topo().out;
  // Rows of one fact share from and to. Out-edges of a vertex are contiguous in the CSR
  // with their targets beside them, so a vertex whose targets are all distinct (nearly every
  // vertex) has one row per fact and is settled without reading a single edge record.
  std::vector<VertexId> last_source(graph.NodeCount(), kNoVertex);
  std::vector<EdgeId> group;
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    bool repeated = false;
    for (VertexId target : out.Ends(v)) {
      VertexId& seen = last_source[target];
      if (seen == v) {
        repeated = true;
        break;
      }
      seen = v;
    }
    group.clear();
    for (EdgeId e : out.Edges(v)) {
      if (active && !(*active)[e]) continue;
      if (repeated) {
        group.push_back(e);
      } else {
        counted_[e] = true;
      }
    }
    auto key = [&](EdgeId e) {
      const Edge& edge = edges[e];
      return std::make_tuple(edge.to, edge.type, edge.start.Packed(), e);
    };
    std::sort(group.begin(), group.end(), [&](EdgeId a, EdgeId b) { return key(a) < key(b); });
    SettleAdjacent(graph, group);
  }
}

ClaimSet::ClaimSet(const PartnershipGraph& graph, std::span<const VertexId> targets, Date as_of)
    : counted_(graph.EdgeCount(), false) {
  const auto& edges = graph.Edges();
  std::vector<EdgeId> group;
  for (VertexId t : targets) {
    // A fact's rows share from and to, so the target's in-edges hold all of them.
    group.clear();
    graph.ForInEdges(t, [&](EdgeId e) {
      if (ActiveAsOf(edges[e], as_of)) group.push_back(e);
    });
    auto key = [&](EdgeId e) {
      const Edge& edge = edges[e];
      return std::make_tuple(edge.from, edge.type, edge.start.Packed(), e);
    };
    std::sort(group.begin(), group.end(), [&](EdgeId a, EdgeId b) { return key(a) < key(b); });
    SettleAdjacent(graph, group);
  }
}

void ClaimSet::SettleAdjacent(const PartnershipGraph& graph, std::span<const EdgeId> rows) {
  const auto& edges = graph.Edges();
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i + 1;
    const Edge& first = edges[rows[i]];
    while (j < rows.size() && edges[rows[j]].from == first.from && edges[rows[j]].to == first.to &&
           edges[rows[j]].type == first.type && edges[rows[j]].start == first.start) {
      ++j;
    }
    if (j - i == 1) {
      counted_[rows[i]] = true;
    } else {
      Settle(graph, rows.subspan(i, j - i));
    }
    i = j;
  }
}

void ClaimSet::Settle(const PartnershipGraph& graph, std::span<const EdgeId> rows) {
  std::vector<Account> accounts;  // index 0: the rows without a source
  accounts.emplace_back();
  for (EdgeId e : rows) {
    const Edge& edge = graph.GetEdge(e);
    std::string source = edge.source == kNoString ? std::string() : ToLower(graph.Text(edge.source));
    auto at = accounts.begin();
    if (edge.source != kNoString) {
      at = std::find_if(accounts.begin() + 1, accounts.end(), [&](const Account& a) { return a.source == source; });
      if (at == accounts.end()) {
        accounts.push_back({std::move(source), {}, -2});
        at = accounts.end() - 1;
      }
    }
    at->rows.push_back(e);
    at->rank = std::max(at->rank, Rank(edge));
  }
  for (const Account& account : accounts) NoteRepeats(graph, account.rows);
  for (EdgeId e : accounts[0].rows) counted_[e] = true;
  if (accounts.size() == 1) return;
  // The counted account: highest confidence, ties to the earlier first row (accounts are in
  // order of their first rows).
  std::size_t chosen = 1;
  for (std::size_t k = 2; k < accounts.size(); ++k) {
    if (accounts[k].rank > accounts[chosen].rank) chosen = k;
  }
  for (EdgeId e : accounts[chosen].rows) counted_[e] = true;
  Dispute dispute;
  dispute.accounts.push_back(accounts[chosen].rows);
  for (std::size_t k = 1; k < accounts.size(); ++k) {
    if (k == chosen || SameAccount(graph, accounts[k], accounts[chosen])) continue;
    dispute.accounts.push_back(accounts[k].rows);
    dispute.conflicting.insert(dispute.conflicting.end(), accounts[k].rows.begin(), accounts[k].rows.end());
  }
  if (dispute.accounts.size() > 1) disputes_.emplace(accounts[chosen].rows.front(), std::move(dispute));
}

void ClaimSet::NoteRepeats(const PartnershipGraph& graph, std::span<const EdgeId> rows) {
  for (std::size_t k = 1; k < rows.size(); ++k) {
    const Edge& row = graph.GetEdge(rows[k]);
    const bool repeat = std::any_of(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(k),
                                    [&](EdgeId earlier) { return !FiguresDiffer(graph, graph.GetEdge(earlier), row); });
    if (!repeat) continue;
    ++repeats_;
    if (first_repeat_ == kNoEdge || rows[k] < first_repeat_) first_repeat_ = rows[k];
  }
}

const std::vector<EdgeId>& ClaimSet::ConflictsOf(EdgeId e) const {
  static const std::vector<EdgeId> kNone;
  auto found = disputes_.find(e);
  return found == disputes_.end() ? kNone : found->second.conflicting;
}

const std::vector<std::vector<EdgeId>>& ClaimSet::AccountsOf(EdgeId e) const {
  static const std::vector<std::vector<EdgeId>> kNone;
  auto found = disputes_.find(e);
  return found == disputes_.end() ? kNone : found->second.accounts;
}

std::vector<EdgeId> ClaimSet::ConflictedFacts() const {
  std::vector<EdgeId> out;
  out.reserve(disputes_.size());
  for (const auto& [e, dispute] : disputes_) out.push_back(e);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace pg
