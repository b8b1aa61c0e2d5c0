#include "analysis/integrated_ownership.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

namespace pg {
namespace {

constexpr std::size_t kDenseLimit = 400;
constexpr double kTiny = 1e-12;

/// Stake indices grouped by one end (owned: the columns of W; owner: its rows), each group
/// ordered by the other end.
struct Grouped {
  std::vector<std::uint32_t> offsets;  ///< per entity, into `index`
  std::vector<std::size_t> index;

  Grouped(const std::vector<DirectStake>& stakes, std::size_t n, bool by_owner) : offsets(n + 1, 0) {
    auto key = [&](std::size_t a) { return by_owner ? stakes[a].owner : stakes[a].owned; };
    auto other = [&](std::size_t a) { return by_owner ? stakes[a].owned : stakes[a].owner; };
    index.resize(stakes.size());
    std::iota(index.begin(), index.end(), std::size_t{0});
    std::sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) {
      return key(a) != key(b) ? key(a) < key(b) : other(a) < other(b);
    });
    for (std::size_t a = 0; a < stakes.size(); ++a) ++offsets[key(a) + 1];
    for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
  }
  template <typename F>
  void ForEach(std::uint32_t v, F f) const {
    for (std::uint32_t k = offsets[v]; k < offsets[v + 1]; ++k) f(index[k]);
  }
};

/// LU factors of a dense matrix with partial pivoting, for one cross-holding component.
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
  std::vector<std::uint32_t> members;  ///< sorted
  bool cyclic = false;
  bool closed = false;  ///< every member held 100% from inside: no finite solution
  DenseLu lu;           ///< (I − W_CC)^T for cyclic, open components up to kDenseLimit members
};

/// The solver's state: W both ways, its components, and one owner's solution at a time.
class Solver {
 public:
  Solver(std::size_t n, const std::vector<DirectStake>& stakes)
      : n_(n), stakes_(stakes), in_(stakes, n, false), out_(stakes, n, true), x_(n, 0.0), seen_(n, false) {}

  IntegratedOwnership Run() {
    FindComponents();
    IntegratedOwnership result;
    for (Component& comp : comps_) {
      if (comp.cyclic) PrepareComponent(comp, result);
    }
    for (std::uint32_t i = 0; i < n_; ++i) {
      if (out_.offsets[i] != out_.offsets[i + 1]) SolveFor(i, result.holdings);
    }
    result.used.resize(stakes_.size());
    for (std::size_t a = 0; a < stakes_.size(); ++a) result.used[a] = Usable(a);
    std::sort(result.holdings.begin(), result.holdings.end(), [](const IntegratedStake& a, const IntegratedStake& b) {
      return a.owner != b.owner ? a.owner < b.owner : a.owned < b.owned;
    });
    return result;
  }

 private:
  bool Internal(std::size_t a) const { return comp_of_[stakes_[a].owner] == comp_of_[stakes_[a].owned]; }
  bool Usable(std::size_t a) const { return !(Internal(a) && comps_[comp_of_[stakes_[a].owner]].closed); }

  /// Strong components (Tarjan numbers them sinks first: a higher number is further upstream).
  void FindComponents() {
    using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Digraph digraph(n_);
    for (const DirectStake& s : stakes_) boost::add_edge(s.owner, s.owned, digraph);
    comp_of_.assign(n_, 0);
    const int count = n_ ? boost::strong_components(digraph, boost::make_iterator_property_map(
                                                                 comp_of_.begin(), boost::get(boost::vertex_index, digraph)))
                         : 0;
    comps_.assign(count, Component{});
    for (std::uint32_t v = 0; v < n_; ++v) comps_[comp_of_[v]].members.push_back(v);
    for (Component& comp : comps_) comp.cyclic = comp.members.size() >= 2;
  }

  /// Marks a closed loop (and reports it), or factors (I − W_CC)^T for the exact solve.
  void PrepareComponent(Component& comp, IntegratedOwnership& result) {
    ClosedLoop loop{comp.members, {}};
    comp.closed = true;
    for (std::uint32_t j : comp.members) {
      double inside = 0;
      in_.ForEach(j, [&](std::size_t a) {
        if (Internal(a)) {
          inside += stakes_[a].w;
          loop.stakes.push_back(a);
        }
      });
      if (inside < 1 - kTiny) comp.closed = false;
    }
    if (comp.closed) {
      std::sort(loop.stakes.begin(), loop.stakes.end());
      result.closed_loops.push_back(std::move(loop));
      return;
    }
    const std::size_t size = comp.members.size();
    if (size > kDenseLimit) return;
    auto local = [&](std::uint32_t v) {
      return static_cast<std::size_t>(std::lower_bound(comp.members.begin(), comp.members.end(), v) -
                                      comp.members.begin());
    };
    comp.lu.size = size;
    comp.lu.lu.assign(size * size, 0.0);
    for (std::size_t r = 0; r < size; ++r) comp.lu.lu[r * size + r] = 1.0;
    for (std::uint32_t j : comp.members) {  // row j of (I − W_CC)^T holds column j of W_CC
      in_.ForEach(j, [&](std::size_t a) {
        if (Internal(a)) comp.lu.lu[local(j) * size + local(stakes_[a].owner)] -= stakes_[a].w;
      });
    }
    comp.lu.Factor();
  }

  /// Everything downstream of owner i through usable stakes, upstream components first.
  void Reach(std::uint32_t i) {
    reach_.clear();
    std::vector<std::uint32_t> stack{i};
    while (!stack.empty()) {
      const std::uint32_t v = stack.back();
      stack.pop_back();
      out_.ForEach(v, [&](std::size_t a) {
        const std::uint32_t w = stakes_[a].owned;
        if (!seen_[w] && Usable(a)) {
          seen_[w] = true;
          reach_.push_back(w);
          stack.push_back(w);
        }
      });
    }
    std::sort(reach_.begin(), reach_.end(), [&](std::uint32_t a, std::uint32_t c) {
      return comp_of_[a] != comp_of_[c] ? comp_of_[a] > comp_of_[c] : a < c;
    });
  }

  /// b_j = sum over k outside j's component of W_kj (x_k + [k = i]), plus W_ij inside it.
  double Inflow(std::uint32_t j, std::uint32_t i) const {
    double sum = 0;
    in_.ForEach(j, [&](std::size_t a) {
      const DirectStake& s = stakes_[a];
      if (!Usable(a)) return;
      if (Internal(a)) {
        if (s.owner == i) sum += s.w;
      } else {
        sum += s.w * (x_[s.owner] + (s.owner == i ? 1.0 : 0.0));
      }
    });
    return sum;
  }

  /// x_C = b_C + x_C W_CC by Gauss-Seidel, for components too large to factor (they are open,
  /// so it converges).
  void GaussSeidel(const Component& comp, const std::vector<double>& b) {
    for (std::size_t r = 0; r < comp.members.size(); ++r) x_[comp.members[r]] = b[r];
    for (int sweep = 0; sweep < 100000; ++sweep) {
      double change = 0;
      for (std::size_t r = 0; r < comp.members.size(); ++r) {
        const std::uint32_t j = comp.members[r];
        double value = b[r];
        in_.ForEach(j, [&](std::size_t a) {
          if (Internal(a)) value += stakes_[a].w * x_[stakes_[a].owner];
        });
        change = std::max(change, std::abs(value - x_[j]));
        x_[j] = value;
      }
      if (change < 1e-15) break;
    }
  }

  /// Row i of Ĩ: integrated stakes of owner i in everything downstream.
  void SolveFor(std::uint32_t i, std::vector<IntegratedStake>& holdings) {
    Reach(i);
    for (std::size_t k = 0; k < reach_.size();) {
      const Component& comp = comps_[comp_of_[reach_[k]]];
      std::size_t end = k + 1;
      while (end < reach_.size() && comp_of_[reach_[end]] == comp_of_[reach_[k]]) ++end;
      if (!comp.cyclic || comp.closed) {
        for (std::size_t r = k; r < end; ++r) x_[reach_[r]] = Inflow(reach_[r], i);
      } else {
        // The whole component is reachable once one member is (it is strongly connected).
        std::vector<double> b(comp.members.size(), 0.0);
        for (std::size_t r = 0; r < comp.members.size(); ++r) b[r] = Inflow(comp.members[r], i);
        if (comp.lu.size) {
          comp.lu.Solve(b);
          for (std::size_t r = 0; r < comp.members.size(); ++r) x_[comp.members[r]] = b[r];
        } else {
          GaussSeidel(comp, b);
        }
      }
      k = end;
    }
    for (std::uint32_t j : reach_) {
      if (j != i && x_[j] > kTiny) holdings.push_back({i, j, x_[j]});
      x_[j] = 0;
      seen_[j] = false;
    }
  }

  std::size_t n_;
  const std::vector<DirectStake>& stakes_;
  Grouped in_, out_;
  std::vector<int> comp_of_;
  std::vector<Component> comps_;
  std::vector<double> x_;
  std::vector<bool> seen_;
  std::vector<std::uint32_t> reach_;
};

}  // namespace

IntegratedOwnership ComputeIntegratedOwnership(std::size_t n, const std::vector<DirectStake>& stakes) {
  return Solver(n, stakes).Run();
}

}  // namespace pg
