#include "analysis/paths.h"

#include <algorithm>
#include <deque>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "graph/display_name.h"
namespace pg {
namespace {

struct Move {
  VertexId next;
  PathStep step;
};

bool NoDirection(const Edge& edge) { return !edge.directed || IsUndirected(edge.type); }

/// The steps out of `v`, one per (next node, type, direction), sorted by next node's name.
/// `reverse`: the steps into `v` instead (for the distance to the target).
std::vector<Move> Moves(const GraphView& view, VertexId v, bool undirected, bool reverse) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<Move> moves;
  graph.ForOutEdges(v, [&](EdgeId e) {
    const Edge& edge = graph.GetEdge(e);
    if (edge.from == edge.to || !view.Counted(e)) return;
    if (!reverse || undirected || NoDirection(edge)) moves.push_back({edge.to, {e, true}});
  });
  graph.ForInEdges(v, [&](EdgeId e) {
    const Edge& edge = graph.GetEdge(e);
    if (edge.from == edge.to || !view.Counted(e)) return;
    if (reverse || undirected || NoDirection(edge)) moves.push_back({edge.from, {e, false}});
  });
  // An edge without direction reads the same both ways: its side does not make another step.
  const auto backwards = [&](const Move& m) { return !m.step.forward && !NoDirection(graph.GetEdge(m.step.edge)); };
  const auto key = [&](const Move& m) {
    return std::make_tuple(graph.NodeName(m.next), static_cast<int>(graph.GetEdge(m.step.edge).type), backwards(m),
                           m.step.edge);
  };
  std::sort(moves.begin(), moves.end(), [&](const Move& a, const Move& b) { return key(a) < key(b); });
  // One step per (next, type, direction): the first edge in input order.
  moves.erase(std::unique(moves.begin(), moves.end(),
                          [&](const Move& a, const Move& b) {
                            return a.next == b.next && graph.GetEdge(a.step.edge).type == graph.GetEdge(b.step.edge).type &&
                                   backwards(a) == backwards(b);
                          }),
              moves.end());
  return moves;
}

class PathFinder {
 public:
  PathFinder(const GraphView& view, VertexId to, const PathOptions& options, PathSearch* result)
      : view_(view), to_(to), options_(options), result_(result),
        on_path_(view.Graph().NodeCount(), false), distance_(view.Graph().NodeCount(), -1) {}

  /// Breadth-first distance of every node to the target, travelling moves backwards.
  void ComputeDistances() {
    std::deque<VertexId> queue{to_};
    distance_[to_] = 0;
    while (!queue.empty()) {
      const VertexId v = queue.front();
      queue.pop_front();
      if (distance_[v] >= options_.max_depth) continue;
      for (const Move& move : Moves(view_, v, options_.undirected, /*reverse=*/true)) {
        if (distance_[move.next] < 0) {
          distance_[move.next] = distance_[v] + 1;
          queue.push_back(move.next);
        }
      }
    }
  }

  /// Paths of exactly `remaining` more steps from v; false once a bound stops the search.
  bool Search(VertexId v, int remaining, Path* path) {
    if (remaining == 0) {
      if (v != to_) return true;
      if (result_->paths.size() >= options_.limit) {
        result_->truncated = true;
        result_->stop = PathStop::kLimit;
        return false;
      }
      result_->paths.push_back(*path);
      return true;
    }
    on_path_[v] = true;
    bool go_on = true;
    for (const Move& move : CachedMoves(v)) {
      if (++result_->expansions > options_.max_expansions || OutOfTime()) {
        result_->truncated = true;
        result_->budget_exhausted = true;
        if (result_->stop == PathStop::kNone) result_->stop = PathStop::kExpansions;
        go_on = false;
        break;
      }
      const int d = distance_[move.next];
      if (on_path_[move.next] || d < 0 || d > remaining - 1) continue;
      if (move.next == to_ && remaining != 1) continue;  // the target ends a path
      path->steps.push_back(move.step);
      go_on = Search(move.next, remaining - 1, path);
      path->steps.pop_back();
      if (!go_on) break;
    }
    on_path_[v] = false;
    return go_on;
  }

  int Distance(VertexId v) const { return distance_[v]; }

  /// True once the time budget is spent; looks at the clock every 4,096 steps.
  bool OutOfTime() {
    if (options_.time_budget.count() == 0 || result_->expansions % 4096 != 0) return false;
    if (std::chrono::steady_clock::now() - start_ < options_.time_budget) return false;
    result_->stop = PathStop::kTime;
    return true;
  }

  /// A hub's moves are sorted once, not on every visit (references survive rehashing).
  const std::vector<Move>& CachedMoves(VertexId v) {
    auto it = moves_.find(v);
    if (it == moves_.end()) it = moves_.emplace(v, Moves(view_, v, options_.undirected, /*reverse=*/false)).first;
    return it->second;
  }

 private:
  const GraphView& view_;
  VertexId to_;
  const PathOptions& options_;
  PathSearch* result_;
  std::vector<bool> on_path_;
  std::vector<int> distance_;
  std::unordered_map<VertexId, std::vector<Move>> moves_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

PathSearch FindPaths(const GraphView& view, VertexId from, VertexId to, const PathOptions& options) {
  PathSearch result;
  if (from == to || options.max_depth < 1 || options.limit == 0) return result;
  PathFinder finder(view, to, options, &result);
  finder.ComputeDistances();
  if (finder.Distance(from) < 0) return result;
  Path path{from, {}};
  for (int depth = std::max(1, finder.Distance(from)); depth <= options.max_depth; ++depth) {
    if (!finder.Search(from, depth, &path)) break;
  }
  return result;
}

VertexId StepTarget(const PartnershipGraph& graph, const PathStep& step) {
  const Edge& edge = graph.GetEdge(step.edge);
  return step.forward ? edge.to : edge.from;
}

std::string FormatStepArrow(const PartnershipGraph& graph, const PathStep& step) {
  const Edge& edge = graph.GetEdge(step.edge);
  const std::string_view type = EdgeTypeName(edge.type);
  if (NoDirection(edge)) return fmt::format("-{}-", type);
  return step.forward ? fmt::format("-{}->", type) : fmt::format("<-{}-", type);
}

std::string FormatPath(const PartnershipGraph& graph, const Path& path) {
  std::string text = DisplayName(graph, path.start);
  for (const PathStep& step : path.steps) {
    text += fmt::format(" {} {}", FormatStepArrow(graph, step), DisplayName(graph, StepTarget(graph, step)));
  }
  return text;
}

std::vector<Neighbor> FindNeighbors(const GraphView& view, VertexId node, int depth) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<int> seen(graph.NodeCount(), -1);
  std::vector<std::size_t> index(graph.NodeCount(), 0);
  std::vector<Neighbor> found;
  std::vector<VertexId> ring{node};
  seen[node] = 0;
  for (int d = 1; d <= depth && !ring.empty(); ++d) {
    const std::size_t first = found.size();
    for (VertexId v : ring) {
      auto visit = [&](EdgeId e, VertexId next, bool forward) {
        if (next == v || !view.Counted(e)) return;
        if (seen[next] < 0) {
          seen[next] = d;
          index[next] = found.size();
          found.push_back({next, d, {}});
        }
        if (seen[next] == d) found[index[next]].via.push_back({e, forward});
      };
      graph.ForOutEdges(v, [&](EdgeId e) { visit(e, graph.GetEdge(e).to, true); });
      graph.ForInEdges(v, [&](EdgeId e) { visit(e, graph.GetEdge(e).from, false); });
    }
    std::sort(found.begin() + first, found.end(),
              [&](const Neighbor& a, const Neighbor& b) { return graph.NodeName(a.node) < graph.NodeName(b.node); });
    ring.clear();
    for (std::size_t i = first; i < found.size(); ++i) {
      index[found[i].node] = i;
      std::sort(found[i].via.begin(), found[i].via.end(),
                [](const PathStep& a, const PathStep& b) { return a.edge < b.edge; });
      ring.push_back(found[i].node);
    }
  }
  return found;
}

}  // namespace pg
