// Data as people write it (issue 9, items 1, 2 and 6): free-form and synonym types, a types
// table or --type-map, Kumu's Direction, headers with units, look-alike columns, nodes named
// only in connections and ids that differ only by case. Every message is asserted word for word.

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/csv_writer.h"
#include "io/json_model.h"
#include "io/model_reader.h"
#include "io/table_loader.h"
#include "tests/test_support.h"
#include "tools/edge_text.h"

namespace pg {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::TempDir;

struct Loaded {
  std::optional<PartnershipGraph> graph;
  std::string diagnostics;  ///< all of them, formatted, one a line
};

Loaded Load(const std::vector<std::string>& inputs, const LoadOptions& options = {}) {
  Diagnostics diagnostics;
  Loaded loaded;
  loaded.graph = LoadModel(inputs, &diagnostics, options);
  for (const Diagnostic& d : diagnostics.All()) loaded.diagnostics += FormatDiagnostic(d) + "\n";
  return loaded;
}

const Edge& EdgeBetween(const PartnershipGraph& graph, std::string_view from, std::string_view to) {
  for (const Edge& edge : graph.Edges()) {
    if (graph.NodeName(edge.from) == from && graph.NodeName(edge.to) == to) return edge;
  }
  ADD_FAILURE() << "no edge " << from << " -> " << to;
  return graph.Edges().front();
}

const Node& NodeNamed(const PartnershipGraph& graph, std::string_view id) {
  return graph.GetNode(graph.FindNode(id).value());
}

TEST(KumuWording, SynonymsMapAndEachWordingIsNotedOncePerTable) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,type\nA,AI Lab\nB,ai_lab\nC,Neocloud\nD,chipmaker\n");
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type\n"
                                      "C,A,Invests In\n"
                                      "C,B,invests_in\n"
                                      "D,C,supplies chips\n"
                                      "C,A,Supplies Compute\n"
                                      "A,B,acquires\n"
                                      "C,D,Acquired\n"
                                      "D,A,investment\n"
                                      "D,B,invests\n");
  const Loaded loaded = Load({nodes, edges});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  EXPECT_EQ(loaded.diagnostics,
            nodes + ":2:3: note: node type \"AI Lab\" read as company (1 row in this table)\n" +
                nodes + ":3:3: note: node type \"ai_lab\" read as company (1 row in this table)\n" +
                nodes + ":4:3: note: node type \"Neocloud\" read as cloud (1 row in this table)\n" +
                edges + ":2:5: note: edge type \"Invests In\" read as invests (1 row in this table)\n" +
                edges + ":3:5: note: edge type \"invests_in\" read as invests (1 row in this table)\n" +
                edges + ":4:5: note: edge type \"supplies chips\" read as supplies_compute (1 row in this table)\n" +
                edges + ":5:5: note: edge type \"Supplies Compute\" read as supplies_compute (1 row in this table)\n" +
                edges + ":6:5: note: edge type \"acquires\" read as owns: an acquisition counts as ownership, closed "
                        "or not (2 rows in this table)\n" +
                edges + ":8:5: note: edge type \"investment\" read as invests (1 row in this table)\n");
  const PartnershipGraph& graph = *loaded.graph;
  EXPECT_EQ(NodeNamed(graph, "A").type, NodeType::kCompany);
  EXPECT_EQ(NodeNamed(graph, "C").type, NodeType::kCloud);
  EXPECT_EQ(EdgeBetween(graph, "C", "B").type, EdgeType::kInvests);
  EXPECT_EQ(EdgeBetween(graph, "D", "C").type, EdgeType::kSuppliesCompute);
  EXPECT_EQ(EdgeBetween(graph, "C", "D").type, EdgeType::kOwns);
  EXPECT_TRUE(EdgeBetween(graph, "C", "D").directed);
}

TEST(KumuWording, FreeTypesAreKeptAsWrittenWithOneWarningPerType) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,type,roles\nDOE,Government,\nTSMC,Foundry,\nArm,foundry,\n"
                                                   "Fund,Government,investor\n");
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type\n"
                                      "Arm,TSMC,licenses\n"
                                      "DOE,TSMC,Licenses\n"
                                      "DOE,Arm,grants\n");
  const Loaded loaded = Load({nodes, edges});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  EXPECT_EQ(loaded.diagnostics,
            nodes + ":2:5: warning: node type \"Government\" is not one of ours: kept as its own type on 2 nodes, "
                    "drawn and listed, counted as other; map it with a types table (columns type, maps_to) or "
                    "--type-map FILE\n" +
                nodes + ":3:6: warning: node type \"Foundry\" is not one of ours: kept as its own type on 2 nodes, "
                        "drawn and listed, counted as other; map it with a types table (columns type, maps_to) or "
                        "--type-map FILE\n" +
                edges + ":2:10: warning: edge type \"licenses\" is not one of ours: kept as its own type on 2 edges, "
                        "drawn and listed, counted as partners; map it with a types table (columns type, maps_to) "
                        "or --type-map FILE\n" +
                edges + ":4:9: warning: edge type \"grants\" is not one of ours: kept as its own type on 1 edge, "
                        "drawn and listed, counted as partners; map it with a types table (columns type, maps_to) "
                        "or --type-map FILE\n");
  const PartnershipGraph& graph = *loaded.graph;
  const Node& doe = NodeNamed(graph, "DOE");
  EXPECT_EQ(doe.type, NodeType::kOther);
  EXPECT_EQ(graph.Text(doe.type_label), "Government");
  // A role still says what a node of a free type does.
  EXPECT_EQ(NodeNamed(graph, "Fund").type, NodeType::kInvestor);
  EXPECT_EQ(graph.Text(NodeNamed(graph, "Fund").type_label), "Government");
  const Edge& licence = EdgeBetween(graph, "Arm", "TSMC");
  EXPECT_EQ(licence.type, EdgeType::kPartners);
  EXPECT_EQ(graph.Text(graph.Details(licence).type_label), "licenses");
  EXPECT_EQ(ShortEdge(graph, static_cast<EdgeId>(&licence - graph.Edges().data())), "Arm -licenses-> TSMC");
}

TEST(KumuWording, FreeTypesSurviveCsvAndJsonRoundTrips) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,type,roles\nDOE,Government,\nFund,Government,investor\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type\nDOE,Fund,grants\n");
  const Loaded loaded = Load({nodes, edges});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  const nlohmann::json model = ModelToJson(*loaded.graph);
  EXPECT_EQ(model["nodes"][1]["type"], "Government");
  EXPECT_EQ(model["nodes"][1]["roles"], nlohmann::json::array({"investor"}));
  EXPECT_EQ(model["edges"][0]["type"], "grants");
  std::string error;
  const std::string folder = (dir.Path() / "out").string();
  ASSERT_TRUE(WriteCsvFolder(*loaded.graph, folder, &error)) << error;
  const Loaded from_csv = Load({folder});
  ASSERT_TRUE(from_csv.graph) << from_csv.diagnostics;
  EXPECT_EQ(ModelToJson(*from_csv.graph), model);
  const Loaded from_json = Load({dir.Write("model.json", model.dump())});
  ASSERT_TRUE(from_json.graph) << from_json.diagnostics;
  EXPECT_EQ(ModelToJson(*from_json.graph), model);
}

TEST(KumuWording, ValidateNamesAFreeTypeInAConflict) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type,amount_usd,source\nA,B,licenses,1B,x\nA,B,licenses,2B,y\n");
  const CliRun run = Cli({"validate", edges});
  EXPECT_EQ(run.code, 0);
  EXPECT_NE(run.err.find(edges + ":3: warning: conflicting claim: A -licenses-> B $2B here, $1B at " + edges + ":2;"),
            std::string::npos)
      << run.err;
}

TEST(KumuWording, ATypesTableAfterTheEdgesMapsFreeTypes) {
  const std::string folder = testing::TestDataDir() + "/kumu_wording";
  const Loaded loaded = Load({folder});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  const std::string connections = folder + "/connections.csv";
  const std::string elements = folder + "/elements.csv";
  const std::string types = folder + "/types.csv";
  EXPECT_EQ(loaded.diagnostics,
            connections + ":1:14: note: column \"Amount (USD)\" read as amount_usd\n" +
                connections + ":2:20: note: edge type \"Invests In\" read as invests (1 row in this table)\n" +
                connections + ":4:18: note: edge type \"Supplies Compute\" read as supplies_compute (1 row in this "
                              "table)\n" +
                connections + ":5:20: note: edge type \"Investment\" read as invests (1 row in this table)\n" +
                elements + ":2:11: note: node type \"AI Lab\" read as company (2 rows in this table)\n" +
                elements + ":5:5: note: node type \"Neocloud\" read as cloud (2 rows in this table)\n" +
                elements + ":7:14: note: node type \"Government\" read as investor on 1 node, as mapped at " + types +
                ":3:12\n" + elements +
                ":8:7: warning: node type \"Foundry\" is not one of ours: kept as its own type on 1 node, drawn and "
                "listed, counted as other; map it with a types table (columns type, maps_to) or --type-map FILE\n" +
                connections + ":3:15: note: edge type \"licenses\" read as distributes on 1 edge, as mapped at " +
                types + ":2:10\n");
  const PartnershipGraph& graph = *loaded.graph;
  const Edge& licence = EdgeBetween(graph, "AWS", "Anthropic");
  EXPECT_EQ(licence.type, EdgeType::kDistributes);
  EXPECT_TRUE(licence.directed);
  EXPECT_EQ(graph.Details(licence).type_label, kNoString);
  const Node& office = NodeNamed(graph, "CHIPS Office");
  EXPECT_EQ(office.type, NodeType::kInvestor);
  EXPECT_EQ(office.roles, RoleBit(NodeType::kInvestor));
  EXPECT_EQ(office.type_label, kNoString);
  EXPECT_EQ(EdgeBetween(graph, "CHIPS Office", "Intel").amount_usd, 7.9e9);
  EXPECT_EQ(EdgeBetween(graph, "Alphabet", "Anthropic").amount_usd, 2e9);
}

/// Feeds one sheet of a workbook to the loader, as the XLSX reader does (cells at their positions).
void Sheet(TableLoader& loader, const std::string& name, const std::vector<std::vector<std::string_view>>& rows) {
  ASSERT_TRUE(loader.BeginTable({"book.xlsx", name}, rows[0], 1, {}));
  for (std::size_t i = 1; i < rows.size(); ++i) loader.Row(rows[i], static_cast<std::uint32_t>(i + 1), {});
  loader.EndTable();
}

TEST(KumuWording, ATypesSheetOfAWorkbookMapsTheSheetsBeforeIt) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  TableLoader loader(&builder, &diagnostics, /*lenient=*/true);
  Sheet(loader, "Connections", {{"From", "To", "Type", "Direction"}, {"Arm", "Apple", "licenses", "reversed"}});
  Sheet(loader, "Elements", {{"Label", "Type"}, {"Arm", "Chip designer"}, {"Apple", "Big Tech"}});
  Sheet(loader, "Types", {{"Type", "Maps To"}, {"licenses", "distributes"}, {"big tech", "company"}});
  const PartnershipGraph graph = loader.Build();
  std::string all;
  for (const Diagnostic& d : diagnostics.All()) all += FormatDiagnostic(d) + "\n";
  EXPECT_EQ(all,
            "book.xlsx[Connections]!D2: note: direction \"reversed\": read from the to column to the from column (1 "
            "row in this table)\n"
            "book.xlsx[Elements]!B2: note: node type \"Chip designer\" read as chipmaker (1 row in this table)\n"
            "book.xlsx[Elements]!B3: note: node type \"Big Tech\" read as company on 1 node, as mapped at "
            "book.xlsx[Types]!B3\n"
            "book.xlsx[Connections]!C2: note: edge type \"licenses\" read as distributes on 1 edge, as mapped at "
            "book.xlsx[Types]!B2\n");
  // Reversed: Apple (the channel) distributes Arm.
  EXPECT_EQ(EdgeBetween(graph, "Apple", "Arm").type, EdgeType::kDistributes);
  EXPECT_EQ(NodeNamed(graph, "Apple").type, NodeType::kCompany);
}

TEST(KumuWording, TypeMapFileOnTheCommandLine) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id\nAWS\nAnthropic\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type\nAWS,Anthropic,licenses\n");
  const std::string map = dir.Write("map.csv", "type,maps_to\nlicenses,distributes\n");
  const CliRun run = Cli({"validate", nodes, edges, "--type-map", map});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.err, edges + ":2:15: note: edge type \"licenses\" read as distributes on 1 edge, as mapped at " + map +
                         ":2:10\n");
  EXPECT_EQ(run.out, "ok: 2 nodes, 1 edges, 0 metrics from 3 tables (1 note)\n");

  const std::string unknown = dir.Write("unknown.csv", "type,maps_to\nlicenses,licensing\n");
  const CliRun bad = Cli({"validate", nodes, edges, "--type-map", unknown});
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err.substr(0, bad.err.find('\n')),
            unknown + ":2:10: error: unknown type \"licensing\" to map \"licenses\" to (expected an edge type: invests, "
                      "owns, distributes, exclusive, supplies_compute, competes, partners; or a node type: company, "
                      "cloud, investor, platform, chipmaker, product, project, other)");

  const std::string not_types = dir.Write("other.csv", "id,label\nx,y\n");
  const CliRun refused = Cli({"validate", nodes, edges, "--type-map", not_types});
  EXPECT_EQ(refused.code, 2);
  EXPECT_EQ(refused.err.substr(0, refused.err.find('\n')),
            not_types + ":1: error: --type-map: expected a types table, with columns type and maps_to");

  const std::string missing = (dir.Path() / "nope.csv").string();
  // The inputs are still read, so that one run reports everything.
  const CliRun no_file = Cli({"validate", nodes, edges, "--type-map", missing});
  EXPECT_EQ(no_file.code, 2);
  EXPECT_EQ(no_file.err.substr(0, no_file.err.find('\n')), missing + ": error: --type-map: no such file");
}

TEST(KumuWording, AMappingMustNameATypeOfTheRightKindAndOnlyFreeTypes) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id\nAWS\nAnthropic\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type\nAWS,Anthropic,licenses\n");
  const std::string types = dir.Write("types.csv", "type,maps_to\nlicenses,company\ninvestment,owns\n");
  const Loaded loaded = Load({nodes, edges, types});
  EXPECT_FALSE(loaded.graph);
  EXPECT_EQ(loaded.diagnostics,
            types + ":3:1: warning: type \"investment\" is already read as invests; a types table maps only types "
                    "that are not ours, so this row is ignored\n" +
                edges + ":2:15: error: edge type \"licenses\" is mapped to company at " + types +
                ":2:10, which is a node type; map it to one of: invests, owns, distributes, exclusive, "
                "supplies_compute, competes, partners\n");
  const std::string glossary = dir.Write("glossary.csv", "term,means\nneocloud,a GPU cloud\n");
  EXPECT_EQ(testing::LoadErrors({glossary}),
            glossary + ":1: error: missing required column \"type\": a types table needs type and maps_to\n");
  TempDir folder;
  const std::string in_folder = folder.Write("glossary.csv", "term,means\nneocloud,a GPU cloud\n");
  folder.Write("nodes.csv", "id\nA\n");
  EXPECT_EQ(Load({folder.Path().string()}).diagnostics,
            in_folder + ":1: warning: skipped: missing required column \"type\": a types table needs type and maps_to\n");
  const std::string twice = dir.Write("twice.csv", "type,maps_to\nlicenses,distributes\nLicenses,partners\n");
  EXPECT_EQ(Load({nodes, edges, twice}).diagnostics,
            twice + ":3:10: error: type \"Licenses\" mapped again, to partners (first mapped to distributes at " +
                twice + ":2:10)\n" + edges + ":2:15: note: edge type \"licenses\" read as distributes on 1 edge, as mapped at " +
                twice + ":2:10\n");
}

TEST(KumuWording, HeadersWithUnitsAndPunctuation) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type,Amount USD,Stake (%),Capacity (GW),Year,Amt,Closed,weight\n"
                                      "A,B,invests,$2B,10%,1.5,2025,$5B,2025-03-01,7\n"
                                      "A,C,invests,,,,,300M,,2\n");
  const Loaded loaded = Load({edges});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  EXPECT_EQ(loaded.diagnostics,
            edges + ":1:14: note: column \"Amount USD\" read as amount_usd\n" + edges +
                ":1:25: note: column \"Stake (%)\" read as stake_pct\n" + edges +
                ":1:35: note: column \"Capacity (GW)\" read as capacity_gw\n" + edges +
                ":1:49: note: column \"Year\" read as start\n" + edges +
                ":1:54: warning: column \"Amt\" looks like amounts; kept as an attribute - name it amount_usd to use "
                "it\n" +
                edges + ":1:58: warning: column \"Closed\" looks like dates; kept as an attribute - name it start or "
                        "end to use it\n");
  const PartnershipGraph& graph = *loaded.graph;
  const Edge& edge = EdgeBetween(graph, "A", "B");
  EXPECT_EQ(edge.amount_usd, 2e9);
  EXPECT_DOUBLE_EQ(graph.Details(edge).stake_pct, 0.1);
  EXPECT_EQ(graph.Details(edge).capacity_gw, 1.5);
  EXPECT_EQ(edge.start.ToString(), "2025");
  // The look-alike columns are kept, not dropped.
  const auto kept = graph.AttributeSet(graph.Details(edge).attributes);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(graph.Text(kept[0].key), "Amt");
  EXPECT_EQ(graph.Text(kept[0].value), "$5B");

  const std::string comma = dir.Write("comma.csv", "from,to,\"Amount, USD\",Revenue ($)\nA,B,3B,1B\n");
  const Loaded with_comma = Load({comma});
  ASSERT_TRUE(with_comma.graph) << with_comma.diagnostics;
  EXPECT_EQ(with_comma.diagnostics, comma + ":1:9: note: column \"Amount, USD\" read as amount_usd\n" + comma +
                                        ":1:23: note: column \"Revenue ($)\" read as revenue_usd\n");
  EXPECT_EQ(with_comma.graph->Edges()[0].amount_usd, 3e9);
}

TEST(KumuWording, AnAmountColumnInAnotherCurrencyIsRefused) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type,Amount (EUR)\nA,B,invests,15M\n");
  EXPECT_EQ(testing::LoadErrors({edges}),
            edges + ":1:14: error: column \"Amount (EUR)\" holds amounts in EUR, which are not read as US dollars: "
                    "write the currency in each cell (EUR 15M) and give its rate with --fx, or convert the column and "
                    "name it amount_usd\n");
}

TEST(KumuWording, AFieldWithAUnitThatIsNotOursIsKeptAndSaid) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type,Capacity (MW),Amount (USD m)\nA,B,supplies_compute,"
                                                   "1500,500\n");
  const Loaded loaded = Load({edges});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  EXPECT_EQ(loaded.diagnostics,
            edges + ":1:14: warning: column \"Capacity (MW)\" is not read as capacity_gw: its unit is not one we "
                    "read; kept as an attribute - convert it and name it capacity_gw to use it\n" +
                edges + ":1:28: warning: column \"Amount (USD m)\" is not read as amount_usd: its unit is not one we "
                        "read; kept as an attribute - convert it and name it amount_usd to use it\n");
  const Edge& edge = loaded.graph->Edges()[0];
  EXPECT_FALSE(Known(edge.amount_usd));
  EXPECT_EQ(loaded.graph->AttributeSet(loaded.graph->Details(edge).attributes).size(), 2u);
}

TEST(KumuWording, KumuDirection) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type,direction\n"
                                      "B,A,invests,reversed\n"
                                      "C,A,invests,undirected\n"
                                      "C,B,invests,Mutual\n"
                                      "C,D,partners,undirected\n"
                                      "D,A,owns,sideways\n");
  EXPECT_EQ(testing::LoadErrors({edges}),
            edges + ":6:10: error: unknown direction \"sideways\" (expected directed, undirected, mutual or "
                    "reversed)\n" +
                edges + ":2:13: note: direction \"reversed\": read from the to column to the from column (1 row in "
                        "this table)\n" +
                edges + ":3:13: warning: direction \"undirected\" on an edge of type invests: kept from the from "
                        "column to the to column, not read as two edges, one each way (1 row in this table)\n" +
                edges + ":4:13: warning: direction \"Mutual\" on an edge of type invests: kept from the from "
                        "column to the to column, not read as two edges, one each way (1 row in this table)\n");
  const std::string good = dir.Write("good.csv",
                                     "from,to,type,direction\nB,A,invests,reversed\nC,A,invests,undirected\n"
                                     "C,D,partners,undirected\n");
  const Loaded loaded = Load({good});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  const PartnershipGraph& graph = *loaded.graph;
  EXPECT_EQ(EdgeBetween(graph, "A", "B").type, EdgeType::kInvests);
  EXPECT_TRUE(EdgeBetween(graph, "C", "A").directed);
  EXPECT_FALSE(EdgeBetween(graph, "C", "D").directed);
  EXPECT_EQ(graph.EdgeCount(), 3u);
}

TEST(KumuWording, NodesNamedOnlyInConnectionsAreCreatedButTyposStayErrors) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id\nAnthropic\nAmazon\n");
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type\n"
                                      "Amazon,Anthropic,invests\n"
                                      "Menlo Ventures,Anthropic,invests\n"
                                      "Amazon,Antropic,invests\n"
                                      "amazon,Anthropic,invests\n"
                                      "Salesforce,Menlo Ventures,partners\n");
  EXPECT_EQ(testing::LoadErrors({nodes, edges}),
            edges + ":4:8: error: unknown node \"Antropic\" (did you mean \"Anthropic\"?)\n" + edges +
                ":5:1: error: unknown node \"amazon\" (did you mean \"Amazon\"?)\n" + edges +
                ":3:1: warning: 2 nodes named only in connections were created (type other): \"Menlo Ventures\", "
                "\"Salesforce\"; add them to a nodes table to give them a type\n");

  const std::string one = dir.Write("one.csv", "from,to,type\nMenlo Ventures,Anthropic,invests\n");
  const Loaded loaded = Load({nodes, one});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  EXPECT_EQ(loaded.diagnostics, one + ":2:1: warning: 1 node named only in connections was created (type other): "
                                      "\"Menlo Ventures\"; add it to a nodes table to give it a type\n");
  EXPECT_EQ(NodeNamed(*loaded.graph, "Menlo Ventures").type, NodeType::kOther);
  EXPECT_EQ(EdgeBetween(*loaded.graph, "Menlo Ventures", "Anthropic").type, EdgeType::kInvests);
}

TEST(KumuWording, TheListOfCreatedNodesIsCapped) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id\nAnthropic\n");
  std::string rows = "from,to\n";
  for (int i = 10; i < 22; ++i) rows += "Backer number " + std::to_string(i) + ",Anthropic\n";
  const std::string edges = dir.Write("edges.csv", rows);
  const Loaded loaded = Load({nodes, edges});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  EXPECT_EQ(loaded.diagnostics,
            edges + ":2:1: warning: 12 nodes named only in connections were created (type other): \"Backer number "
                    "10\", \"Backer number 11\", \"Backer number 12\", \"Backer number 13\", \"Backer number 14\", "
                    "\"Backer number 15\", \"Backer number 16\", \"Backer number 17\", \"Backer number 18\", \"Backer "
                    "number 19\" +2 more; add them to a nodes table to give them a type\n");
  EXPECT_EQ(loaded.graph->NodeCount(), 13u);
}

TEST(KumuWording, PastFiftyUnknownNamesTheTypoCheckStopsAndSaysSo) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id\nAnthropic\n");
  std::string rows = "from,to\n";
  for (int i = 10; i < 70; ++i) rows += "Backer number " + std::to_string(i) + ",Anthropic\n";
  rows += "Antropic,Anthropic\n";  // the 61st unknown name: past the cap, not checked
  const std::string edges = dir.Write("edges.csv", rows);
  const Loaded loaded = Load({nodes, edges});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  const std::string& text = loaded.diagnostics;
  EXPECT_EQ(text.substr(text.find(" +")), " +51 more; add them to a nodes table to give them a type (past the first 50 "
                                          "unknown names, none was checked for typos)\n");
  EXPECT_EQ(loaded.graph->NodeCount(), 62u);
}

TEST(KumuWording, IdsThatDifferOnlyByCaseAreOneWarning) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id\nNvidia\nOpenAI\nNVIDIA\nopenai\nAMD\n");
  const Loaded loaded = Load({nodes});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  EXPECT_EQ(loaded.diagnostics,
            nodes + ":4: warning: node ids that differ only by case are different nodes: \"Nvidia\" (" + nodes +
                ":2) and \"NVIDIA\" (" + nodes + ":4), \"OpenAI\" (" + nodes + ":3) and \"openai\" (" + nodes +
                ":5); write one spelling if they are one party\n");
  EXPECT_EQ(loaded.graph->NodeCount(), 5u);

  // Without a nodes table both spellings become nodes, and the same warning says so.
  const std::string edges = dir.Write("edges.csv", "from,to,type\nNvidia,OpenAI,invests\nNVIDIA,OpenAI,invests\n");
  const Loaded connections = Load({edges});
  ASSERT_TRUE(connections.graph) << connections.diagnostics;
  EXPECT_EQ(connections.diagnostics, edges + ":3: warning: node ids that differ only by case are different nodes: "
                                             "\"Nvidia\" (" + edges + ":2) and \"NVIDIA\" (" + edges +
                                             ":3); write one spelling if they are one party\n");
}

TEST(KumuWording, TheExampleLoadsWithoutAnyNewRemark) {
  const CliRun run = Cli({"validate", testing::ExampleDir()});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "ok: 13 nodes, 20 edges, 21 metrics from 3 tables (2 warnings)\n");
  EXPECT_EQ(run.err.find("note:"), std::string::npos) << run.err;
}

// A file named as a types table whose header is not one says what it needs.
TEST(KumuWording, ATypesFileWithoutMapsToSaysWhatItNeeds) {
  TempDir dir;
  const std::string types = dir.Write("types.csv", "type,means2\nx,y\n");
  const std::string edges = dir.Write("edges.csv", "from,to\nA,B\n");
  EXPECT_EQ(testing::LoadErrors({types, edges}),
            types + ":1: error: a types table needs the columns type and maps_to, as type,maps_to / Invests In,invests\n");
}

}  // namespace
}  // namespace pg
