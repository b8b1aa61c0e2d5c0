// exposure NODE read from the node's neighbourhood (no GraphView) gives the whole-graph answer,
// for every node, with and without --as-of: the example, the Kumu fixture, and a fixture with
// ownership chains, ended stakes, markets, conflicting claims and a cycle as of a date.

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "analysis/exposure.h"
#include "graph/value_parser.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::TempDir;
using testing::TestDataDir;

/// Every field of an exposure, one line each, so a difference names itself.
std::vector<std::string> Describe(const PartnershipGraph& graph, const Exposure& exposure) {
  std::vector<std::string> out;
  out.push_back(fmt::format("node {} as of {}", graph.NodeName(exposure.node), exposure.as_of.ToString()));
  for (VertexId r : exposure.rivals) out.push_back(fmt::format("rival {}", graph.NodeName(r)));
  for (const ExposureDimension& d : exposure.dimensions) {
    out.push_back(fmt::format("{} {} total {} tied {} share {} edges {} weighed {} known {} ids {}", d.name,
                              WeightBasisName(d.basis), d.total, d.rival_tied, d.share, d.edge_count,
                              d.edges_with_weight, d.known_weight, fmt::join(d.edges, ",")));
  }
  out.push_back(fmt::format("score {} of {}", exposure.score, exposure.scored_dimensions));
  for (const ExposureParty& party : exposure.parties) {
    out.push_back(fmt::format("party {} tied {} weights {} to node {}", graph.NodeName(party.party), party.rival_tied,
                              fmt::join(party.weight, ","), fmt::join(party.ties_to_node, ",")));
    for (const RivalTie& tie : party.ties_to_rivals) {
      out.push_back(fmt::format("  tie {} rival {} via {} edge {} market {}", static_cast<int>(tie.kind),
                                graph.NodeName(tie.rival), graph.NodeName(tie.via), tie.edge,
                                tie.market == kNoString ? "-" : std::string(graph.Text(tie.market))));
    }
  }
  for (const std::string& note : exposure.notes) out.push_back("note " + note);
  return out;
}

/// Compares both ways of computing exposure for every node of `graph` as of each date.
void ExpectLocalEqualsWholeGraph(const PartnershipGraph& graph, const std::vector<std::string>& dates) {
  for (const std::string& text : dates) {
    std::string error;
    const Date as_of = text.empty() ? Date{} : ParseDate(text, &error).value_or(Date{});
    ASSERT_TRUE(error.empty()) << error;
    const GraphView view(graph, ViewOptions{as_of});
    for (VertexId v = 0; v < graph.NodeCount(); ++v) {
      SCOPED_TRACE(fmt::format("{} as of '{}'", graph.NodeName(v), text));
      EXPECT_EQ(Describe(graph, ComputeExposure(graph, as_of, v)), Describe(graph, ComputeExposure(view, v)));
    }
  }
}

TEST(ExposureLocal, EveryNodeOfTheExampleMatchesTheWholeGraph) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  ExpectLocalEqualsWholeGraph(graph, {"", "2025", "2026-01", "2026-04", "2027-06"});
}

TEST(ExposureLocal, EveryNodeOfTheKumuFixtureMatchesTheWholeGraph) {
  const PartnershipGraph graph = MustLoad({TestDataDir() + "/kumu_ai_infra"});
  ExpectLocalEqualsWholeGraph(graph, {"", "2024", "2025-06", "2026-01", "2027"});
}

TEST(ExposureLocal, ChainsEndedStakesMarketsAndConflictsMatchTheWholeGraph) {
  TempDir dir;
  dir.Write("nodes.csv",
            "id,type,markets\n"
            "X,company,llm\nY,company,llm;chips\nW,company,chips;llm\nV,company,\nZ,company,llm\n"
            "Hold,investor,\nSubA,platform,\nSubB,cloud,\nYSub,cloud,\nXSub,platform,\n"
            "Fund,investor,\nOld,investor,\nNew,investor,\nLoop1,investor,\nLoop2,investor,\nBig,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,stake_pct,revenue_usd,start,end,source,confidence\n"
            "Hold,SubA,owns,,80%,,,,,\n"
            "SubA,SubB,owns,,,,,,,\n"               // a chain: SubB -> SubA -> Hold
            "Old,SubB,owns,,90%,,,2024,,\n"          // ended: SubB's parent only before 2025
            "Y,YSub,owns,,,,,,,\n"
            "X,XSub,owns,,60%,,,,,\n"
            "New,XSub,owns,,70%,,2026-06,,,\n"      // planned: XSub leaves X's group mid-2026
            "X,V,competes,,,,,,,\n"
            "V,X,competes,,,,,2025,,\n"              // ended rivalry, the other way
            "Hold,X,invests,10M,,,,,,\n"
            "SubB,YSub,supplies_compute,2M,,,,,,\n"  // Hold tied through SubB into what Y controls
            "SubA,X,distributes,,,5M,,,,\n"
            "Fund,X,invests,7M,,,,,a,0.9\n"
            "Fund,X,invests,70M,,,,,b,0.5\n"         // a conflicting claim: not counted
            "Fund,W,invests,1M,,,2027,,,\n"          // planned tie to a rival
            "Fund,XSub,exclusive,,,,,,,\n"
            "Fund,Z,owns,,,,,,,\n"                    // Fund owns a rival
            "W,X,invests,3M,,,,,,\n"                 // a rival invests: is_rival through a market
            "Old,X,supplies_compute,,,,,2025-03,,\n" // ended compute: a note
            "V,XSub,invests,1M,,,,,,\n"
            "Loop1,Loop2,owns,,60%,,,,,\n"
            "Loop2,Loop1,owns,,55%,,,,,\n"
            "Big,Loop1,owns,,90%,,,2024,,\n"         // Loop1's parent until 2024; a cycle after it
            "Loop2,X,invests,4M,,,,,,\n"
            "Loop1,Y,invests,,,,,,,\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  ExpectLocalEqualsWholeGraph(graph, {"", "2024", "2025-02", "2026-02", "2026", "2027-06"});
}

TEST(ExposureLocal, ReadsWhatTheNodeControlsThroughAChain) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type,markets\nX,company,llm\nY,company,llm\nMid,platform,\nLeaf,platform,\nP,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,stake_pct\n"
            "X,Mid,owns,,100%\n"
            "Mid,Leaf,owns,,51%\n"
            "P,Leaf,exclusive,,\n"
            "P,Y,invests,1M,\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const Exposure exposure = ComputeExposure(graph, Date{}, *graph.FindNode("X"));
  ASSERT_EQ(exposure.parties.size(), 1u);
  EXPECT_EQ(graph.NodeName(exposure.parties[0].party), "P");
  EXPECT_TRUE(exposure.parties[0].rival_tied);
  ASSERT_EQ(exposure.parties[0].ties_to_node.size(), 1u);
  EXPECT_EQ(graph.NodeName(graph.GetEdge(exposure.parties[0].ties_to_node[0]).to), "Leaf");
}

}  // namespace
}  // namespace pg
