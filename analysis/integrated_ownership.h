#pragma once
// Integrated ownership (Vitali, Glattfelder & Battiston 2011, "The network of global corporate
// control"): with W_ij the fraction of j held directly by i,
//   Ĩ = W + W Ĩ = (I − W)^-1 W = W + W² + W³ + …,
// so Ĩ_ij counts every chain from i to j, cross-holdings included. Pure maths on a sparse
// matrix of n entities; analysis/control.h says where the stakes come from.
//
// Computation: strongly connected components of the stake graph in topological order, per owner
// a sparse forward pass; inside a cross-holding component the small linear system
// x_C (I − W_CC) = b_C is solved exactly (LU; Gauss-Seidel above 400 members). It converges when,
// in each component, some member is held less than 100% from inside the component. A closed loop
// (every member held 100% from inside, e.g. A, B, C holding each other entirely) has no finite
// integrated ownership: it is returned as such and its internal stakes are left out.
// The diagonal (an owner's integrated stake in itself, through a loop) is not returned.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pg {

/// W_ij: `owner` (i) holds fraction `w` of `owned` (j).
struct DirectStake {
  std::uint32_t owner = 0;
  std::uint32_t owned = 0;
  double w = 0;
};

/// Ĩ_ij for one pair, i != j.
struct IntegratedStake {
  std::uint32_t owner = 0;
  std::uint32_t owned = 0;
  double integrated = 0;
};

/// A cross-holding component whose members are each held 100% from inside it.
struct ClosedLoop {
  std::vector<std::uint32_t> members;  ///< sorted
  std::vector<std::size_t> stakes;     ///< indices of the stakes inside the loop (left out)
};

struct IntegratedOwnership {
  std::vector<IntegratedStake> holdings;  ///< every Ĩ_ij > 1e-12 with i != j, by owner then owned
  std::vector<ClosedLoop> closed_loops;   ///< in topological order of the components
  std::vector<bool> used;                 ///< per input stake: false when inside a closed loop
};

/// Ĩ for entities 0..n-1 from direct stakes: at most one per (owner, owned) pair, owner != owned,
/// 0 < w <= 1, and the stakes into any one entity adding up to at most 1.
IntegratedOwnership ComputeIntegratedOwnership(std::size_t n, const std::vector<DirectStake>& stakes);

}  // namespace pg
