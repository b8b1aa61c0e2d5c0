#pragma once
// The one way passes walk counted edges: a vertex's CSR adjacency, each edge tested through
// GraphView's one byte per edge, so no edge record is read until the pass wants the
// edge's figures. The other end comes from the CSR too. Self-loops are passed on: a pass that
// ignores them says so itself.

#include <boost/range/iterator_range.hpp>

#include "graph/graph_view.h"

namespace pg {

/// fn(to, e) for each counted out-edge of v of `type`, in CSR order (input order per vertex).
template <typename Fn> void ForCountedOut(const GraphView& view, VertexId v, EdgeType type, Fn&& fn) {
  const auto& topo = view.Graph().Topo();
  for (auto out : boost::make_iterator_range(boost::out_edges(v, topo))) {
    const EdgeId e = topo[out];
    if (view.CountedAs(e, type)) fn(static_cast<VertexId>(boost::target(out, topo)), e);
  }
}

/// fn(from, e) for each counted in-edge of v of `type`.
template <typename Fn> void ForCountedIn(const GraphView& view, VertexId v, EdgeType type, Fn&& fn) {
  const auto& topo = view.Graph().Topo();
  for (auto in : boost::make_iterator_range(boost::in_edges(v, topo))) {
    const EdgeId e = topo[in];
    if (view.CountedAs(e, type)) fn(static_cast<VertexId>(boost::source(in, topo)), e);
  }
}

/// fn(to, e) / fn(from, e) for each counted edge of v of any type.
template <typename Fn> void ForCountedOut(const GraphView& view, VertexId v, Fn&& fn) {
  const auto& topo = view.Graph().Topo();
  for (auto out : boost::make_iterator_range(boost::out_edges(v, topo))) {
    const EdgeId e = topo[out];
    if (view.Counted(e)) fn(static_cast<VertexId>(boost::target(out, topo)), e);
  }
}
template <typename Fn> void ForCountedIn(const GraphView& view, VertexId v, Fn&& fn) {
  const auto& topo = view.Graph().Topo();
  for (auto in : boost::make_iterator_range(boost::in_edges(v, topo))) {
    const EdgeId e = topo[in];
    if (view.Counted(e)) fn(static_cast<VertexId>(boost::source(in, topo)), e);
  }
}

/// fn(e) for every counted edge of `type`, in input order (one byte read per edge).
template <typename Fn> void ForCounted(const GraphView& view, EdgeType type, Fn&& fn) {
  const std::size_t count = view.Graph().EdgeCount();
  for (EdgeId e = 0; e < count; ++e) {
    if (view.CountedAs(e, type)) fn(e);
  }
}

}  // namespace pg
