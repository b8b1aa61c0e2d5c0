#include "analysis/control.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <fmt/format.h>

#include "graph/value_parser.h"

namespace pg {
namespace {

constexpr std::size_t kOwnersShown = 10;
constexpr std::size_t kDenseLimit = 400;
constexpr double kTiny = 1e-12;

struct Stake {
  VertexId owner;
  VertexId owned;
  double w;
  EdgeId edge;
};

// The stake matrix W in two sorted views: by owned (columns) and by owner (rows).
struct StakeMatrix {
  std::vector<Stake> by_owned;            ///< sorted by (owned, owner)
  std::vector<std::uint32_t> in_offsets;  ///< into by_owned, per owned vertex
  std::vector<Stake> by_owner;            ///< sorted by (owner, owned)
  std::vector<std::uint32_t> out_offsets;
};

std::vector<std::uint32_t> Offsets(const std::vector<Stake>& stakes, std::size_t n, bool by_owner) {
  std::vector<std::uint32_t> offsets(n + 1, 0);
  for (const Stake& s : stakes) ++offsets[(by_owner ? s.owner : s.owned) + 1];
  for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
  return offsets;
}

StakeMatrix CollectStakes(const GraphView& view) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<Stake> raw;
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
    if (w > 0) raw.push_back({edge.from, edge.to, std::min(w, 1.0), e});
  }
  std::sort(raw.begin(), raw.end(), [](const Stake& a, const Stake& b) {
    if (a.owned != b.owned) return a.owned < b.owned;
    if (a.owner != b.owner) return a.owner < b.owner;
    return a.w != b.w ? a.w > b.w : a.edge < b.edge;  // largest stake first, then first row
  });
  StakeMatrix m;
  for (const Stake& s : raw) {
    if (m.by_owned.empty() || m.by_owned.back().owned != s.owned || m.by_owned.back().owner != s.owner) {
      m.by_owned.push_back(s);
    }
  }
  m.by_owner = m.by_owned;
  std::sort(m.by_owner.begin(), m.by_owner.end(), [](const Stake& a, const Stake& b) {
    return a.owner != b.owner ? a.owner < b.owner : a.owned < b.owned;
  });
  m.in_offsets = Offsets(m.by_owned, graph.NodeCount(), false);
  m.out_offsets = Offsets(m.by_owner, graph.NodeCount(), true);
  return m;
}

// LU factors of a dense matrix with partial pivoting, for one cross-holding component.
struct DenseLu {
  std::size_t size = 0;
  std::vector<double> lu;  ///< row-major
  std::vector<std::size_t> pivot;

  void Factor() {
    pivot.resize(size);
    for (std::size_t k = 0; k < size; ++k) {
      std::size_t p = k;
      for (std::size_t r = k + 1; r < size; ++r) {
        if (std::abs(lu[r * size + k]) > std::abs(lu[p * size + k])) p = r;
      }
      pivot[k] = p;
      if (p != k) {
        for (std::size_t c = 0; c < size; ++c) std::swap(lu[k * size + c], lu[p * size + c]);
      }
      const double d = lu[k * size + k];
      for (std::size_t r = k + 1; r < size; ++r) {
        const double f = lu[r * size + k] /= d;
        for (std::size_t c = k + 1; c < size; ++c) lu[r * size + c] -= f * lu[k * size + c];
      }
    }
  }
  void Solve(std::vector<double>& b) const {
    for (std::size_t k = 0; k < size; ++k) {
      if (pivot[k] != k) std::swap(b[k], b[pivot[k]]);
      for (std::size_t r = k + 1; r < size; ++r) b[r] -= lu[r * size + k] * b[k];
    }
    for (std::size_t k = size; k-- > 0;) {
      for (std::size_t c = k + 1; c < size; ++c) b[k] -= lu[k * size + c] * b[c];
      b[k] /= lu[k * size + k];
    }
  }
};

struct Component {
  std::vector<VertexId> members;  ///< sorted
  bool cyclic = false;
  bool closed = false;  ///< every member held 100% from inside: no finite solution
  DenseLu lu;           ///< (I − W_CC)^T for cyclic, open components up to kDenseLimit members
};

}  // namespace

Findings RunControl(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  const std::size_t n = graph.NodeCount();
  StakeMatrix m = CollectStakes(view);
  Findings findings;

  // Columns over 100%: report and scale.
  for (VertexId j = 0; j < n; ++j) {
    double total = 0;
    for (std::uint32_t a = m.in_offsets[j]; a < m.in_offsets[j + 1]; ++a) total += m.by_owned[a].w;
    if (total <= 1 + 1e-9) continue;
    Finding finding;
    finding.pass = "control";
    finding.severity = FindingSeverity::kWarning;
    finding.subjects.emplace_back(graph.NodeName(j));
    finding.figures.push_back({"stakes_total", total});
    for (std::uint32_t a = m.in_offsets[j]; a < m.in_offsets[j + 1]; ++a) {
      finding.related.push_back(m.by_owned[a].edge);
      m.by_owned[a].w /= total;
    }
    finding.message = fmt::format("stakes in {} add up to {}; scaled to 100% for integrated ownership",
                                  graph.NodeName(j), FormatPercent(total));
    findings.push_back(std::move(finding));
  }
  m.by_owner = m.by_owned;  // keep the row view in step with the scaled columns
  std::sort(m.by_owner.begin(), m.by_owner.end(), [](const Stake& a, const Stake& b) {
    return a.owner != b.owner ? a.owner < b.owner : a.owned < b.owned;
  });

  // Strong components (Tarjan numbers them sinks first: a higher number is further upstream).
  using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Digraph digraph(n);
  for (const Stake& s : m.by_owner) boost::add_edge(s.owner, s.owned, digraph);
  std::vector<int> comp_of(n);
  const int comp_count = n ? boost::strong_components(
      digraph, boost::make_iterator_property_map(comp_of.begin(), boost::get(boost::vertex_index, digraph))) : 0;
  std::vector<Component> comps(comp_count);
  for (VertexId v = 0; v < n; ++v) comps[comp_of[v]].members.push_back(v);
  auto internal = [&](const Stake& s) { return comp_of[s.owner] == comp_of[s.owned]; };
  for (Component& comp : comps) {
    if (comp.members.size() < 2) continue;
    comp.cyclic = true;
    const std::size_t size = comp.members.size();
    auto local = [&](VertexId v) {
      return static_cast<std::size_t>(std::lower_bound(comp.members.begin(), comp.members.end(), v) -
                                      comp.members.begin());
    };
    comp.closed = true;
    for (VertexId j : comp.members) {
      double inside = 0;
      for (std::uint32_t a = m.in_offsets[j]; a < m.in_offsets[j + 1]; ++a) {
        if (internal(m.by_owned[a])) inside += m.by_owned[a].w;
      }
      if (inside < 1 - kTiny) comp.closed = false;
    }
    if (comp.closed) {
      Finding finding;
      finding.pass = "control";
      finding.severity = FindingSeverity::kCritical;
      for (VertexId v : comp.members) finding.subjects.emplace_back(graph.NodeName(v));
      for (VertexId j : comp.members) {
        for (std::uint32_t a = m.in_offsets[j]; a < m.in_offsets[j + 1]; ++a) {
          if (internal(m.by_owned[a])) finding.related.push_back(m.by_owned[a].edge);
        }
      }
      std::sort(finding.related.begin(), finding.related.end());
      finding.figures.push_back({"members", static_cast<double>(size)});
      finding.message = fmt::format(
          "closed ownership loop {}: each member is held 100% from inside the loop, so integrated "
          "ownership is undefined; the loop's internal stakes are left out",
          fmt::join(finding.subjects, ", "));
      findings.push_back(std::move(finding));
      continue;
    }
    if (size > kDenseLimit) continue;
    comp.lu.size = size;
    comp.lu.lu.assign(size * size, 0.0);
    for (std::size_t r = 0; r < size; ++r) comp.lu.lu[r * size + r] = 1.0;
    for (VertexId j : comp.members) {  // row j of (I − W_CC)^T holds column j of W_CC
      for (std::uint32_t a = m.in_offsets[j]; a < m.in_offsets[j + 1]; ++a) {
        const Stake& s = m.by_owned[a];
        if (internal(s)) comp.lu.lu[local(j) * size + local(s.owner)] -= s.w;
      }
    }
    comp.lu.Factor();
  }
  auto usable = [&](const Stake& s) { return !(internal(s) && comps[comp_of[s.owner]].closed); };

  // Per owner: integrated stakes in everything downstream.
  struct Holding {
    VertexId owned, owner;
    double integrated;
  };
  std::vector<Holding> holdings;
  std::vector<double> x(n, 0.0);
  std::vector<bool> seen(n, false);
  std::vector<VertexId> reach, stack;
  std::vector<double> b;
  for (VertexId i = 0; i < n; ++i) {
    if (m.out_offsets[i] == m.out_offsets[i + 1]) continue;
    reach.clear();
    stack.assign(1, i);
    while (!stack.empty()) {
      const VertexId v = stack.back();
      stack.pop_back();
      for (std::uint32_t a = m.out_offsets[v]; a < m.out_offsets[v + 1]; ++a) {
        const VertexId w = m.by_owner[a].owned;
        if (!seen[w] && usable(m.by_owner[a])) {
          seen[w] = true;
          reach.push_back(w);
          stack.push_back(w);
        }
      }
    }
    std::sort(reach.begin(), reach.end(), [&](VertexId a, VertexId c) {
      return comp_of[a] != comp_of[c] ? comp_of[a] > comp_of[c] : a < c;
    });
    // b_j = sum over k outside j's component of W_kj (x_k + [k = i]), plus W_ij inside it.
    auto inflow = [&](VertexId j) {
      double sum = 0;
      for (std::uint32_t a = m.in_offsets[j]; a < m.in_offsets[j + 1]; ++a) {
        const Stake& s = m.by_owned[a];
        if (!usable(s)) continue;
        if (internal(s)) {
          if (s.owner == i) sum += s.w;
        } else {
          sum += s.w * (x[s.owner] + (s.owner == i ? 1.0 : 0.0));
        }
      }
      return sum;
    };
    for (std::size_t k = 0; k < reach.size();) {
      const Component& comp = comps[comp_of[reach[k]]];
      std::size_t end = k + 1;
      while (end < reach.size() && comp_of[reach[end]] == comp_of[reach[k]]) ++end;
      if (!comp.cyclic || comp.closed) {
        for (std::size_t r = k; r < end; ++r) x[reach[r]] = inflow(reach[r]);
      } else {
        // The whole component is reachable once one member is (it is strongly connected).
        b.assign(comp.members.size(), 0.0);
        for (std::size_t r = 0; r < comp.members.size(); ++r) b[r] = inflow(comp.members[r]);
        if (comp.lu.size) {
          comp.lu.Solve(b);
          for (std::size_t r = 0; r < comp.members.size(); ++r) x[comp.members[r]] = b[r];
        } else {
          // Gauss-Seidel on x_C = b_C + x_C W_CC; converges since the component is open.
          for (std::size_t r = 0; r < comp.members.size(); ++r) x[comp.members[r]] = b[r];
          for (int sweep = 0; sweep < 100000; ++sweep) {
            double change = 0;
            for (std::size_t r = 0; r < comp.members.size(); ++r) {
              const VertexId j = comp.members[r];
              double value = b[r];
              for (std::uint32_t a = m.in_offsets[j]; a < m.in_offsets[j + 1]; ++a) {
                if (internal(m.by_owned[a])) value += m.by_owned[a].w * x[m.by_owned[a].owner];
              }
              change = std::max(change, std::abs(value - x[j]));
              x[j] = value;
            }
            if (change < 1e-15) break;
          }
        }
      }
      k = end;
    }
    for (VertexId j : reach) {
      if (j != i && x[j] > kTiny) holdings.push_back({j, i, x[j]});
      x[j] = 0;
      seen[j] = false;
    }
  }

  // Findings per owned node.
  std::sort(holdings.begin(), holdings.end(), [&](const Holding& a, const Holding& c) {
    if (a.owned != c.owned) return a.owned < c.owned;
    if (a.integrated != c.integrated) return a.integrated > c.integrated;
    return graph.NodeName(a.owner) < graph.NodeName(c.owner);
  });
  for (std::size_t k = 0; k < holdings.size();) {
    const VertexId j = holdings[k].owned;
    std::size_t end = k + 1;
    while (end < holdings.size() && holdings[end].owned == j) ++end;
    Finding finding;
    finding.pass = "control";
    finding.subjects.emplace_back(graph.NodeName(j));
    const VertexId top = view.Ultimate(j);
    if (top != j) finding.facts.emplace_back("ultimate_owner", graph.NodeName(top));
    finding.figures.push_back({"owners", static_cast<double>(end - k)});
    std::vector<std::string> shown;
    for (std::size_t r = k; r < end && r - k < kOwnersShown; ++r) {
      FindingPart part;
      part.node = graph.NodeName(holdings[r].owner);
      part.figures.push_back({"integrated_stake", holdings[r].integrated});
      double direct = 0;
      for (std::uint32_t a = m.in_offsets[j]; a < m.in_offsets[j + 1]; ++a) {
        if (m.by_owned[a].owner == holdings[r].owner && usable(m.by_owned[a])) {
          direct = m.by_owned[a].w;
          part.edges.push_back(m.by_owned[a].edge);
          finding.related.push_back(m.by_owned[a].edge);
        }
      }
      part.figures.push_back({"direct_stake", direct});
      shown.push_back(fmt::format("{} {}", part.node, FormatPercent(holdings[r].integrated)));
      finding.subjects.push_back(part.node);
      finding.parts.push_back(std::move(part));
    }
    finding.message = fmt::format("{}: {}integrated ownership {}{}", graph.NodeName(j),
                                  top != j ? fmt::format("ultimate owner {}; ", graph.NodeName(top)) : "",
                                  fmt::join(shown, ", "),
                                  end - k > shown.size() ? fmt::format(" and {} more", end - k - shown.size()) : "");
    findings.push_back(std::move(finding));
    k = end;
  }
  return findings;
}

}  // namespace pg
