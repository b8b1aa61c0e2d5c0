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
  for (VertexId i : vertices) {
    const double strength_i = Strength(g, i);
    if (strength_i == 0) {
      out.push_back(kMissing);
      continue;
    }
    double c = 0;
    for (std::uint32_t a = g.offsets[i]; a < g.offsets[i + 1]; ++a) {
      const VertexId j = g.targets[a];
      double indirect = 0;
      // q in N(i) and N(j): both lists are sorted, so merge them.
      std::uint32_t x = g.offsets[i], y = g.offsets[j];
      while (x < g.offsets[i + 1] && y < g.offsets[j + 1]) {
        const VertexId qi = g.targets[x], qj = g.targets[y];
        if (qi < qj) {
          ++x;
        } else if (qj < qi) {
          ++y;
        } else {
          // p_iq * p_qj, with w_qj = w_jq read from j's list.
          indirect += (g.weights[x] / strength_i) * (g.weights[y] / Strength(g, qi));
          ++x;
          ++y;
        }
      }
      const double direct = g.weights[a] / strength_i;
      c += (direct + indirect) * (direct + indirect);
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace pg
