// diff between two dates: edges that began, findings that appeared or changed.

#include "analysis/graph_diff.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::FindingAbout;
using testing::MustLoad;
using testing::RunPass;
using testing::TempDir;

std::vector<const PassInfo*> All() {
  std::vector<const PassInfo*> passes;
  for (const PassInfo& pass : AllPasses()) passes.push_back(&pass);
  return passes;
}

TEST(GraphDiff, AmazonDualBackingAppearsWithTheFebruaryInvestment) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  EXPECT_EQ(FindingAbout(RunPass(graph, "dual-backing", "2026-01"), "Amazon"), nullptr);
  const GraphDiff diff = DiffGraph(graph, Date::FromParts(2026, 1), Date::FromParts(2026, 4), All(), PassOptions{});
  EXPECT_EQ(diff.began, (std::vector<EdgeId>{0, 13}));  // Amazon -> OpenAI $50B, AWS -> Frontier exclusive
  EXPECT_TRUE(diff.ended.empty());
  const Finding* dual = FindingAbout(diff.appeared, "Amazon");
  ASSERT_NE(dual, nullptr);
  EXPECT_EQ(dual->pass, "dual-backing");
  EXPECT_DOUBLE_EQ(*dual->FigureValue("total_usd"), 58e9);
  EXPECT_EQ(diff.appeared.size(), 14u);  // with circular-deals' Amazon <-> OpenAI ($50B out, Bedrock back)
  EXPECT_TRUE(diff.disappeared.empty());
  // OpenAI's funding concentration appears (Amazon's $50B is its first funding); it must not be
  // mistaken for a change of its channel concentration, which has the same subjects.
  bool funding_appeared = false;
  for (const Finding& finding : diff.appeared) {
    funding_appeared |= finding.pass == "concentration" && finding.subjects[0] == "OpenAI" && finding.topic == "funding";
  }
  EXPECT_TRUE(funding_appeared);
  for (const auto& change : diff.changed) EXPECT_NE(change.after.pass, "concentration") << change.after.message;
}

TEST(GraphDiff, ChangedFiguresAndEndedEdges) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,markets\nFund,\nA,m\nB,m\n");
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type,amount_usd,start,end\n"
                                      "Fund,A,invests,1B,2024,\n"
                                      "Fund,B,invests,2B,2024,2025-06\n"
                                      "Fund,B,invests,3B,2025-03,\n");
  const PartnershipGraph graph = MustLoad({nodes, edges});
  const PassInfo* dual = FindPass("dual-backing");
  const GraphDiff diff = DiffGraph(graph, Date::FromParts(2025, 1), Date::FromParts(2026, 1), {&dual, 1}, PassOptions{});
  EXPECT_EQ(diff.began, std::vector<EdgeId>{2});
  EXPECT_EQ(diff.ended, std::vector<EdgeId>{1});
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(FindingIdentity(diff.changed[0].after), "dual-backing|Fund,A,B|");
  ASSERT_EQ(diff.changed[0].figures.size(), 1u);
  EXPECT_EQ(diff.changed[0].figures[0].name, "total_usd");
  EXPECT_DOUBLE_EQ(diff.changed[0].figures[0].before, 3e9);
  EXPECT_DOUBLE_EQ(diff.changed[0].figures[0].after, 4e9);
}

}  // namespace
}  // namespace pg
