// common A B: shared parties at both levels, one-sided parties and direct edges.

#include "analysis/common_ties.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::TempDir;
using Strings = std::vector<std::string>;

std::string EdgeText(const PartnershipGraph& graph, EdgeId e) {
  const Edge& edge = graph.GetEdge(e);
  return fmt::format("{} -{}-> {}", graph.NodeName(edge.from), EdgeTypeName(edge.type), graph.NodeName(edge.to));
}

Strings Names(const PartnershipGraph& graph, const std::vector<SharedParty>& parties) {
  Strings names;
  for (const SharedParty& p : parties) names.emplace_back(graph.NodeName(p.party));
  return names;
}

Strings Texts(const PartnershipGraph& graph, const std::vector<EdgeId>& edges) {
  Strings out;
  for (EdgeId e : edges) out.push_back(EdgeText(graph, e));
  return out;
}

TEST(CommonTies, OpenAIAndAnthropicShareAmazonAndBedrock) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const GraphView view(graph);
  const CommonTies ties = FindCommonTies(view, *graph.FindNode("OpenAI"), *graph.FindNode("Anthropic"));
  const CommonRole& investors = ties.roles[0];
  EXPECT_EQ(investors.name, "investors");
  EXPECT_EQ(Names(graph, investors.shared_raw), (Strings{"Amazon"}));
  EXPECT_EQ(Texts(graph, investors.shared_raw[0].a_edges), (Strings{"Amazon -invests-> OpenAI"}));
  // Only the counted $8B claim is evidence, not the $80B one.
  ASSERT_EQ(investors.shared_raw[0].b_edges.size(), 1u);
  EXPECT_DOUBLE_EQ(graph.GetEdge(investors.shared_raw[0].b_edges[0]).amount_usd, 8e9);

  const CommonRole& channels = ties.roles[1];
  EXPECT_EQ(channels.name, "channels");
  EXPECT_EQ(Names(graph, channels.shared_raw), (Strings{"Bedrock"}));
  EXPECT_EQ(Names(graph, channels.shared_rolled_up), (Strings{"Amazon"}));
  EXPECT_EQ(Texts(graph, channels.shared_rolled_up[0].b_edges), (Strings{"Bedrock -distributes-> Anthropic"}));
  EXPECT_EQ(Names(graph, channels.only_a), (Strings{"Microsoft"}));
  EXPECT_EQ(Names(graph, channels.only_b), (Strings{"Google"}));

  // AWS supplies Anthropic, nothing of Amazon's supplies OpenAI: not common.
  const CommonRole& compute = ties.roles[2];
  EXPECT_EQ(compute.name, "compute suppliers");
  EXPECT_TRUE(compute.shared_raw.empty());
  EXPECT_TRUE(compute.shared_rolled_up.empty());
  EXPECT_EQ(Names(graph, compute.only_a), (Strings{"Oracle", "Stargate"}));
  EXPECT_EQ(Names(graph, compute.only_b), (Strings{"Amazon", "Broadcom"}));

  EXPECT_EQ(Names(graph, ties.roles[3].only_a), (Strings{"Microsoft"}));  // exclusivity holder
  EXPECT_TRUE(ties.roles[4].only_a.empty());                              // owners

  EXPECT_EQ(Names(graph, ties.parties), (Strings{"Amazon"}));
  EXPECT_EQ(Texts(graph, ties.parties[0].a_edges),
            (Strings{"Amazon -invests-> OpenAI", "Bedrock -distributes-> OpenAI"}));
  EXPECT_EQ(Texts(graph, ties.parties[0].b_edges),
            (Strings{"Amazon -invests-> Anthropic", "Bedrock -distributes-> Anthropic", "AWS -supplies_compute-> Anthropic"}));
  EXPECT_EQ(Texts(graph, ties.direct), (Strings{"OpenAI -competes-> Anthropic"}));
}

TEST(CommonTies, SubsidiariesMeetAtTheirParentAndSharedOwnersCount) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type\nA,company\nB,company\nGroup,investor\nArmA,investor\nArmB,investor\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,stake_pct\n"
            "Group,ArmA,owns,,100%\n"
            "Group,ArmB,owns,,100%\n"
            "ArmA,A,invests,1M,\n"
            "ArmB,B,invests,2M,\n"
            "Group,A,owns,,20%\n"
            "Group,B,owns,,30%\n"
            "A,B,partners,,\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const GraphView view(graph);
  const CommonTies ties = FindCommonTies(view, *graph.FindNode("A"), *graph.FindNode("B"));
  EXPECT_TRUE(ties.roles[0].shared_raw.empty());
  EXPECT_EQ(Names(graph, ties.roles[0].shared_rolled_up), (Strings{"Group"}));
  EXPECT_EQ(Texts(graph, ties.roles[0].shared_rolled_up[0].a_edges), (Strings{"ArmA -invests-> A"}));
  EXPECT_EQ(Names(graph, ties.roles[4].shared_raw), (Strings{"Group"}));  // minority owner of both
  EXPECT_EQ(Names(graph, ties.parties), (Strings{"Group"}));
  EXPECT_EQ(Texts(graph, ties.parties[0].a_edges), (Strings{"ArmA -invests-> A", "Group -owns-> A"}));
  EXPECT_EQ(Texts(graph, ties.direct), (Strings{"A -partners-> B"}));
}

TEST(CommonTies, DownstreamSharedCustomersAndSuppliersDistributed) {
  TempDir dir;
  dir.Write("nodes.csv", "id\nAWS\nAzure\nOpenAI\nAnthropic\nMeta\nGroup\n");
  dir.Write("edges.csv",
            "from,to,type\n"
            "AWS,OpenAI,supplies_compute\nAzure,OpenAI,supplies_compute\n"    // both supply OpenAI
            "AWS,Anthropic,supplies_compute\n"                                 // AWS only
            "AWS,Meta,distributes\nAzure,Meta,distributes\n"                  // both are Meta's channels
            "Azure,Anthropic,distributes\n"
            "Group,OpenAI,owns\nGroup,Anthropic,owns\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const GraphView view(graph);
  const CommonTies ties = FindCommonTies(view, *graph.FindNode("AWS"), *graph.FindNode("Azure"));
  const CommonRole& customers = ties.roles[5];
  EXPECT_EQ(customers.name, "compute customers");
  EXPECT_TRUE(customers.downstream);
  EXPECT_EQ(Names(graph, customers.shared_raw), (Strings{"OpenAI"}));
  EXPECT_EQ(Texts(graph, customers.shared_raw[0].a_edges), (Strings{"AWS -supplies_compute-> OpenAI"}));
  // Rolled up, OpenAI and Anthropic are both Group's: AWS supplies both, Azure OpenAI.
  EXPECT_EQ(Names(graph, customers.shared_rolled_up), (Strings{"Group"}));
  EXPECT_EQ(Texts(graph, customers.shared_rolled_up[0].a_edges),
            (Strings{"AWS -supplies_compute-> OpenAI", "AWS -supplies_compute-> Anthropic"}));
  const CommonRole& distributed = ties.roles[6];
  EXPECT_EQ(distributed.name, "suppliers distributed");
  EXPECT_EQ(Names(graph, distributed.shared_raw), (Strings{"Meta"}));
  EXPECT_EQ(Names(graph, distributed.only_b), (Strings{"Group"}));
  EXPECT_TRUE(ties.parties.empty());  // nothing upstream is shared

  const testing::CliRun run = testing::Cli({"common", "AWS", "Azure", dir.Path().string(), "--format", "json", "-q"});
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["roles"]["compute_customers"]["direction"], "downstream");
  EXPECT_EQ(json["roles"]["compute_customers"]["shared_raw"][0]["party"], "OpenAI");
  EXPECT_EQ(json["roles"]["suppliers_distributed"]["shared_raw"][0]["party"], "Meta");
  EXPECT_EQ(json["roles"]["investors"]["direction"], "upstream");
  const testing::CliRun text = testing::Cli({"common", "AWS", "Azure", dir.Path().string(), "-q"});
  EXPECT_NE(text.out.find("\ncompute customers (supplies_compute out of both, to the same party)\n"
                          "  shared, same node: OpenAI\n"),
            std::string::npos)
      << text.out;
}

}  // namespace
}  // namespace pg
