// exposure NODE: rival-tied shares, bases and parties, on the example and on small fixtures.

#include "analysis/exposure.h"

#include <cmath>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "graph/value_parser.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::TempDir;

std::string EdgeText(const PartnershipGraph& graph, EdgeId e) {
  const Edge& edge = graph.GetEdge(e);
  return fmt::format("{} -{}-> {}", graph.NodeName(edge.from), EdgeTypeName(edge.type), graph.NodeName(edge.to));
}

std::vector<std::string> PartyNames(const PartnershipGraph& graph, const Exposure& exposure) {
  std::vector<std::string> names;
  for (const ExposureParty& party : exposure.parties) names.emplace_back(graph.NodeName(party.party));
  return names;
}

const ExposureParty& Party(const PartnershipGraph& graph, const Exposure& exposure, std::string_view name) {
  for (const ExposureParty& party : exposure.parties) {
    if (graph.NodeName(party.party) == name) return party;
  }
  ADD_FAILURE() << "no party " << name;
  static const ExposureParty kNone;
  return kNone;
}

std::vector<std::string> TiesToNode(const PartnershipGraph& graph, const ExposureParty& party) {
  std::vector<std::string> out;
  for (EdgeId e : party.ties_to_node) out.push_back(EdgeText(graph, e));
  return out;
}

std::vector<std::string> TiesToRivals(const PartnershipGraph& graph, const ExposureParty& party) {
  std::vector<std::string> out;
  for (const RivalTie& tie : party.ties_to_rivals) {
    switch (tie.kind) {
      case RivalTieKind::kEdge:
        out.push_back(fmt::format("{}: {}", graph.NodeName(tie.rival), EdgeText(graph, tie.edge)));
        break;
      case RivalTieKind::kIsRival: out.push_back(fmt::format("is rival {}", graph.NodeName(tie.rival))); break;
      case RivalTieKind::kOwnsRival: out.push_back(fmt::format("owns rival {}", graph.NodeName(tie.rival))); break;
    }
  }
  return out;
}

using Strings = std::vector<std::string>;

const ExposureDimension& Funding(const Exposure& e) { return e.dimensions[0]; }
const ExposureDimension& Distribution(const Exposure& e) { return e.dimensions[1]; }
const ExposureDimension& Compute(const Exposure& e) { return e.dimensions[2]; }

TEST(Exposure, AnthropicFundingIsAllRivalTiedThroughAmazon) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const GraphView view(graph);
  const Exposure exposure = ComputeExposure(view, *graph.FindNode("Anthropic"));
  ASSERT_EQ(exposure.rivals.size(), 1u);
  EXPECT_EQ(graph.NodeName(exposure.rivals[0]), "OpenAI");

  EXPECT_EQ(Funding(exposure).name, "funding");
  EXPECT_EQ(Funding(exposure).basis, WeightBasis::kAmount);
  EXPECT_DOUBLE_EQ(Funding(exposure).total, 8e9);  // the $80B claim is not counted
  EXPECT_DOUBLE_EQ(Funding(exposure).rival_tied, 8e9);
  EXPECT_DOUBLE_EQ(Funding(exposure).share, 1.0);

  EXPECT_EQ(Distribution(exposure).basis, WeightBasis::kCount);  // no revenue_usd on channels
  EXPECT_DOUBLE_EQ(Distribution(exposure).total, 2);
  EXPECT_DOUBLE_EQ(Distribution(exposure).rival_tied, 1);  // Bedrock (Amazon) yes, Google Cloud no
  EXPECT_DOUBLE_EQ(Distribution(exposure).share, 0.5);

  EXPECT_EQ(Compute(exposure).basis, WeightBasis::kCount);
  EXPECT_DOUBLE_EQ(Compute(exposure).share, 0.5);  // AWS (Amazon) yes, Broadcom no
  EXPECT_EQ(Compute(exposure).edges_with_weight, 0u);

  EXPECT_EQ(exposure.scored_dimensions, 3);
  EXPECT_DOUBLE_EQ(exposure.score, 2.0 / 3.0);

  EXPECT_EQ(PartyNames(graph, exposure), (Strings{"Amazon", "Broadcom", "Google"}));
  const ExposureParty& amazon = Party(graph, exposure, "Amazon");
  EXPECT_TRUE(amazon.rival_tied);
  EXPECT_EQ(TiesToNode(graph, amazon), (Strings{"Amazon -invests-> Anthropic", "Bedrock -distributes-> Anthropic",
                                                "AWS -supplies_compute-> Anthropic"}));
  EXPECT_EQ(TiesToRivals(graph, amazon),
            (Strings{"OpenAI: Amazon -invests-> OpenAI", "OpenAI: AWS -exclusive-> Frontier",
                     "OpenAI: Bedrock -distributes-> OpenAI"}));
  EXPECT_DOUBLE_EQ(amazon.weight[0], 8e9);
  EXPECT_DOUBLE_EQ(amazon.weight[1], 1);
  EXPECT_DOUBLE_EQ(amazon.weight[2], 1);

  // Google Cloud carries Anthropic, but nothing of Google's touches OpenAI: not tied.
  const ExposureParty& google = Party(graph, exposure, "Google");
  EXPECT_FALSE(google.rival_tied);
  EXPECT_TRUE(google.ties_to_rivals.empty());
  EXPECT_EQ(TiesToNode(graph, google), (Strings{"Google Cloud -distributes-> Anthropic"}));
  EXPECT_FALSE(Party(graph, exposure, "Broadcom").rival_tied);

  ASSERT_EQ(exposure.notes.size(), 1u);
  EXPECT_NE(exposure.notes[0].find("Amazon -invests-> Anthropic $80B"), std::string::npos) << exposure.notes[0];
}

TEST(Exposure, OpenAIAmazonTiedOracleAndStargateNot) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const GraphView view(graph);
  const Exposure exposure = ComputeExposure(view, *graph.FindNode("OpenAI"));
  EXPECT_EQ(Funding(exposure).basis, WeightBasis::kAmount);
  EXPECT_DOUBLE_EQ(Funding(exposure).total, 50e9);
  EXPECT_DOUBLE_EQ(Funding(exposure).rival_tied, 50e9);
  EXPECT_DOUBLE_EQ(Funding(exposure).share, 1.0);

  EXPECT_DOUBLE_EQ(Distribution(exposure).share, 0.5);  // Bedrock yes, Azure (Microsoft) no

  // Oracle $30B (the $300B claim is not counted), Stargate unpriced: mixed -> count basis.
  EXPECT_EQ(Compute(exposure).basis, WeightBasis::kCount);
  EXPECT_EQ(Compute(exposure).edge_count, 2u);
  EXPECT_EQ(Compute(exposure).edges_with_weight, 1u);
  EXPECT_DOUBLE_EQ(Compute(exposure).known_weight, 30e9);
  EXPECT_DOUBLE_EQ(Compute(exposure).total, 2);
  EXPECT_DOUBLE_EQ(Compute(exposure).rival_tied, 0);
  EXPECT_DOUBLE_EQ(Compute(exposure).share, 0.0);
  EXPECT_DOUBLE_EQ(exposure.score, 0.5);

  EXPECT_EQ(PartyNames(graph, exposure), (Strings{"Amazon", "Microsoft", "Oracle", "Stargate"}));
  const ExposureParty& amazon = Party(graph, exposure, "Amazon");
  EXPECT_TRUE(amazon.rival_tied);
  EXPECT_DOUBLE_EQ(amazon.weight[0], 50e9);
  // AWS's exclusivity over Frontier (OpenAI's) is a tie to OpenAI, outside the dimensions.
  EXPECT_EQ(TiesToNode(graph, amazon), (Strings{"Amazon -invests-> OpenAI", "Bedrock -distributes-> OpenAI",
                                                "AWS -exclusive-> Frontier"}));
  EXPECT_EQ(TiesToRivals(graph, amazon),
            (Strings{"Anthropic: Amazon -invests-> Anthropic", "Anthropic: AWS -supplies_compute-> Anthropic",
                     "Anthropic: Bedrock -distributes-> Anthropic"}));

  // Microsoft holds OpenAI's exclusivity and owns Azure, but touches nothing of Anthropic's.
  const ExposureParty& microsoft = Party(graph, exposure, "Microsoft");
  EXPECT_FALSE(microsoft.rival_tied);
  EXPECT_EQ(TiesToNode(graph, microsoft), (Strings{"Azure -distributes-> OpenAI", "Microsoft -exclusive-> OpenAI"}));
  EXPECT_FALSE(Party(graph, exposure, "Oracle").rival_tied);
  EXPECT_FALSE(Party(graph, exposure, "Stargate").rival_tied);
  EXPECT_DOUBLE_EQ(Party(graph, exposure, "Oracle").weight[2], 1);
  EXPECT_TRUE(std::isnan(Party(graph, exposure, "Oracle").weight[0]));
  ASSERT_EQ(exposure.notes.size(), 1u);
  EXPECT_EQ(exposure.notes[0].rfind("conflicting claim not counted: Oracle -supplies_compute-> OpenAI $300B", 0), 0u)
      << exposure.notes[0];
}

TEST(Exposure, AsOfBeforeAmazonsOpenAIStakeUntiesNothingForAnthropicFunding) {
  // Before 2026-02 Amazon's $50B into OpenAI and AWS's Frontier exclusivity are not active, but
  // Bedrock still distributes OpenAI (undated), so Amazon stays tied.
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  std::string error;
  const GraphView view(graph, ViewOptions{*ParseDate("2025-12", &error)});
  const Exposure exposure = ComputeExposure(view, *graph.FindNode("Anthropic"));
  EXPECT_EQ(TiesToRivals(graph, Party(graph, exposure, "Amazon")), (Strings{"OpenAI: Bedrock -distributes-> OpenAI"}));
  EXPECT_DOUBLE_EQ(Funding(exposure).share, 1.0);
  // Broadcom's compute starts in 2027: not active, so compute is AWS alone.
  EXPECT_DOUBLE_EQ(Compute(exposure).total, 1);
  EXPECT_DOUBLE_EQ(Compute(exposure).share, 1.0);
}

TEST(Exposure, PartyTiedOnlyThroughASubsidiaryItOwns) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nX,company,llm\nY,company,llm\nParent,investor,\nSub,platform,\nOther,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,stake_pct\n"
            "Parent,Sub,owns,,100%\n"
            "Parent,X,invests,10M,\n"
            "Other,X,invests,30M,\n"
            "Sub,Y,distributes,,\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const GraphView view(graph);
  const Exposure exposure = ComputeExposure(view, *graph.FindNode("X"));
  EXPECT_EQ(Funding(exposure).basis, WeightBasis::kAmount);
  EXPECT_DOUBLE_EQ(Funding(exposure).total, 40e6);
  EXPECT_DOUBLE_EQ(Funding(exposure).rival_tied, 10e6);
  EXPECT_DOUBLE_EQ(Funding(exposure).share, 0.25);
  EXPECT_EQ(Distribution(exposure).basis, WeightBasis::kNone);
  EXPECT_TRUE(std::isnan(Distribution(exposure).share));
  EXPECT_EQ(Compute(exposure).basis, WeightBasis::kNone);
  EXPECT_EQ(exposure.scored_dimensions, 1);
  EXPECT_DOUBLE_EQ(exposure.score, 0.25);
  EXPECT_EQ(PartyNames(graph, exposure), (Strings{"Parent", "Other"}));
  EXPECT_EQ(TiesToRivals(graph, exposure.parties[0]), (Strings{"Y: Sub -distributes-> Y"}));
  EXPECT_EQ(graph.NodeName(exposure.parties[0].ties_to_rivals[0].via), "Sub");
}

TEST(Exposure, MissingAmountsFallBackToCountingEdges) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nX,company,llm\nY,company,llm\nA,investor,\nB,investor,\nC,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd\n"
            "A,X,invests,10M\n"
            "B,X,invests,\n"      // no amount: the whole dimension counts edges
            "C,X,invests,5M\n"
            "A,Y,invests,1M\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const GraphView view(graph);
  const Exposure exposure = ComputeExposure(view, *graph.FindNode("X"));
  EXPECT_EQ(Funding(exposure).basis, WeightBasis::kCount);
  EXPECT_EQ(WeightBasisName(Funding(exposure).basis), "count");
  EXPECT_DOUBLE_EQ(Funding(exposure).total, 3);
  EXPECT_DOUBLE_EQ(Funding(exposure).rival_tied, 1);
  EXPECT_DOUBLE_EQ(Funding(exposure).share, 1.0 / 3.0);
  EXPECT_EQ(Funding(exposure).edges_with_weight, 2u);
  EXPECT_DOUBLE_EQ(Funding(exposure).known_weight, 15e6);
  EXPECT_EQ(PartyNames(graph, exposure), (Strings{"A", "B", "C"}));
  EXPECT_TRUE(exposure.parties[0].rival_tied);
}

TEST(Exposure, RivalAsPartyOwnGroupIgnoredAndNoDataGivesNoScore) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nX,company,\nY,company,\nLab,company,\nHolding,investor,\nZ,company,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,stake_pct\n"
            "X,Y,competes,,\n"
            "Y,X,invests,4M,\n"           // the rival itself invests: tied
            "Holding,Lab,owns,,60%\n"
            "Holding,Y,owns,,100%\n"      // Holding owns the rival: tied
            "Lab,X,supplies_compute,2M,\n"
            "X,X,invests,9M,\n");         // self-loop: ignored
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const GraphView view(graph);
  const Exposure exposure = ComputeExposure(view, *graph.FindNode("X"));
  // Y rolls up to Holding, which owns the rival Y and whose Lab supplies X.
  EXPECT_EQ(PartyNames(graph, exposure), (Strings{"Holding"}));
  EXPECT_EQ(TiesToRivals(graph, exposure.parties[0]), (Strings{"owns rival Y"}));
  EXPECT_DOUBLE_EQ(Funding(exposure).share, 1.0);
  EXPECT_DOUBLE_EQ(Compute(exposure).share, 1.0);

  const Exposure lonely = ComputeExposure(view, *graph.FindNode("Z"));
  EXPECT_TRUE(lonely.parties.empty());
  EXPECT_EQ(lonely.scored_dimensions, 0);
  EXPECT_TRUE(std::isnan(lonely.score));

  // From Y's side: X is a rival party only through competes, and X's self-investment is ignored.
  const Exposure y = ComputeExposure(view, *graph.FindNode("Y"));
  EXPECT_TRUE(y.parties.empty());

  TempDir plain;
  plain.Write("nodes.csv", "id,type,markets\nP,company,db\nQ,company,db\n");
  plain.Write("edges.csv", "from,to,type,amount_usd\nQ,P,invests,1M\n");
  const PartnershipGraph rivals = MustLoad({plain.Path().string()});
  const GraphView rivals_view(rivals);
  const Exposure p = ComputeExposure(rivals_view, *rivals.FindNode("P"));
  ASSERT_EQ(p.parties.size(), 1u);
  EXPECT_EQ(TiesToRivals(rivals, p.parties[0]), (Strings{"is rival Q"}));
  EXPECT_EQ(rivals.Text(p.parties[0].ties_to_rivals[0].market), "db");
  EXPECT_DOUBLE_EQ(Funding(p).share, 1.0);
}

TEST(Exposure, InternalEdgesFromTheCompanysOwnGroupAreLeftOut) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nX,company,llm\nY,company,llm\nXCloud,cloud,\nV,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd\n"
            "X,XCloud,owns,\n"
            "XCloud,X,supplies_compute,5M\n"
            "V,X,supplies_compute,1M\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const GraphView view(graph);
  const Exposure exposure = ComputeExposure(view, *graph.FindNode("X"));
  EXPECT_EQ(PartyNames(graph, exposure), (Strings{"V"}));
  EXPECT_DOUBLE_EQ(Compute(exposure).total, 1e6);
  EXPECT_DOUBLE_EQ(Compute(exposure).share, 0.0);
}

}  // namespace
}  // namespace pg
