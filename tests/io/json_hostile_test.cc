// Hostile JSON models: numbers past a double, deep nesting, duplicate keys and oversized
// cells, rows or objects end in one clear error with the place; nothing aborts or recurses.

#include <gtest/gtest.h>

#include "graph/graph_builder.h"
#include "io/json_model.h"
#include "io/model_reader.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::LoadErrors;
using testing::MustLoad;
using testing::TempDir;

std::string Repeat(std::string_view text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

TEST(JsonHostile, NumberBeyondADoubleIsAnErrorWithThePlace) {
  TempDir dir;
  const std::string path = dir.Write("model.json", "{\"nodes\": [{\"id\": \"A\"}],\n \"edges\": [{\"amount_usd\": 1e999}]}");
  EXPECT_EQ(LoadErrors({path}),
            path + ": error: number \"1e999\" at line 2, column 27 is too large for a double (beyond ±1.8e308)\n");
  const std::string negative = dir.Write("negative.json", "{\"nodes\": [{\"id\": \"A\", \"x\": -2e308}]}");
  EXPECT_EQ(LoadErrors({negative}),
            negative + ": error: number \"-2e308\" at line 1, column 29 is too large for a double (beyond ±1.8e308)\n");
}

TEST(JsonHostile, NestingIsCappedWhileParsing) {
  TempDir dir;
  // 30,000 arrays deep inside a cell: parsing, flattening and destruction used to recurse.
  const std::string path = dir.Write(
      "deep.json", "{\"nodes\": [{\"id\": \"A\", \"x\": " + Repeat("[", 30000) + Repeat("]", 30000) + "}]}");
  EXPECT_EQ(LoadErrors({path}), path + ": error: JSON nested deeper than 64 levels at line 1, column 90; the limit is "
                                       "64 (json_depth); raise it with PARTNERGRAPH_LIMITS=json_depth=128\n");
  // Raising the limit lets the same document through, without recursion.
  InputLimits limits;
  limits.json_depth = 40000;
  Diagnostics diagnostics;
  const std::optional<PartnershipGraph> graph = LoadModel({path}, &diagnostics, {.limits = limits});
  ASSERT_TRUE(graph.has_value());
  EXPECT_EQ(graph->NodeCount(), 1u);
}

TEST(JsonHostile, NestedCellsReadAsBefore) {
  TempDir dir;
  const std::string path = dir.Write(
      "model.json",
      R"({"nodes": [{"id": "A", "tags": ["x", null, ["y", "z"], [], "w"], "info": {"b": [1, 2.5], "a": {"c": null}}}]})");
  const nlohmann::json json = ModelToJson(MustLoad({path}));
  EXPECT_EQ(json["nodes"][0]["tags"], nlohmann::json({"x", "y", "z", "w"}));
  EXPECT_EQ(json["nodes"][0]["info"], R"({"b":[1,2.5],"a":{"c":null}})");
}

TEST(JsonHostile, DuplicateKeysAreErrors) {
  TempDir dir;
  const std::string edge = R"({"from": "A", "to": "A", "type": "invests"})";
  const std::string ids = dir.Write(
      "model.json", R"({"nodes": [{"id": "A"}], "edges": [)" + edge + "," + edge + "," + edge +
                        R"(, {"id": "x", "from": "A", "to": "A", "type": "invests", "id": "y"}]})");
  EXPECT_EQ(LoadErrors({ids}), ids + ": edges[3]: error: duplicate key \"id\"\n");
  const std::string top = dir.Write("top.json", R"({"nodes": [{"id": "A"}], "nodes": [{"id": "B"}]})");
  EXPECT_EQ(LoadErrors({top}), top + ": error: duplicate key \"nodes\"\n");
  const std::string kumu = dir.Write("kumu.json", R"({"elements": [{"label": "A", "attributes": {"label": "B"}}]})");
  EXPECT_EQ(LoadErrors({kumu}), kumu + ": elements[0]: error: duplicate key \"label\" (also outside \"attributes\")\n");
  const std::string inner = dir.Write("inner.json", R"({"nodes": [{"id": "A", "info": {"k": 1, "k": 2}}]})");
  EXPECT_EQ(LoadErrors({inner}), inner + ": nodes[0]: error: duplicate key \"k\"\n");
}

TEST(JsonHostile, CellsRowsAndFieldsHaveLimits) {
  TempDir dir;
  InputLimits limits;
  limits.cell_bytes = 16;
  const std::string cell = dir.Write("cell.json", R"({"nodes": [{"id": "A"}, {"id": "B", "note": "seventeen bytes!!"}]})");
  EXPECT_EQ(LoadErrors({cell}, limits), cell + ": nodes[1]: error: cell \"note\" is longer than 16 bytes; the limit is 16 "
                                              "(cell_bytes); raise it with PARTNERGRAPH_LIMITS=cell_bytes=32\n");
  // A list of short strings is one cell too: it cannot grow past the limit either.
  const std::string list = dir.Write("list.json", R"({"nodes": [{"id": "A", "tags": ["abcdef", "abcdef", "abcdef"]}]})");
  EXPECT_EQ(LoadErrors({list}, limits), list + ": nodes[0]: error: cell \"tags\" is longer than 16 bytes; the limit is 16 "
                                              "(cell_bytes); raise it with PARTNERGRAPH_LIMITS=cell_bytes=32\n");
  // A string far past the limit is cut off while the lexer reads it, before it is buffered whole.
  const std::string huge = dir.Write("huge.json", "{\"nodes\": [{\"id\": \"" + std::string(1000, 'a') + "\"}]}");
  EXPECT_EQ(LoadErrors({huge}, limits), huge + ": error: string at line 1, column 19 is longer than 16 bytes; the limit is "
                                              "16 (cell_bytes); raise it with PARTNERGRAPH_LIMITS=cell_bytes=32\n");

  limits = InputLimits{};
  limits.rows_per_table = 2;
  const std::string rows = dir.Write("rows.json", R"({"nodes": [{"id": "A"}, {"id": "B"}, {"id": "C"}]})");
  EXPECT_EQ(LoadErrors({rows}, limits), rows + ": nodes[2]: error: more than 2 rows in \"nodes\"; the limit is 2 "
                                              "(rows_per_table); raise it with PARTNERGRAPH_LIMITS=rows_per_table=4\n");
  limits = InputLimits{};
  limits.columns = 2;
  const std::string wide = dir.Write("wide.json", R"({"nodes": [{"id": "A", "label": "a", "type": "company"}]})");
  EXPECT_EQ(LoadErrors({wide}, limits), wide + ": nodes[0]: error: more than 2 fields in one object; the limit is 2 "
                                              "(columns); raise it with PARTNERGRAPH_LIMITS=columns=4\n");
  const std::string spread = dir.Write("spread.json", R"({"nodes": [{"id": "A", "x": 1}, {"id": "B", "y": 2}]})");
  EXPECT_EQ(LoadErrors({spread}, limits), spread + ": nodes: error: more than 2 different fields; the limit is 2 "
                                                  "(columns); raise it with PARTNERGRAPH_LIMITS=columns=4\n");
}

TEST(JsonHostile, SyntaxErrorsSayWhereOnce) {
  TempDir dir;
  const std::string broken = dir.Write("broken.json", "{\"nodes\": [\n  {\"id\": \"A\",}\n]}");
  EXPECT_EQ(LoadErrors({broken}), broken + ": error: invalid JSON at line 2, column 14: syntax error while parsing "
                                           "object key - unexpected '}'; expected string literal\n");
  const std::string table = dir.Write("table.json", R"({"nodes": 3, "edges": [1]})");
  EXPECT_EQ(LoadErrors({table}), table + ": nodes: error: expected an array of objects\n" + table +
                                     ": edges[0]: error: expected an object\n");
}

TEST(JsonHostile, WriterReplacesBytesThatAreNotUtf8) {
  // The loader never lets such bytes through; the writer must not throw if one ever does.
  const PartnershipGraph graph = testing::GraphWithOneNode("A\xFF\xC3");
  EXPECT_EQ(ModelJsonText(graph).substr(0, 43), "{\n  \"edges\": [],\n  \"metrics\": [],\n  \"nodes\"");
  EXPECT_EQ(nlohmann::json::parse(ModelJsonText(graph))["nodes"][0]["id"], "A\uFFFD\uFFFD");
}

}  // namespace
}  // namespace pg
