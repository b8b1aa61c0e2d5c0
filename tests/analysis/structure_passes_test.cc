// exclusivity, control and concentration on fixtures with known answers and on the example.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analysis/pass_registry.h"

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::FindingAbout;
using testing::MustLoad;
using testing::PartFigure;
using testing::RunPass;
using testing::TempDir;

std::string Fact(const Finding& finding, const std::string& name) {
  for (const auto& [key, value] : finding.facts) {
    if (key == name) return value;
  }
  return "";
}

TEST(Exclusivity, MicrosoftBlocksOpenAIFromChannelsItDoesNotOwn) {
  const Findings findings = RunPass(MustLoad({testing::ExampleDir()}), "exclusivity");
  ASSERT_EQ(findings.size(), 2u);
  const Finding* openai = FindingAbout(findings, "OpenAI");
  ASSERT_NE(openai, nullptr);
  // Channels listed best first: by how many suppliers they carry, then by id.
  EXPECT_EQ(openai->subjects, (std::vector<std::string>{"OpenAI", "Microsoft", "Bedrock", "Google Cloud", "AWS",
                                                        "Oracle"}));
  EXPECT_EQ(openai->FigureValue("blocked_channels"), 4);  // the message's "4 channels"
  EXPECT_EQ(openai->FigureValue("distributing_channels"), 2);
  EXPECT_EQ(openai->FigureValue("other_channels"), 2);
  EXPECT_EQ(openai->Part("Azure"), nullptr);     // Microsoft's own
  EXPECT_EQ(openai->Part("Frontier"), nullptr);  // OpenAI's own
  EXPECT_EQ(openai->Part("Amazon"), nullptr);    // represented by AWS and Bedrock
  EXPECT_EQ(PartFigure(*openai, "Bedrock", "carries"), 2);
  EXPECT_EQ(PartFigure(*openai, "AWS", "carries"), 0);
  EXPECT_EQ(Fact(*openai, "holder_channels"), "Microsoft Azure");
  EXPECT_EQ(openai->message,
            "Microsoft holds exclusive rights over OpenAI (scope: third-party cloud distribution of OpenAI "
            "models): OpenAI is blocked from 4 channels Microsoft does not own — Amazon Bedrock (Amazon; carries "
            "Anthropic, OpenAI), Google Cloud (Google; carries Anthropic); and clouds/platforms Amazon Web "
            "Services, Oracle");
  ASSERT_EQ(openai->notes.size(), 1u);
  EXPECT_EQ(openai->notes[0],
            "Amazon Bedrock already distributes OpenAI: the exclusivity limits rather than prevents this channel");

  const Finding* frontier = FindingAbout(findings, "Frontier");
  ASSERT_NE(frontier, nullptr);
  EXPECT_EQ(Fact(*frontier, "holder_owner"), "Amazon");
  EXPECT_EQ(Fact(*frontier, "grantor_owner"), "OpenAI");
  EXPECT_EQ(frontier->Part("Bedrock"), nullptr);  // Amazon's, like the holder AWS
  EXPECT_EQ(frontier->message,
            "Amazon Web Services (owner Amazon) holds exclusive rights over Frontier (a product of OpenAI) (scope: "
            "third-party cloud distribution of Frontier): Frontier is blocked from 3 channels Amazon does not own — "
            "Microsoft Azure (Microsoft; carries OpenAI), Google Cloud (Google; carries Anthropic); and "
            "cloud/platform Oracle");
}

TEST(Control, IntegratedOwnershipThroughACrossHoldingCycle) {
  // A holds 50% of B; B holds 20% of C; C holds 10% of B; D owns all of A. Nodes listed
  // downstream first so that no order of ids hides a wrong topological order.
  // By hand, x = W + x W per owner: B's owners A 0.5/0.98, C 0.1/0.98; C's owners
  // B 0.2/0.98, A 0.1/0.98; D holds what A holds.
  TempDir dir;
  dir.Write("nodes.csv", "id\nC\nB\nA\nD\n");
  dir.Write("edges.csv", "from,to,type,stake_pct\nA,B,owns,50%\nB,C,owns,20%\nC,B,owns,10%\nD,A,owns,\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "control");
  const Finding* b = FindingAbout(findings, "B");
  const Finding* c = FindingAbout(findings, "C");
  const Finding* a = FindingAbout(findings, "A");
  ASSERT_TRUE(b && c && a);
  EXPECT_NEAR(PartFigure(*b, "A", "integrated_stake"), 0.5 / 0.98, 1e-9);
  EXPECT_NEAR(PartFigure(*b, "D", "integrated_stake"), 0.5 / 0.98, 1e-9);
  EXPECT_NEAR(PartFigure(*b, "C", "integrated_stake"), 0.1 / 0.98, 1e-9);
  EXPECT_NEAR(PartFigure(*b, "C", "direct_stake"), 0.1, 1e-12);
  EXPECT_NEAR(PartFigure(*c, "B", "integrated_stake"), 0.2 / 0.98, 1e-9);
  EXPECT_NEAR(PartFigure(*c, "A", "integrated_stake"), 0.1 / 0.98, 1e-9);
  EXPECT_NEAR(PartFigure(*c, "D", "integrated_stake"), 0.1 / 0.98, 1e-9);
  EXPECT_NEAR(PartFigure(*a, "D", "integrated_stake"), 1.0, 1e-12);
  EXPECT_EQ(Fact(*a, "ultimate_owner"), "D");
  EXPECT_EQ(b->Part("B"), nullptr);  // no self-holding reported
  EXPECT_EQ(c->message, "C: integrated ownership B 20.4%, A 10.2%, D 10.2%");
}

TEST(Control, ClosedLoopIsReportedNotIterated) {
  // B is held 50/50 by A and C, which B owns outright: every member is held 100% from inside.
  TempDir dir;
  dir.Write("nodes.csv", "id\nA\nB\nC\nE\n");
  dir.Write("edges.csv", "from,to,type,stake_pct\nA,B,owns,50%\nC,B,owns,50%\nB,A,owns,\nB,C,owns,\nA,E,owns,30%\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "control");
  const Finding* loop = FindingAbout(findings, "A");
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(loop->severity, FindingSeverity::kCritical);
  EXPECT_EQ(loop->message,
            "closed ownership loop A, B, C: each member is held 100% from inside the loop, so integrated "
            "ownership is undefined; the loop's internal stakes are left out");
  const Finding* e = FindingAbout(findings, "E");
  ASSERT_NE(e, nullptr);
  EXPECT_NEAR(PartFigure(*e, "A", "integrated_stake"), 0.3, 1e-12);
}

TEST(Control, StakesFromInvestmentsAndOverfullHoldings) {
  TempDir dir;
  dir.Write("nodes.csv", "id\nV\nX\nY\nZ\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,stake_pct\nV,X,invests,1B,20%\nV,Y,invests,1B,\n"
            "X,Z,owns,,80%\nV,Z,owns,,40%\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "control");
  const Finding* x = FindingAbout(findings, "X");
  ASSERT_NE(x, nullptr);
  EXPECT_NEAR(PartFigure(*x, "V", "integrated_stake"), 0.2, 1e-12);
  EXPECT_EQ(FindingAbout(findings, "Y"), nullptr);  // funding without a stake is not ownership
  ASSERT_GE(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "stakes in Z add up to 120%; scaled to 100% for integrated ownership");
}

TEST(Control, BedrockRollsUpToAmazon) {
  const Findings findings = RunPass(MustLoad({testing::ExampleDir()}), "control");
  const Finding* bedrock = FindingAbout(findings, "Bedrock");
  ASSERT_NE(bedrock, nullptr);
  EXPECT_EQ(Fact(*bedrock, "ultimate_owner"), "Amazon");
  EXPECT_DOUBLE_EQ(PartFigure(*bedrock, "Amazon", "integrated_stake"), 1.0);
  EXPECT_EQ(bedrock->message,
            "Amazon Bedrock: ultimate owner Amazon; integrated ownership Amazon Web Services 100%, Amazon 100%");
}

TEST(Concentration, HerfindahlOfKnownShares) {
  TempDir dir;
  dir.Write("nodes.csv", "id\nOne\nFour\nSplit\nMixed\nP\nQ\nR\nS\nParent\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,revenue_usd\n"
            "P,One,invests,5M,\n"
            "P,Four,invests,1M,\nQ,Four,invests,1M,\nR,Four,invests,1M,\nS,Four,invests,1M,\n"
            "P,Split,invests,60M,\nQ,Split,invests,40M,\n"
            "Parent,P,owns,,\nParent,Q,owns,,\n"       // P and Q roll up: one channel owner below
            "P,Mixed,distributes,,\nQ,Mixed,distributes,,\nR,Mixed,distributes,,\n"
            "R,Mixed,invests,3M,\nS,Mixed,invests,,\n");  // one amount missing: count-weighted
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "concentration");
  auto about = [&](const std::string& node, const std::string& dimension) -> const Finding* {
    for (const Finding& f : findings) {
      if (!f.subjects.empty() && f.subjects.front() == node && Fact(f, "dimension") == dimension) return &f;
    }
    return nullptr;
  };
  // One, Four and Split are funded by P and Q, which roll up to Parent: One and Split (60 + 40,
  // both Parent's) have a single source and are counted in one summary, not a finding each.
  EXPECT_EQ(about("One", "funding"), nullptr);
  EXPECT_EQ(about("Split", "funding"), nullptr);
  ASSERT_NE(about("Four", "funding"), nullptr);
  EXPECT_NEAR(*about("Four", "funding")->FigureValue("hhi"), 10000 * (0.5 * 0.5 + 2 * 0.25 * 0.25), 1e-9);
  const Finding& single = findings.back();
  EXPECT_EQ(single.topic, "funding from a single source");
  EXPECT_EQ(single.severity, FindingSeverity::kInfo);
  EXPECT_TRUE(single.subjects.empty());
  EXPECT_DOUBLE_EQ(*single.FigureValue("companies"), 2);
  EXPECT_EQ(single.message, "funding from a single source (HHI 10000): 2 nodes: One (Parent), Split (Parent)");
  const Finding* channels = about("Mixed", "channels");
  ASSERT_NE(channels, nullptr);
  EXPECT_NEAR(*channels->FigureValue("hhi"), 10000 * (4.0 / 9 + 1.0 / 9), 1e-9);
  EXPECT_EQ(channels->subjects[1], "Parent");
  const Finding* mixed = about("Mixed", "funding");
  ASSERT_NE(mixed, nullptr);
  EXPECT_EQ(Fact(*mixed, "weighted_by"), "count");
  EXPECT_DOUBLE_EQ(*mixed->FigureValue("hhi"), 5000);
}

TEST(Concentration, EqualAndUnequalSplitsWithoutRollUp) {
  TempDir dir;
  dir.Write("nodes.csv", "id\nT\nF\nP\nQ\nR\nS\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,capacity_gw\n"
            "P,T,invests,60M,\nQ,T,invests,40M,\n"
            "P,F,supplies_compute,,1\nQ,F,supplies_compute,,1\nR,F,supplies_compute,,1\nS,F,supplies_compute,,1\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "concentration");
  ASSERT_EQ(findings.size(), 2u);
  const Finding* t = FindingAbout(findings, "T");
  ASSERT_NE(t, nullptr);
  EXPECT_DOUBLE_EQ(*t->FigureValue("hhi"), 5200);
  EXPECT_DOUBLE_EQ(*t->FigureValue("largest_share"), 0.6);
  EXPECT_EQ(t->message, "T funding HHI 5200 (2 sources, amount-weighted): P 60% ($60M), Q 40% ($40M)");
  const Finding* f = FindingAbout(findings, "F");
  ASSERT_NE(f, nullptr);
  EXPECT_DOUBLE_EQ(*f->FigureValue("hhi"), 2500);
  EXPECT_EQ(Fact(*f, "weighted_by"), "capacity_gw");
  EXPECT_EQ(f->severity, FindingSeverity::kInfo);
}

TEST(Concentration, TheCompanysOwnGroupIsNoOutsideSource) {
  TempDir dir;
  dir.Write("nodes.csv", "id\nGroup\nSub\nSister\nX\nY\n");
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type,amount_usd\n"
                                      "Group,Sub,owns,\nGroup,Sister,owns,\n"
                                      "Sister,Sub,invests,5M\n"  // its owner's other subsidiary
                                      "X,Sub,invests,1M\nY,Sub,invests,1M\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "concentration");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "Sub funding HHI 5000 (2 sources, amount-weighted): X 50% ($1M), Y 50% ($1M)");
  EXPECT_EQ(findings[0].notes, std::vector<std::string>{"left out as Sub's own group (owner Group): Sister -invests-> "
                                                        "Sub $5M (" + edges + ":4)"});
}

TEST(Concentration, FiveLargestSourcesArePartsUnlessFullDetail) {
  TempDir dir;
  dir.Write("nodes.csv", "id\nT\nA\nB\nC\nD\nE\nF\nG\n");
  dir.Write("edges.csv", "from,to,type,amount_usd\nA,T,invests,7M\nB,T,invests,6M\nC,T,invests,5M\n"
                         "D,T,invests,4M\nE,T,invests,3M\nF,T,invests,2M\nG,T,invests,1M\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const GraphView view(graph);
  const Findings top = FindPass("concentration")->run(view, PassOptions{});
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].parts.size(), 5u);
  EXPECT_EQ(top[0].related.size(), 7u);  // every source's evidence stays
  EXPECT_DOUBLE_EQ(*top[0].FigureValue("sources"), 7);
  EXPECT_EQ(top[0].message, "T funding HHI 1786 (7 sources, amount-weighted): A 25% ($7M), B 21.4% ($6M), C 17.9% ($5M), "
                            "D 14.3% ($4M), E 10.7% ($3M) and 2 more");
  PassOptions full;
  full.full_detail = true;
  EXPECT_EQ(FindPass("concentration")->run(view, full)[0].parts.size(), 7u);
}

TEST(Concentration, MinSeverityLeavesOutTheSingleSourceSummaryAndCountsIt) {
  const testing::CliRun run = testing::Cli({"analyze", testing::ExampleDir(), "--pass", "concentration",
                                            "--min-severity", "warning", "--format", "json", "-q"});
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["passes"]["concentration"],
            nlohmann::json({{"found", 5}, {"below_severity", 2}, {"cut", 0}, {"shown", 3}}));
  for (const auto& finding : json["findings"]) EXPECT_EQ(finding["severity"], "warning");
}

TEST(Concentration, ExampleCountsOnlyTheCountedClaim) {
  // Anthropic's funding has one outside source (Amazon, the counted $8B claim): the summary.
  const Findings findings = RunPass(MustLoad({testing::ExampleDir()}), "concentration");
  const Finding* single = nullptr;
  for (const Finding& f : findings) {
    if (f.topic == "funding from a single source") single = &f;
  }
  ASSERT_NE(single, nullptr);
  EXPECT_EQ(single->message, "funding from a single source (HHI 10000): 2 nodes: OpenAI (Amazon), Anthropic (Amazon)");
  EXPECT_DOUBLE_EQ(PartFigure(*single, "Anthropic", "weight"), 8e9);
  ASSERT_EQ(single->notes.size(), 1u);  // the $80B claim, not counted
  EXPECT_EQ(single->notes[0].rfind("conflicting claim not counted: Amazon -invests-> Anthropic $80B", 0), 0u);
}

}  // namespace
}  // namespace pg
