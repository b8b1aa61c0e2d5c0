#pragma once
// paths A B and neighbors NODE: how two nodes are connected, edge by edge.
//
// Travel: by default a path follows each edge in its direction (Amazon -owns-> AWS, never
// AWS -> Amazon); edges without direction (competes, partners, or a row marked undirected) can
// be travelled either way. With `undirected`, every edge can be travelled backwards too, shown
// as `A <-invests- B`. Paths are simple (no node twice). Parallel edges of one type between the
// same two nodes in the same direction (tranches, several reports; for edges without direction,
// either way) make one step, carried by the first such edge in input order. Only counted claims (GraphView::Counted) are travelled,
// so an as-of date and conflicting claims are respected.
// Bounds, so the search never explodes: paths of at most `max_depth` edges, at most `limit`
// paths, at most `max_expansions` steps tried and at most `time_budget` of search (checked every
// 4,096 steps); `truncated` says when a bound cut the answer, and `stop` which one.
// Order: shortest first (iterative deepening), then by the names along the path; a breadth-first
// distance to the target prunes every branch that cannot arrive in time.
// Neighbours: every node within `depth` steps, travelling edges either way, with the edges that
// reach it from the previous ring (their direction kept). Linear in the edges seen.

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "graph/graph_view.h"

namespace pg {

/// One edge travelled; `forward` when travelled from its `from` to its `to`.
struct PathStep {
  EdgeId edge = 0;
  bool forward = true;
};

struct Path {
  VertexId start = kNoVertex;
  std::vector<PathStep> steps;
};

struct PathOptions {
  int max_depth = 4;
  std::size_t limit = 100;
  bool undirected = false;
  std::size_t max_expansions = 2'000'000;
  std::chrono::milliseconds time_budget{0};  ///< 0: no time bound
};

/// Which bound ended the search early.
enum class PathStop { kNone, kLimit, kExpansions, kTime };

struct PathSearch {
  std::vector<Path> paths;
  bool truncated = false;  ///< a bound cut the search
  bool budget_exhausted = false;  ///< it was the budget (max_expansions or time_budget)
  PathStop stop = PathStop::kNone;
  std::size_t expansions = 0;
};

/// Simple paths from `from` to `to` (see above). from == to gives no path.
PathSearch FindPaths(const GraphView& view, VertexId from, VertexId to, const PathOptions& options);

/// The node a step arrives at.
VertexId StepTarget(const PartnershipGraph& graph, const PathStep& step);

/// "Amazon -owns-> AWS -owns-> Bedrock -distributes-> OpenAI"; backwards steps as
/// "A <-invests- B", steps over undirected edges as "OpenAI -competes- Anthropic".
std::string FormatPath(const PartnershipGraph& graph, const Path& path);

/// "-invests->", "<-invests-" or "-competes-" for one step.
std::string FormatStepArrow(const PartnershipGraph& graph, const PathStep& step);

struct Neighbor {
  VertexId node = kNoVertex;
  int depth = 0;
  /// Edges from nodes at depth - 1 to this node, in input order; `forward` when the edge points
  /// away from the centre.
  std::vector<PathStep> via;
};

/// Every node within `depth` steps of `node` (not the node itself), nearest first, then by id.
std::vector<Neighbor> FindNeighbors(const GraphView& view, VertexId node, int depth);

}  // namespace pg
