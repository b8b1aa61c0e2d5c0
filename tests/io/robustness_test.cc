// Bad input never crashes or hangs: mutated CSV and JSON inputs either load or fail with
// diagnostics. Seeded, so a failure reproduces.

#include <random>

#include <gtest/gtest.h>

#include "io/model_reader.h"
#include "tests/test_support.h"

namespace pg {
namespace {

constexpr const char* kNodes =
    "id,label,type,roles,markets\nOpenAI,OpenAI,company,,frontier\nAnthropic,\"An, \"\"thropic\"\"\",company,,frontier\n"
    "Amazon,Amazon,investor,investor|cloud,\nAWS,AWS,cloud,,\nBedrock,Bedrock,platform,,\n";
constexpr const char* kEdges =
    "from,to,type,amount_usd,stake_pct,start,end,confidence\nAmazon,OpenAI,invests,50B,,2026-02,,high\n"
    "Amazon,Anthropic,invests,8B,,,,0.9\nAmazon,AWS,owns,,100%,,,\nAWS,Bedrock,owns,,,,,\n"
    "Bedrock,OpenAI|Anthropic,distributes,,,,2027,\nOpenAI,Anthropic,competes,,,,,\n";

std::string Mutate(std::string text, std::mt19937& random) {
  static constexpr char kAlphabet[] = ",\"\n\r|;%$-.eB0123456789xX \t\xEF\xBB\xBF{}[]:";
  std::uniform_int_distribution<int> kind(0, 3);
  const int edits = 1 + static_cast<int>(random() % 6);
  for (int i = 0; i < edits && !text.empty(); ++i) {
    const std::size_t at = random() % text.size();
    const char c = kAlphabet[random() % (sizeof(kAlphabet) - 1)];
    switch (kind(random)) {
      case 0: text[at] = c; break;
      case 1: text.insert(text.begin() + static_cast<long>(at), c); break;
      case 2: text.erase(at, 1 + random() % 8); break;
      default: text.resize(at); break;
    }
  }
  return text;
}

TEST(Robustness, MutatedCsvNeverCrashes) {
  std::mt19937 random(20261125);
  testing::TempDir dir;
  int loaded = 0, refused = 0;
  for (int round = 0; round < 400; ++round) {
    const std::string nodes = dir.Write("nodes.csv", Mutate(kNodes, random));
    const std::string edges = dir.Write("edges.csv", Mutate(kEdges, random));
    Diagnostics diagnostics;
    const auto graph = LoadModel({nodes, edges}, &diagnostics);
    if (graph) {
      ++loaded;
    } else {
      ++refused;
      EXPECT_TRUE(diagnostics.HasErrors()) << "a refused load must say why";
      for (const Diagnostic& d : diagnostics.All()) EXPECT_FALSE(FormatDiagnostic(d).empty());
    }
  }
  // Both outcomes must occur, or the mutations are not exercising anything.
  EXPECT_GT(loaded, 0);
  EXPECT_GT(refused, 0);
}

TEST(Robustness, MutatedJsonNeverCrashes) {
  std::mt19937 random(7);
  testing::TempDir dir;
  const std::string json =
      R"({"nodes": [{"id": "A", "markets": ["m"]}, {"id": "B", "markets": "m"}, {"id": "V"}],)"
      R"( "edges": [{"from": "V", "to": "A", "type": "invests", "amount_usd": 5}, {"from": "V", "to": "B", "type": "invests", "amount_usd": "7M"}]})";
  for (int round = 0; round < 300; ++round) {
    const std::string path = dir.Write("model.json", Mutate(json, random));
    Diagnostics diagnostics;
    const auto graph = LoadModel({path}, &diagnostics);
    if (!graph) {
      EXPECT_TRUE(diagnostics.HasErrors());
    }
  }
}

TEST(Robustness, BinaryGarbageAndHugeLines) {
  testing::TempDir dir;
  std::string garbage(4096, '\0');
  std::mt19937 random(1);
  for (char& c : garbage) c = static_cast<char>(random());
  Diagnostics diagnostics;
  EXPECT_FALSE(LoadModel({dir.Write("edges.csv", garbage)}, &diagnostics));
  const std::string wide = "from,to,type\nA," + std::string(1 << 20, 'x') + ",invests\n";
  Diagnostics more;
  const auto graph = LoadModel({dir.Write("wide.csv", wide)}, &more);
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->NodeName(1).size(), 1u << 20);
}

}  // namespace
}  // namespace pg
