#pragma once
// The one way passes walk counted edges: a vertex's CSR adjacency, each edge tested through
// GraphView's one byte per edge, so no edge record is read until the pass wants the
// edge's figures. The other end comes from the CSR too. Self-loops are passed on: a pass that
// ignores them says so itself.

#include "graph/graph_view.h"

namespace pg {

/// fn(to, e) for each counted out-edge of v of `type`, in CSR order (input order per vertex).
template <typename Fn> void ForCountedOut(const GraphView& view, VertexId v, EdgeType type, Fn&& fn) {
  const Adjacency& out = view.Graph().Topo().out;
  for (EdgeId k = out.starts[v]; k < out.starts[v + 1]; ++k) {
    if (view.CountedAs(out.edges[k], type)) fn(out.ends[k], out.edges[k]);
  }
}

/// fn(from, e) for each counted in-edge of v of `type`.
template <typename Fn> void ForCountedIn(const GraphView& view, VertexId v, EdgeType type, Fn&& fn) {
  const Adjacency& in = view.Graph().Topo().in;
  for (EdgeId k = in.starts[v]; k < in.starts[v + 1]; ++k) {
    if (view.CountedAs(in.edges[k], type)) fn(in.ends[k], in.edges[k]);
  }
}

/// fn(to, e) / fn(from, e) for each counted edge of v of any type.
template <typename Fn> void ForCountedOut(const GraphView& view, VertexId v, Fn&& fn) {
  const Adjacency& out = view.Graph().Topo().out;
  for (EdgeId k = out.starts[v]; k < out.starts[v + 1]; ++k) {
    if (view.Counted(out.edges[k])) fn(out.ends[k], out.edges[k]);
  }
}
template <typename Fn> void ForCountedIn(const GraphView& view, VertexId v, Fn&& fn) {
  const Adjacency& in = view.Graph().Topo().in;
  for (EdgeId k = in.starts[v]; k < in.starts[v + 1]; ++k) {
    if (view.Counted(in.edges[k])) fn(in.ends[k], in.edges[k]);
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
