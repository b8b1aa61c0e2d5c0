// The JSON model: lossless round trip of the example, and clear errors on bad documents.

#include "io/json_model.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::LoadErrors;
using testing::MustLoad;
using testing::TempDir;

TEST(JsonModel, ExampleRoundTripsLosslessly) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const nlohmann::json first = ModelToJson(graph);
  TempDir dir;
  const std::string path = dir.Write("model.json", first.dump(2));
  const PartnershipGraph again = MustLoad({path});
  EXPECT_EQ(ModelToJson(again), first);
  EXPECT_EQ(again.EdgeCount(), 20u);
  EXPECT_EQ(again.Metrics().size(), 21u);
  // Spot-check values survive as values, not text.
  EXPECT_EQ(first["edges"][0]["from"], "Amazon");
  EXPECT_DOUBLE_EQ(first["edges"][0]["amount_usd"].get<double>(), 50e9);
  EXPECT_EQ(first["edges"][0]["start"], "2026-02");
}

TEST(JsonModel, KeepsUnknownAttributesAndLists) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,roles,markets,hq\nAmazon,investor|cloud,a|b,Seattle\n");
  const nlohmann::json json = ModelToJson(MustLoad({nodes}));
  EXPECT_EQ(json["nodes"][0]["roles"], nlohmann::json({"investor", "cloud"}));
  EXPECT_EQ(json["nodes"][0]["markets"], nlohmann::json({"a", "b"}));
  EXPECT_EQ(json["nodes"][0]["hq"], "Seattle");
  const std::string path = dir.Write("model.json", json.dump());
  EXPECT_EQ(ModelToJson(MustLoad({path})), json);
}

TEST(JsonModel, BadDocumentsSayWhere) {
  TempDir dir;
  const std::string broken = dir.Write("broken.json", "{\"nodes\": [\n  {\"id\": \"A\",}\n]}");
  EXPECT_EQ(LoadErrors({broken}).substr(0, broken.size() + 42),
            broken + ": error: invalid JSON at line 2, column 14");
  const std::string wrong = dir.Write("wrong.json", "[1, 2]");
  EXPECT_EQ(LoadErrors({wrong}),
            wrong + ": error: expected a JSON object with \"nodes\", \"edges\" and \"metrics\" arrays\n");
  const std::string bad_edge = dir.Write(
      "bad.json", R"({"nodes": [{"id": "A"}, {"id": "B"}], "edges": [{"from": "A", "to": "C", "type": "invests"}]})");
  EXPECT_EQ(LoadErrors({bad_edge}), bad_edge + ": edges[0]: error: unknown node \"C\" (did you mean \"A\"?)\n");
}

}  // namespace
}  // namespace pg
