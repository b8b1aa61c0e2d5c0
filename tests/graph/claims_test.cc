// Claims and tranches (graph/claims.h): which rows of one fact count, which disagree, and the
// exact repeats a command warns about once.

#include "graph/claims.h"

#include <gtest/gtest.h>

#include "graph/graph_view.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::MustLoad;
using testing::RunPass;
using testing::TempDir;

constexpr const char* kEdges =
    "from,to,type,amount_usd,source,confidence\n"
    "V,A,invests,1M,,\n"               // 0: no source: a tranche
    "V,A,invests,2M,,\n"               // 1: another tranche
    "V,A,invests,2M,,\n"               // 2: repeats row 1 exactly: still a tranche, counted as a repeat
    "W,A,invests,5M,Reuters,high\n"    // 3: Reuters' account, counted (highest confidence)
    "W,A,invests,5M,reuters,\n"        // 4: the same source in other case: a tranche, a repeat
    "W,A,invests,50M,Blog,low\n"       // 5: another source disagrees: a conflict, not counted
    "W,B,invests,7M,Reuters,\n"        // 6: counted (first)
    "W,B,invests,7M,Memo,\n";          // 7: another source says the same: corroborates, not counted

TEST(Claims, OneSourceAddsUpDifferentSourcesAreClaims) {
  TempDir dir;
  dir.Write("nodes.csv", "id\nV\nW\nA\nB\n");
  dir.Write("edges.csv", kEdges);
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const GraphView view(graph);
  std::vector<bool> counted;
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) counted.push_back(view.Counted(e));
  EXPECT_EQ(counted, (std::vector<bool>{true, true, true, true, true, false, true, false}));
  EXPECT_EQ(view.Claims().ConflictedFacts(), std::vector<EdgeId>{3});
  EXPECT_EQ(view.Claims().ConflictsOf(3), std::vector<EdgeId>{5});
  EXPECT_EQ(view.Claims().AccountsOf(3), (std::vector<std::vector<EdgeId>>{{3, 4}, {5}}));
  EXPECT_TRUE(view.Claims().ConflictsOf(6).empty());
  EXPECT_EQ(view.Claims().ExactRepeats(), 2u);
  EXPECT_EQ(view.Claims().FirstRepeat(), 2u);
}

TEST(Claims, ConflictsPassNamesEachAccountWithItsTranches) {
  TempDir dir;
  dir.Write("nodes.csv", "id\nV\nW\nA\nB\n");
  const std::string edges = dir.Write("edges.csv", kEdges);
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "conflicts");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "W -invests-> A: 2 claims disagree: $5M + $5M (Reuters; " + edges + ":5, " + edges +
                                     ":6) vs $50M (Blog; " + edges + ":7); counting $5M + $5M");
  EXPECT_EQ(findings[0].related, (std::vector<EdgeId>{3, 4, 5}));
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("counted_amount_usd"), 10e6);
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("spread"), 5.0);
  EXPECT_EQ(findings[1].severity, FindingSeverity::kInfo);
  EXPECT_EQ(findings[1].topic, "repeated rows");
  EXPECT_EQ(findings[1].message, "2 rows repeat an earlier row exactly (same from, to, type, start, source and "
                                 "figures) and are counted as tranches; the first: V -invests-> A $2M (" + edges +
                                     ":4)");
}

TEST(Claims, ValidateWarnsOnceAboutExactRepeats) {
  TempDir dir;
  dir.Write("nodes.csv", "id\nV\nW\nA\nB\n");
  const std::string edges = dir.Write("edges.csv", kEdges);
  const CliRun run = Cli({"validate", dir.Path().string()});
  EXPECT_EQ(run.code, 0);
  EXPECT_NE(run.err.find(edges + ":4: warning: 2 rows repeat an earlier row exactly (same from, to, type, start, "
                                 "source and figures); each is counted as a tranche: remove pasted rows; this is the "
                                 "first\n"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(edges + ":7: warning: conflicting claim: W -invests-> A $50M here, $5M at " + edges + ":5"),
            std::string::npos)
      << run.err;
}

TEST(Claims, RepeatedRoundsWithoutDatesAddUpToTheCompanysFunding) {
  // Shaped like the Crunchbase export (../shared/data/crunchbase/graph): id,name,kind nodes,
  // source,target,kind,amount_usd edges, follow-on rounds as repeated rows without a date or a
  // source. Every round counts: funding is the sum of the rounds.
  const PartnershipGraph graph = MustLoad({testing::TestDataDir() + "/claims/crunchbase_like"});
  const Findings conflicts = RunPass(graph, "conflicts");
  ASSERT_EQ(conflicts.size(), 1u);  // only the note about the repeated round
  EXPECT_DOUBLE_EQ(*conflicts[0].FigureValue("rows"), 1);
  const Findings concentration = RunPass(graph, "concentration");
  const Finding* digg = testing::FindingAbout(concentration, "n1");
  ASSERT_NE(digg, nullptr);
  EXPECT_EQ(digg->topic, "funding");
  EXPECT_DOUBLE_EQ(*digg->FigureValue("total_weight"), 8.5e6 + 2.8e6 + 2.8e6 + 8.5e6 + 10e6);
  const Findings dual = RunPass(graph, "dual-backing");
  ASSERT_EQ(dual.size(), 1u);
  EXPECT_EQ(dual[0].subjects, (std::vector<std::string>{"n0", "n1", "n4"}));
  EXPECT_DOUBLE_EQ(*dual[0].FigureValue("total_usd"), 8.5e6 + 2.8e6 + 2.8e6 + 0.5e6);
}

}  // namespace
}  // namespace pg
