// dual-backing on small fixtures with known answers.

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::FindingAbout;
using testing::MustLoad;
using testing::PartFigure;
using testing::RunPass;
using testing::TempDir;

double PartAmount(const Finding& finding, const std::string& node) {
  return PartFigure(finding, node, "amount_usd");
}

TEST(DualBacking, SeparateTranchesAddUpDuplicateClaimsDoNot) {
  // Rows of one fact from different sources are claims (graph/claims.h): one counts.
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nA,company,llm\nB,company,llm\nV,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,start,confidence,source\n"
            "V,A,invests,1B,2024,,Memo\n"
            "V,A,invests,2B,2025,,Memo\n"          // a second tranche: counts
            "V,A,invests,2B,2025,0.5,Blog\n"       // another source says the same: does not
            "V,B,invests,500M,2025-06,high,Memo\n"
            "V,B,invests,5B,2025-06,low,Blog\n");  // conflicting claim: not summed
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "dual-backing");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_DOUBLE_EQ(PartAmount(findings[0], "A"), 3e9);
  EXPECT_DOUBLE_EQ(PartAmount(findings[0], "B"), 0.5e9);
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("total_usd"), 3.5e9);
  ASSERT_EQ(findings[0].notes.size(), 1u);  // only the real disagreement is noted
  EXPECT_NE(findings[0].notes[0].find("$5B"), std::string::npos);
}

TEST(DualBacking, OneSourcesRowsOfOneFactAreTranches) {
  // Follow-on rounds listed without a date (or source) all count: 2B + 2B into A.
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nA,company,llm\nB,company,llm\nV,investor,\n");
  dir.Write("edges.csv", "from,to,type,amount_usd\nV,A,invests,2B\nV,A,invests,2B\nV,B,invests,1B\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "dual-backing");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_DOUBLE_EQ(PartAmount(findings[0], "A"), 4e9);
  EXPECT_EQ(findings[0].message, "V backs 2 rivals: A ($4B), B ($1B); $5B in total");
}

TEST(DualBacking, RivalsGroupedByMarketWithTotals) {
  TempDir dir;
  dir.Write("nodes.csv",
            "id,type,markets\nOpenAI,company,frontier-models|ai-search\nAnthropic,company,frontier-models\n"
            "Perplexity,company,ai-search\nCoreWeave,company,gpu-cloud\nNebius,company,gpu-cloud\n"
            "Nvidia,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd\n"
            "Nvidia,OpenAI,invests,100B\nNvidia,Anthropic,invests,10B\nNvidia,Perplexity,invests,1B\n"
            "Nvidia,CoreWeave,invests,2B\nNvidia,Nebius,invests,1B\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "dual-backing");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "Nvidia backs rivals in 3 markets: frontier-models (OpenAI, Anthropic: $110B), ai-search (OpenAI, "
            "Perplexity: $101B), gpu-cloud (CoreWeave, Nebius: $3B); $114B in total");
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("markets"), 3);
  EXPECT_EQ(findings[0].facts,
            (std::vector<std::pair<std::string, std::string>>{{"markets", "frontier-models, ai-search, gpu-cloud"}}));
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("market.ai-search.total_usd"), 101e9);
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("total_usd"), 114e9);  // OpenAI counted once
}

TEST(DualBacking, AnInvestorThatOwnsARivalSaysSo) {
  TempDir dir;
  dir.Write("nodes.csv",
            "id,type,markets\nAnthropic,company,frontier-models\nOpenAI,company,frontier-models\n"
            "DeepMind,company,frontier-models\nAlphabet,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd\nAlphabet,Anthropic,invests,3B\nAlphabet,OpenAI,invests,1B\n"
            "Alphabet,DeepMind,owns,\nAlphabet,DeepMind,invests,5B\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "dual-backing");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "Alphabet backs 2 rivals: Anthropic ($3B), OpenAI ($1B); $4B in total");
  EXPECT_EQ(findings[0].notes,
            std::vector<std::string>{"Alphabet owns DeepMind, a rival of Anthropic, OpenAI: ownership, not counted as backing"});
}

TEST(DualBacking, RivallessInvesteesLeftOutFundingCountsEveryInvestor) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type\nA,company\nB,company\nC,company\nV,investor\nW,investor\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd\n"
            "V,A,invests,1B\n"
            "V,C,invests,9B\n"    // C has no rival: not part of the finding
            "V,A,partners,\n"     // same ends, another type: another fact, not a claim
            "W,A,invests,1B\n"    // W's money is part of A's known funding
            "V,B,invests,3B\n"
            "A,B,competes,\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "dual-backing");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].subjects, (std::vector<std::string>{"V", "A", "B"}));
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("total_usd"), 4e9);
  EXPECT_DOUBLE_EQ(PartFigure(findings[0], "A", "share_of_funding"), 0.5);
  EXPECT_DOUBLE_EQ(PartFigure(findings[0], "B", "share_of_funding"), 1.0);
  EXPECT_EQ(findings[0].related, (std::vector<EdgeId>{0, 4}));
  EXPECT_EQ(findings[0].message, "V backs 2 rivals: A ($1B), B ($3B); $4B in total");
}

TEST(DualBacking, RollsUpThroughTwoOwnershipLevels) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nA,company,llm\nB,company,llm\nFund,investor,\nArm,investor,\nParent,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd\n"
            "Parent,Arm,owns,\n"
            "Arm,Fund,owns,\n"
            "Fund,A,invests,10M\n"
            "Parent,B,invests,20M\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "dual-backing");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].subjects, (std::vector<std::string>{"Parent", "A", "B"}));
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("total_usd"), 30e6);
}

TEST(DualBacking, MinorityStakesDoNotRollUp) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nA,company,llm\nB,company,llm\nFund,investor,\nHolder,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,stake_pct\n"
            "Holder,Fund,owns,,30%\n"
            "Fund,A,invests,10M,\n"
            "Holder,B,invests,20M,\n");
  EXPECT_TRUE(RunPass(MustLoad({dir.Path().string()}), "dual-backing").empty());
}

TEST(DualBacking, RivalsFromMarketsAndCompetesEdgesButNotAcrossMarkets) {
  TempDir dir;
  dir.Write("nodes.csv",
            "id,type,markets\n"
            "A,company,llm\nB,company,llm|search\nC,company,chips\nD,company,\nE,company,\n"
            "V,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd\n"
            "V,A,invests,1M\nV,B,invests,2M\nV,C,invests,4M\nV,D,invests,8M\nV,E,invests,16M\n"
            "D,E,competes,\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "dual-backing");
  ASSERT_EQ(findings.size(), 1u);
  // C shares no market and competes with nobody: not part of the finding.
  EXPECT_EQ(findings[0].subjects, (std::vector<std::string>{"V", "A", "B", "D", "E"}));
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("total_usd"), 27e6);
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("rivals"), 4);
}

TEST(DualBacking, NodeThatIsInvestorAndCloudAndIgnoresOwnSubsidiaries) {
  TempDir dir;
  dir.Write("nodes.csv",
            "id,type,roles,markets\n"
            "Amazon,investor,investor|cloud,\n"
            "AWS,cloud,,\n"
            "A,company,,llm\nB,company,,llm\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd\n"
            "Amazon,AWS,owns,\n"
            "Amazon,AWS,invests,100B\n"  // money into its own subsidiary is not backing a rival
            "AWS,A,invests,1B\n"
            "Amazon,B,invests,2B\n"
            "AWS,A,supplies_compute,5B\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  EXPECT_EQ(graph.GetNode(0).roles, RoleBit(NodeType::kInvestor) | RoleBit(NodeType::kCloud));
  const Findings findings = RunPass(graph, "dual-backing");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].subjects, (std::vector<std::string>{"Amazon", "A", "B"}));
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("total_usd"), 3e9);
  // Share of each rival's known funding: A has only Amazon's money.
  EXPECT_DOUBLE_EQ(findings[0].Part("A")->figures[1].value, 1.0);
}

TEST(DualBacking, MissingAmountsStillBackButAddNothing) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nA,company,llm\nB,company,llm\nV,investor,\n");
  dir.Write("edges.csv", "from,to,type,amount_usd\nV,A,invests,\nV,B,invests,7M\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "dual-backing");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("total_usd"), 7e6);
  EXPECT_EQ(findings[0].message, "V backs 2 rivals: A, B ($7M); $7M in total");
}

TEST(SharedChannel, ChannelOwnerRolledUpAndRevenueSummed) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nA,company,llm\nB,company,llm\nC,company,db\nShop,platform,\nCloudCo,cloud,\n");
  dir.Write("edges.csv",
            "from,to,type,revenue_usd,share_pct\n"
            "CloudCo,Shop,owns,,\n"
            "Shop,A,distributes,100M,20%\n"
            "Shop,B,distributes,50M,\n"
            "Shop,C,distributes,10M,\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "shared-channel");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].subjects, (std::vector<std::string>{"Shop", "A", "B"}));
  EXPECT_EQ(findings[0].facts[0].second, "CloudCo");
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("revenue_usd"), 150e6);
  EXPECT_EQ(findings[0].message, "Shop (owner CloudCo) distributes 2 rivals: A, B; $150M revenue through it");
}

TEST(SharedChannel, NotesEveryConflictingClaimOfItsEdges) {
  // Two of the channel's edges have a disputed claim each: both are noted, neither is summed.
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nA,company,llm\nB,company,llm\nShop,platform,\n");
  const std::string edges = dir.Write("edges.csv",
            "from,to,type,revenue_usd,source,confidence\n"
            "Shop,A,distributes,100M,filing,high\n"
            "Shop,A,distributes,300M,blog,low\n"
            "Shop,B,distributes,50M,filing,high\n"
            "Shop,B,distributes,70M,blog,low\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "shared-channel");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("revenue_usd"), 150e6);
  EXPECT_EQ(findings[0].related, (std::vector<EdgeId>{0, 2, 1, 3}));
  EXPECT_EQ(findings[0].notes,
            (std::vector<std::string>{
                "conflicting claim not counted: Shop -distributes-> A $300M revenue (blog, " + edges +
                    ":3) vs the counted $100M revenue (filing, " + edges + ":2)",
                "conflicting claim not counted: Shop -distributes-> B $70M revenue (blog, " + edges +
                    ":5) vs the counted $50M revenue (filing, " + edges + ":4)"}));
}

}  // namespace
}  // namespace pg
