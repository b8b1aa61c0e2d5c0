// The collapsed undirected graph and its renumbering for locality, on graphs small enough to
// write out by hand.

#include <gtest/gtest.h>

#include "analysis/undirected_graph.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::MustLoad;
using testing::TempDir;

PartnershipGraph Load(const TempDir& dir, const std::string& nodes, const std::string& edges) {
  dir.Write("nodes.csv", nodes);
  dir.Write("edges.csv", edges);
  return MustLoad({dir.Path().string()});
}

// C is a hub with leaves L1, L2 and L3; L3 carries X further out; D stands alone. C-L1 is there
// twice (both directions), C-C is a self-loop.
constexpr const char* kNodes = "id\nL1\nL2\nL3\nX\nC\nD\n";
constexpr const char* kEdges =
    "from,to,type\nC,L1,invests\nL1,C,partners\nC,L2,partners\nL3,C,partners\nL3,X,partners\nC,C,partners\n";

TEST(UndirectedGraph, CollapsesDirectionsAndParallelEdgesAndDropsSelfLoops) {
  TempDir dir;
  const UndirectedGraph g = BuildUndirectedGraph(Load(dir, kNodes, kEdges));
  // Ids in file order: L1 0, L2 1, L3 2, X 3, C 4, D 5.
  EXPECT_EQ(g.offsets, (std::vector<std::uint32_t>{0, 1, 2, 4, 5, 8, 8}));
  EXPECT_EQ(g.targets, (std::vector<VertexId>{4, 4, 3, 4, 2, 0, 1, 2}));
  EXPECT_EQ(g.weights, (std::vector<std::uint32_t>{2, 1, 1, 1, 1, 2, 1, 1}));
  EXPECT_EQ(g.EdgeCount(), 4u);
}

TEST(UndirectedGraph, LocalityOrderIsBreadthFirstFromTheHubHubsFirst) {
  TempDir dir;
  const UndirectedGraph g = BuildUndirectedGraph(Load(dir, kNodes, kEdges));
  // From C (degree 3): L3 (degree 2) before L1 and L2 (degree 1, by id); then X; then D alone.
  EXPECT_EQ(LocalityOrder(g), (std::vector<VertexId>{2, 3, 1, 4, 0, 5}));
}

TEST(UndirectedGraph, RenumberedKeepsEdgesAndWeightsAndSortedLists) {
  TempDir dir;
  const UndirectedGraph g = BuildUndirectedGraph(Load(dir, kNodes, kEdges));
  const UndirectedGraph r = Renumbered(g, LocalityOrder(g));
  // New ids: C 0, L3 1, L1 2, L2 3, X 4, D 5.
  EXPECT_EQ(r.offsets, (std::vector<std::uint32_t>{0, 3, 5, 6, 7, 8, 8}));
  EXPECT_EQ(r.targets, (std::vector<VertexId>{1, 2, 3, 0, 4, 0, 0, 1}));
  EXPECT_EQ(r.weights, (std::vector<std::uint32_t>{1, 2, 1, 1, 1, 2, 1, 1}));
}

}  // namespace
}  // namespace pg
