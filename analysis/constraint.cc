#include "analysis/constraint.h"

namespace pg {
namespace {

double Strength(const UndirectedGraph& g, VertexId v) {
  double total = 0;
  for (std::uint32_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) total += g.weights[i];
  return total;
}

}  // namespace

std::vector<double> BurtConstraint(const UndirectedGraph& g, std::span<const VertexId> vertices) {
  std::vector<double> out;
  out.reserve(vertices.size());
  // Per vertex i, p_iq and strength(q) for its neighbours q, so that each neighbour j reads
  // only its own list: the cost is the sum of the neighbours' degrees, not degree(i) squared
  // (a hub with 57,000 neighbours took a minute merging lists).
  std::vector<double> p_i(g.VertexCount(), 0.0), strength(g.VertexCount(), 0.0);
  for (VertexId i : vertices) {
    const double strength_i = Strength(g, i);
    if (strength_i == 0) {
      out.push_back(kMissing);
      continue;
    }
    for (std::uint32_t a = g.offsets[i]; a < g.offsets[i + 1]; ++a) {
      const VertexId q = g.targets[a];
      p_i[q] = g.weights[a] / strength_i;
      strength[q] = Strength(g, q);
    }
    double c = 0;
    for (std::uint32_t a = g.offsets[i]; a < g.offsets[i + 1]; ++a) {
      const VertexId j = g.targets[a];
      double indirect = 0;
      // q in N(i) and N(j), in increasing id as j's list is sorted: p_iq * p_qj, with w_qj = w_jq.
      for (std::uint32_t y = g.offsets[j]; y < g.offsets[j + 1]; ++y) {
        const VertexId q = g.targets[y];
        if (p_i[q] != 0) indirect += p_i[q] * (g.weights[y] / strength[q]);
      }
      const double direct = g.weights[a] / strength_i;
      c += (direct + indirect) * (direct + indirect);
    }
    for (std::uint32_t a = g.offsets[i]; a < g.offsets[i + 1]; ++a) p_i[g.targets[a]] = 0;
    out.push_back(c);
  }
  return out;
}

}  // namespace pg
