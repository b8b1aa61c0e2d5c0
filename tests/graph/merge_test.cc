// Several inputs merged: two CSV folders naming the same node make one node, with every
// disagreement reported as a warning.

#include <gtest/gtest.h>

#include "io/model_reader.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::RunPass;
using testing::TempDir;

TEST(Merge, TwoCsvFoldersShareNodesAndReportDifferences) {
  TempDir dir;
  std::filesystem::create_directories(dir.Path() / "a");
  std::filesystem::create_directories(dir.Path() / "b");
  const std::string a_nodes = dir.Write("a/nodes.csv", "id,type,markets,description\nAmazon,investor,,Retail\nOpenAI,company,ai,\n");
  dir.Write("a/edges.csv", "from,to,type,amount_usd\nAmazon,OpenAI,invests,50B\n");
  const std::string b_nodes =
      dir.Write("b/nodes.csv", "id,type,markets,description\nAmazon,cloud,,Cloud parent\nAnthropic,company,ai,\n");
  dir.Write("b/edges.csv", "from,to,type,amount_usd\nAmazon,Anthropic,invests,8B\n");
  Diagnostics diagnostics;
  const std::optional<PartnershipGraph> graph =
      LoadModel({(dir.Path() / "a").string(), (dir.Path() / "b").string()}, &diagnostics);
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->NodeCount(), 3u);
  EXPECT_EQ(graph->EdgeCount(), 2u);
  const Node& amazon = graph->GetNode(*graph->FindNode("Amazon"));
  EXPECT_EQ(amazon.type, NodeType::kInvestor);
  EXPECT_EQ(amazon.roles, RoleBit(NodeType::kInvestor) | RoleBit(NodeType::kCloud));
  EXPECT_EQ(graph->Text(amazon.description), "Retail");
  ASSERT_EQ(diagnostics.All().size(), 2u);
  EXPECT_EQ(FormatDiagnostic(diagnostics.All()[0]),
            b_nodes + ":2: warning: node \"Amazon\" defined again with description \"Cloud parent\" (first defined at " +
                a_nodes + ":2 with \"Retail\"); keeping the first");
  EXPECT_EQ(FormatDiagnostic(diagnostics.All()[1]),
            b_nodes + ":2: warning: node \"Amazon\" defined again with type \"cloud\" (first defined at " + a_nodes +
                ":2 with \"investor\"); keeping \"investor\" as its type and \"cloud\" as a role");
  // The merged graph sees both investments: one investor behind both rivals.
  const Findings dual = RunPass(*graph, "dual-backing");
  ASSERT_EQ(dual.size(), 1u);
  EXPECT_DOUBLE_EQ(*dual[0].FigureValue("total_usd"), 58e9);
}

TEST(Merge, UntypedNodeTakesTheTypeOfALaterRowSilently) {
  TempDir dir;
  const std::string a = dir.Write("a.csv", "id\nAWS\n");
  const std::string b = dir.Write("b.csv", "id,type\nAWS,cloud\n");
  Diagnostics diagnostics;
  const std::optional<PartnershipGraph> graph = LoadModel({a, b}, &diagnostics);
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->GetNode(0).type, NodeType::kCloud);
  EXPECT_EQ(graph->GetNode(0).roles, RoleBit(NodeType::kCloud));
  EXPECT_TRUE(diagnostics.All().empty());
}

}  // namespace
}  // namespace pg
