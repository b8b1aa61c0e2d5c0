// betweenness, Burt's constraint and the brokerage pass on graphs with hand-computed answers.

#include <gtest/gtest.h>

#include "analysis/betweenness.h"
#include "analysis/constraint.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::FindingAbout;
using testing::MustLoad;
using testing::RunPass;
using testing::TempDir;

PartnershipGraph Load(const TempDir& dir, const std::string& nodes, const std::string& edges) {
  dir.Write("nodes.csv", nodes);
  dir.Write("edges.csv", edges);
  return MustLoad({dir.Path().string()});
}

double Score(const PartnershipGraph& graph, const std::vector<double>& scores, const std::string& id) {
  return scores.at(*graph.FindNode(id));
}

TEST(Betweenness, StarCentreCarriesEveryPair) {
  TempDir dir;
  // Parallel and reversed edges collapse; the self-loop is dropped.
  const PartnershipGraph g = Load(dir, "id\nC\nL1\nL2\nL3\nL4\n",
                                  "from,to,type\nC,L1,invests\nL1,C,partners\nC,L2,invests\nC,L3,invests\n"
                                  "C,L4,invests\nC,C,partners\n");
  for (unsigned threads : {1u, 2u}) {
    const std::vector<double> bc = BetweennessCentrality(g, {.threads = threads});
    EXPECT_DOUBLE_EQ(Score(g, bc, "C"), 4.0 * 3.0 / 2.0);  // (n-1)(n-2)/2
    EXPECT_DOUBLE_EQ(Score(g, bc, "L1"), 0.0);
  }
}

TEST(Betweenness, PathOfFive) {
  TempDir dir;
  const PartnershipGraph g =
      Load(dir, "id\nA\nB\nC\nD\nE\n", "from,to,type\nA,B,partners\nB,C,partners\nC,D,partners\nD,E,partners\n");
  const std::vector<double> bc = BetweennessCentrality(g, {});
  EXPECT_EQ(bc, (std::vector<double>{0, 3, 4, 3, 0}));
}

TEST(Betweenness, LongPathAndEvenCycleBeyondThreeLevels) {
  // Levels wrap around in the traversal's bookkeeping; these go ten deep. On a path of ten the
  // i-th vertex separates i vertices from 9 - i. On a 10-cycle the 5 antipodal pairs split over
  // two paths of 4 inner vertices: per vertex (5 - 1)^2 / 2 = 8.
  std::string nodes = "id\n", path = "from,to,type\n", cycle = "from,to,type\n";
  for (int i = 0; i < 10; ++i) {
    nodes += "v" + std::to_string(i) + "\n";
    if (i < 9) path += "v" + std::to_string(i) + ",v" + std::to_string(i + 1) + ",partners\n";
    cycle += "v" + std::to_string(i) + ",v" + std::to_string((i + 1) % 10) + ",partners\n";
  }
  TempDir path_dir, cycle_dir;
  const PartnershipGraph p = Load(path_dir, nodes, path);
  const PartnershipGraph c = Load(cycle_dir, nodes, cycle);
  for (unsigned threads : {1u, 2u}) {
    const std::vector<double> on_path = BetweennessCentrality(p, {.threads = threads});
    const std::vector<double> on_cycle = BetweennessCentrality(c, {.threads = threads});
    for (int i = 0; i < 10; ++i) {
      const std::string id = "v" + std::to_string(i);
      EXPECT_DOUBLE_EQ(Score(p, on_path, id), i * (9.0 - i)) << id;
      EXPECT_DOUBLE_EQ(Score(c, on_cycle, id), 8.0) << id;
    }
  }
}

constexpr const char* kCampNodes = "id,markets\nA1,llm\nA2,\nA3,\nB1,llm\nB2,\nB3,\nX,\n";
constexpr const char* kCampEdges =
    "from,to,type\nA1,A2,partners\nA2,A3,partners\nA1,A3,partners\n"
    "B1,B2,partners\nB2,B3,partners\nB1,B3,partners\nX,A1,invests\nX,B1,invests\n";

TEST(Betweenness, TwoCampsJoinedByOneBroker) {
  TempDir dir;
  const PartnershipGraph g = Load(dir, kCampNodes, kCampEdges);
  const std::vector<double> bc = BetweennessCentrality(g, {});
  EXPECT_DOUBLE_EQ(Score(g, bc, "X"), 9.0);   // the 3 x 3 cross-camp pairs
  EXPECT_DOUBLE_EQ(Score(g, bc, "A1"), 8.0);  // A2, A3 to X and to the three Bs
  EXPECT_DOUBLE_EQ(Score(g, bc, "B1"), 8.0);
  EXPECT_DOUBLE_EQ(Score(g, bc, "A2"), 0.0);
}

TEST(Betweenness, SampledWithAllSourcesIsExactAndSamplingIsUnbiasedOnACycle) {
  TempDir dir;
  const PartnershipGraph camps = Load(dir, kCampNodes, kCampEdges);
  EXPECT_EQ(BetweennessCentrality(camps, {.samples = 7, .seed = 3}), BetweennessCentrality(camps, {}));
  EXPECT_FALSE(BetweennessSampled(7, {.samples = 7}));
  EXPECT_TRUE(BetweennessSampled(7, {.samples = 6}));

  // On a 7-cycle every source contributes the same total, so 3 sampled sources scaled by 7/3
  // give the exact total (7 nodes x 3 = 21).
  TempDir cycle_dir;
  const PartnershipGraph cycle = Load(cycle_dir, "id\n0\n1\n2\n3\n4\n5\n6\n",
                                      "from,to,type\n0,1,partners\n1,2,partners\n2,3,partners\n3,4,partners\n"
                                      "4,5,partners\n5,6,partners\n6,0,partners\n");
  double exact = 0, sampled = 0;
  for (double s : BetweennessCentrality(cycle, {})) exact += s;
  for (double s : BetweennessCentrality(cycle, {.samples = 3, .seed = 42})) sampled += s;
  EXPECT_DOUBLE_EQ(exact, 21.0);
  EXPECT_NEAR(sampled, 21.0, 1e-9);
  EXPECT_EQ(BetweennessCentrality(cycle, {.samples = 3, .seed = 42}),
            BetweennessCentrality(cycle, {.samples = 3, .seed = 42}));
}

TEST(Betweenness, LeafSourcesAndThreadsGiveTheSameAnswer) {
  // A tree with leaves on several levels plus a cycle, checked against a brute-force count.
  TempDir dir;
  const PartnershipGraph g = Load(dir, "id\na\nb\nc\nd\ne\nf\ng\nh\n",
                                  "from,to,type\na,b,partners\nb,c,partners\nc,d,partners\nd,a,partners\n"
                                  "c,e,partners\ne,f,partners\ne,g,partners\nb,h,partners\n");
  const std::vector<double> one = BetweennessCentrality(g, {.threads = 1});
  const std::vector<double> two = BetweennessCentrality(g, {.threads = 2});
  for (std::size_t v = 0; v < one.size(); ++v) EXPECT_NEAR(one[v], two[v], 1e-12);
  // e separates {f, g} from the 5 others and f from g: 2 * 5 + 1 = 11.
  EXPECT_DOUBLE_EQ(Score(g, one, "e"), 11.0);
  // b: h to all 6 others (6), plus a-c (one of two paths: 0.5), a-e/f/g (0.5 each: 1.5) -> 8.
  EXPECT_DOUBLE_EQ(Score(g, one, "b"), 8.0);
}

TEST(Constraint, MatchesHandComputedValues) {
  TempDir dir;
  const PartnershipGraph g = Load(dir, kCampNodes, kCampEdges);
  const UndirectedGraph simple = BuildUndirectedGraph(g);
  const std::vector<VertexId> who = {*g.FindNode("X"), *g.FindNode("A1"), *g.FindNode("A2")};
  const std::vector<double> c = BurtConstraint(simple, who);
  EXPECT_DOUBLE_EQ(c[0], 0.5);            // two unconnected contacts, 1/2 each
  EXPECT_DOUBLE_EQ(c[1], 11.0 / 18.0);    // 2 * (1/3 + 1/3 * 1/2)^2 + (1/3)^2
  EXPECT_DOUBLE_EQ(c[2], 9.0 / 16.0 + 4.0 / 9.0);  // (1/2 + 1/2 * 1/2)^2 + (1/2 + 1/2 * 1/3)^2

  // Tie strength counts parallel edges: A-B twice, A-C, B-C.
  TempDir weighted_dir;
  const PartnershipGraph w = Load(weighted_dir, "id\nA\nB\nC\nD\n",
                                  "from,to,type\nA,B,invests\nB,A,partners\nA,C,partners\nB,C,partners\n");
  const UndirectedGraph ws = BuildUndirectedGraph(w);
  const std::vector<VertexId> a = {*w.FindNode("A"), *w.FindNode("D")};
  const std::vector<double> cw = BurtConstraint(ws, a);
  EXPECT_DOUBLE_EQ(cw[0], 325.0 / 324.0);  // (2/3 + 1/3 * 1/2)^2 + (1/3 + 2/3 * 1/3)^2
  EXPECT_TRUE(std::isnan(cw[1]));          // no ties: no constraint
}

TEST(Brokerage, NamesTheBrokerBetweenRivalCamps) {
  TempDir dir;
  const Findings findings = RunPass(Load(dir, kCampNodes, kCampEdges), "brokerage");
  ASSERT_EQ(findings.size(), 3u);  // X, A1, B1; nobody else lies between two nodes
  EXPECT_EQ(findings[0].subjects, (std::vector<std::string>{"X", "A1", "B1"}));
  EXPECT_EQ(findings[0].severity, FindingSeverity::kWarning);
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("betweenness"), 9.0);
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("constraint"), 0.5);
  EXPECT_EQ(findings[0].message,
            "X is broker #1: betweenness 9, constraint 0.500, 2 neighbours; tied to 2 rivals: A1, B1");
  EXPECT_EQ(findings[1].subjects.front(), "A1");  // ties go by id
  EXPECT_EQ(findings[1].severity, FindingSeverity::kInfo);
  EXPECT_EQ(findings[1].message, "A1 is broker #2: betweenness 8, constraint 0.611, 3 neighbours");
}

TEST(Brokerage, AmazonAndBedrockTieBothRivalsInTheExample) {
  const Findings findings = RunPass(MustLoad({testing::ExampleDir()}), "brokerage");
  const Finding* bedrock = FindingAbout(findings, "Bedrock");
  ASSERT_NE(bedrock, nullptr);
  EXPECT_EQ(bedrock->subjects, (std::vector<std::string>{"Bedrock", "OpenAI", "Anthropic"}));
  EXPECT_NE(FindingAbout(findings, "Amazon"), nullptr);
}

}  // namespace
}  // namespace pg
