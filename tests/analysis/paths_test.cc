// paths A B and neighbors NODE: order, direction rules and bounds.

#include "analysis/paths.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::TempDir;
using Strings = std::vector<std::string>;

Strings Texts(const PartnershipGraph& graph, const PathSearch& search) {
  Strings out;
  for (const Path& path : search.paths) out.push_back(FormatPath(graph, path));
  return out;
}

TEST(Paths, AmazonToOpenAIFollowingDirectionShortestFirst) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const GraphView view(graph);
  const PathSearch search = FindPaths(view, *graph.FindNode("Amazon"), *graph.FindNode("OpenAI"), PathOptions{});
  EXPECT_FALSE(search.truncated);
  EXPECT_EQ(Texts(graph, search), (Strings{
                                      "Amazon -invests-> OpenAI",
                                      "Amazon -invests-> Anthropic -competes- OpenAI",
                                      "Amazon -owns-> Amazon Web Services -supplies_compute-> Anthropic "
                                      "-competes- OpenAI",
                                      "Amazon -owns-> Amazon Web Services -owns-> Amazon Bedrock -distributes-> OpenAI",
                                      "Amazon -owns-> Amazon Web Services -owns-> Amazon Bedrock "
                                      "-distributes-> Anthropic -competes- OpenAI",
                                  }));
}

TEST(Paths, DirectionDepthAndLimit) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const GraphView view(graph);
  const VertexId openai = *graph.FindNode("OpenAI"), amazon = *graph.FindNode("Amazon");
  EXPECT_TRUE(FindPaths(view, openai, amazon, PathOptions{}).paths.empty());  // owns/invests point away

  PathOptions undirected;
  undirected.undirected = true;
  undirected.max_depth = 2;
  EXPECT_EQ(Texts(graph, FindPaths(view, openai, amazon, undirected)),
            (Strings{"OpenAI <-invests- Amazon", "OpenAI -competes- Anthropic <-invests- Amazon"}));

  PathOptions short_paths;
  short_paths.max_depth = 1;
  EXPECT_EQ(Texts(graph, FindPaths(view, amazon, openai, short_paths)), (Strings{"Amazon -invests-> OpenAI"}));

  PathOptions two;
  two.limit = 2;
  const PathSearch limited = FindPaths(view, amazon, openai, two);
  EXPECT_TRUE(limited.truncated);
  EXPECT_EQ(Texts(graph, limited), (Strings{"Amazon -invests-> OpenAI", "Amazon -invests-> Anthropic -competes- OpenAI"}));
  EXPECT_TRUE(FindPaths(view, amazon, amazon, PathOptions{}).paths.empty());
}

TEST(Paths, DenseCycleStaysBoundedAndTranchesMakeOneStep) {
  TempDir dir;
  std::string nodes = "id\n", edges = "from,to,type,start\n";
  for (int i = 0; i < 12; ++i) nodes += "N" + std::to_string(i) + "\n";
  for (int i = 0; i < 12; ++i) {
    for (int j = 0; j < 12; ++j) {
      if (i != j) edges += "N" + std::to_string(i) + ",N" + std::to_string(j) + ",partners,\n";
    }
  }
  edges += "N0,N1,invests,2024\nN0,N1,invests,2025\n";  // two tranches: one step
  dir.Write("nodes.csv", nodes);
  dir.Write("edges.csv", edges);
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const GraphView view(graph);
  PathOptions options;
  options.max_depth = 12;
  options.limit = 1000;
  const PathSearch search = FindPaths(view, *graph.FindNode("N0"), *graph.FindNode("N1"), options);
  EXPECT_TRUE(search.truncated);
  EXPECT_EQ(search.paths.size(), 1000u);
  EXPECT_EQ(FormatPath(graph, search.paths[0]), "N0 -invests-> N1");
  EXPECT_EQ(FormatPath(graph, search.paths[1]), "N0 -partners- N1");
  // The N1,N0 partners row is the same step as the N0,N1 one: next come two-edge paths.
  EXPECT_EQ(FormatPath(graph, search.paths[2]), "N0 -partners- N10 -partners- N1");
  EXPECT_FALSE(search.budget_exhausted);

  options.max_expansions = 50;  // the other bound: steps tried
  const PathSearch cut = FindPaths(view, *graph.FindNode("N0"), *graph.FindNode("N1"), options);
  EXPECT_TRUE(cut.truncated);
  EXPECT_TRUE(cut.budget_exhausted);
  EXPECT_EQ(cut.expansions, 51u);
  EXPECT_LT(cut.paths.size(), 50u);
  EXPECT_FALSE(cut.paths.empty());
}

TEST(Neighbors, RingsWithEdgeDirections) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const GraphView view(graph);
  const std::vector<Neighbor> one = FindNeighbors(view, *graph.FindNode("Bedrock"), 1);
  Strings names;
  for (const Neighbor& n : one) names.emplace_back(graph.NodeName(n.node));
  EXPECT_EQ(names, (Strings{"AWS", "Anthropic", "OpenAI"}));
  ASSERT_EQ(one[0].via.size(), 1u);
  EXPECT_FALSE(one[0].via[0].forward);  // AWS -owns-> Bedrock points at the centre
  EXPECT_TRUE(one[1].via[0].forward);

  const std::vector<Neighbor> two = FindNeighbors(view, *graph.FindNode("Bedrock"), 2);
  ASSERT_EQ(two.size(), 11u);
  EXPECT_EQ(graph.NodeName(two[3].node), "Amazon");
  EXPECT_EQ(two[3].depth, 2);
  EXPECT_EQ(two[3].via.size(), 3u);  // to AWS, OpenAI and Anthropic; the $80B claim is not counted
}

}  // namespace
}  // namespace pg
