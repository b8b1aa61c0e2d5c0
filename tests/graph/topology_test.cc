// BuildTopology: our CSR arrays, in the order Boost's compressed_sparse_row_graph gave (passes
// and outputs depend on it).

#include "graph/topology.h"

#include <cstdint>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/range/iterator_range.hpp>
#include <gtest/gtest.h>

namespace pg {
namespace {

using Ends = std::vector<std::pair<VertexId, VertexId>>;

std::vector<EdgeId> Ids(std::span<const EdgeId> ids) { return {ids.begin(), ids.end()}; }
std::vector<VertexId> Vertices(std::span<const VertexId> ids) { return {ids.begin(), ids.end()}; }

TEST(Topology, OutEdgesInEdgeOrderInEdgesBySourceThenEdge) {
  const Ends ends{{2, 0}, {0, 1}, {1, 0}, {0, 0}, {2, 0}};
  const Topology topology = BuildTopology(ends, 3);
  EXPECT_EQ(Ids(topology.out.Edges(0)), (std::vector<EdgeId>{1, 3}));
  EXPECT_EQ(Vertices(topology.out.Ends(0)), (std::vector<VertexId>{1, 0}));
  EXPECT_EQ(Ids(topology.out.Edges(2)), (std::vector<EdgeId>{0, 4}));
  // Edge 3 (from 0) comes before edge 0 (from 2), as Boost ordered in-edges.
  EXPECT_EQ(Ids(topology.in.Edges(0)), (std::vector<EdgeId>{3, 2, 0, 4}));
  EXPECT_EQ(Vertices(topology.in.Ends(0)), (std::vector<VertexId>{0, 1, 2, 2}));
  EXPECT_EQ(Ids(topology.in.Edges(1)), (std::vector<EdgeId>{1}));
  EXPECT_TRUE(topology.in.Edges(2).empty());
}

TEST(Topology, SameOrderAsBoostCompressedSparseRow) {
  Ends ends;
  std::uint32_t state = 12345;
  const auto next = [&] { return (state = state * 1103515245u + 12345u) >> 16; };
  for (int i = 0; i < 3000; ++i) ends.emplace_back(next() % 300, next() % 300);
  using Boost = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeId, boost::no_property,
                                                   VertexId, EdgeId>;
  const Boost boost_graph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(),
                          boost::counting_iterator<EdgeId>(0), 300);
  const Topology topology = BuildTopology(ends, 300);
  for (VertexId v = 0; v < 300; ++v) {
    std::vector<EdgeId> out, in;
    std::vector<VertexId> targets, sources;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, boost_graph))) {
      out.push_back(boost_graph[e]);
      targets.push_back(boost::target(e, boost_graph));
    }
    for (auto e : boost::make_iterator_range(boost::in_edges(v, boost_graph))) {
      in.push_back(boost_graph[e]);
      sources.push_back(boost::source(e, boost_graph));
    }
    EXPECT_EQ(Ids(topology.out.Edges(v)), out) << v;
    EXPECT_EQ(Vertices(topology.out.Ends(v)), targets) << v;
    EXPECT_EQ(Ids(topology.in.Edges(v)), in) << v;
    EXPECT_EQ(Vertices(topology.in.Ends(v)), sources) << v;
  }
}

}  // namespace
}  // namespace pg
