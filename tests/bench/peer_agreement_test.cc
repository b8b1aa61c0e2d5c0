// Same answers as the peers: on the bench's 10k-edge input, partnergraph's dual-backing and
// shared-channel findings equal what NetworkX and igraph report (tests/data/bench10k).

#include <fstream>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/betweenness.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using Sets = std::map<std::string, std::set<std::string>>;

// The peers report per rival pair {a, b} the investors backing both; per investor, the union of
// those pairs is the set of rivals it backs. Channels: platform -> its rivals.
void ReadPeerAnswers(const std::string& path, Sets* dual, Sets* shared) {
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json x = nlohmann::json::parse(line);
    if (x["pass"] == "dual_backing") {
      for (const auto& investor : x["investors"]) {
        (*dual)[investor.get<std::string>()].insert(x["a"].get<std::string>());
        (*dual)[investor.get<std::string>()].insert(x["b"].get<std::string>());
      }
    } else if (x["pass"] == "shared_channel") {
      for (const auto& rival : x["rivals"]) (*shared)[x["platform"].get<std::string>()].insert(rival.get<std::string>());
    }
  }
}

Sets OursAsSets(const Findings& findings) {
  Sets sets;
  for (const Finding& finding : findings) {
    sets[finding.subjects.front()].insert(finding.subjects.begin() + 1, finding.subjects.end());
  }
  return sets;
}

TEST(PeerAgreement, Bench10kSameInvestorsAndChannelsAsNetworkxAndIgraph) {
  const std::string dir = testing::TestDataDir() + "/bench10k";
  Sets peer_dual, peer_shared;
  ReadPeerAnswers(dir + "/peer_answers.jsonl", &peer_dual, &peer_shared);
  ASSERT_EQ(peer_dual.size(), 49u);
  ASSERT_EQ(peer_shared.size(), 13u);

  const PartnershipGraph graph = testing::MustLoad({dir + "/nodes.csv", dir + "/edges.csv"});
  ASSERT_EQ(graph.NodeCount(), 2658u);
  ASSERT_EQ(graph.EdgeCount(), 10000u);
  const Sets dual = OursAsSets(testing::RunPass(graph, "dual-backing"));
  const Sets shared = OursAsSets(testing::RunPass(graph, "shared-channel"));
  EXPECT_EQ(dual, peer_dual);
  EXPECT_EQ(shared, peer_shared);
  // A figure to anchor it: the investor i129 backs rivals c0 and c565 among others.
  ASSERT_TRUE(dual.count("i129"));
  EXPECT_TRUE(dual.at("i129").count("c0") && dual.at("i129").count("c565"));
}

TEST(PeerAgreement, Bench10kBetweennessTopTenAsIgraphExact) {
  const std::string dir = testing::TestDataDir() + "/bench10k";
  std::ifstream in(dir + "/peer_betweenness.jsonl");
  ASSERT_TRUE(in);
  const nlohmann::json peer = nlohmann::json::parse(in);
  ASSERT_EQ(peer["mode"], "exact");
  ASSERT_EQ(peer["top"].size(), 10u);

  const PartnershipGraph graph = testing::MustLoad({dir + "/nodes.csv", dir + "/edges.csv"});
  const std::vector<double> scores = BetweennessCentrality(graph, BetweennessOptions{});
  const std::vector<VertexId> top = TopScores(graph, scores, 10);
  ASSERT_EQ(top.size(), 10u);
  for (std::size_t k = 0; k < top.size(); ++k) {
    EXPECT_EQ(graph.NodeName(top[k]), peer["top"][k][0].get<std::string>()) << "rank " << k + 1;
    // The peer prints three decimals.
    EXPECT_NEAR(scores[top[k]], peer["top"][k][1].get<double>(), 5e-4) << "rank " << k + 1;
  }
  EXPECT_NEAR(scores[top[0]], 2250599.506, 5e-4);  // i129, the hub investor
}

}  // namespace
}  // namespace pg
