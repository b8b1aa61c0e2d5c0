// Loading CSV tables: quoting, Kumu habits, and every diagnostic with its exact text and place.

#include <gtest/gtest.h>

#include "graph/graph_view.h"
#include "io/model_reader.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::LoadErrors;
using testing::MustLoad;
using testing::TempDir;

constexpr const char* kNodes =
    "id,label,type,roles,markets\n"
    "OpenAI,OpenAI,company,,frontier-models\n"
    "Anthropic,Anthropic,company,,frontier-models\n"
    "Amazon,Amazon,investor,investor|cloud,\n";

TEST(CsvLoading, QuotedCommasNewlinesDoubledQuotesBomAndCrlf) {
  TempDir dir;
  const std::string nodes = dir.Write(
      "nodes.csv",
      "\xEF\xBB\xBFid,label,type,description\r\n"
      "acme,\"Acme, Inc.\",company,\"line one\r\nline two\"\r\n"
      "q,\"The \"\"Q\"\" Lab\",company,\r\n");
  const PartnershipGraph graph = MustLoad({nodes});
  ASSERT_EQ(graph.NodeCount(), 2u);
  EXPECT_EQ(graph.NodeLabel(0), "Acme, Inc.");
  EXPECT_EQ(graph.Text(graph.GetNode(0).description), "line one\r\nline two");
  EXPECT_EQ(graph.NodeLabel(1), "The \"Q\" Lab");
  EXPECT_EQ(graph.GetNode(1).origin.line, 4u);  // the quoted newline made row 2 span lines 2-3
}

TEST(CsvLoading, UnknownNodeNamesFileLineColumnAndSuggests) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", kNodes);
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type,amount_usd\n"
                                      "Amazon,OpenAI,invests,50B\n"
                                      "Amazon,Antropic,invests,8B\n");
  EXPECT_EQ(LoadErrors({nodes, edges}),
            edges + ":3:8: error: unknown node \"Antropic\" (did you mean \"Anthropic\"?)\n");
}

TEST(CsvLoading, UnterminatedQuoteIsReportedAtTheRowThatOpensIt) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type\n"
                                      "Amazon,OpenAI,invests\n"
                                      "Amazon,\"Anthropic,invests\n"
                                      "Google,Anthropic,invests\n");
  EXPECT_EQ(LoadErrors({edges}),
            edges + ":3: error: unterminated quoted field: the quote opened in this row is never closed\n");
}

TEST(CsvLoading, StrayQuoteInsideAQuotedCell) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,label\nx,\"a\"b\"\n");
  EXPECT_EQ(LoadErrors({nodes}),
            nodes + ":2: error: malformed quoted field: a quote must be doubled (\"\") inside a quoted "
                    "cell, and a quoted cell must end at a comma or line end\n");
}

TEST(CsvLoading, MissingRequiredColumn) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,type\nAmazon,invests\n");
  EXPECT_EQ(LoadErrors({edges}),
            edges + ":1: error: missing required column \"to\": an edges table needs from and to\n");
  const std::string metrics = dir.Write("metrics.csv", "entity,metric\nOpenAI,compute_gw\n");
  EXPECT_EQ(LoadErrors({metrics}),
            metrics + ":1: error: missing required column \"value\": a metrics table needs entity, metric and value\n");
  const std::string other = dir.Write("misc.csv", "alpha,beta\n1,2\n");
  EXPECT_EQ(LoadErrors({other}),
            other + ":1: error: cannot tell what table this is from its header: expected id or label "
                    "(nodes), from and to (edges), or entity, metric and value (metrics)\n");
}

TEST(CsvLoading, FreeTypesAreWarningsAndBadValuesErrorsEachWithItsOwnMessage) {
  // A type that is not ours is kept as written (issue 9), so only the bad values fail the load.
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,type\nAmazon,bank\nOpenAI,company\n");
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type,amount_usd,start\n"
                                      "Amazon,OpenAI,loves,1B,\n"
                                      "Amazon,OpenAI,invests,lots,\n"
                                      "Amazon,OpenAI,invests,1B,2026-13\n");
  EXPECT_EQ(LoadErrors({nodes, edges}),
            edges + ":3:23: error: bad amount \"lots\": expected a number such as 50B, $8 bn, 1.9e9 or 350M\n" +
                edges + ":4:26: error: bad date \"2026-13\": month must be 01..12\n" +
                nodes + ":2:8: warning: node type \"bank\" is not one of ours: kept as its own type on 1 node, drawn "
                        "and listed, counted as other; map it with a types table (columns type, maps_to) or "
                        "--type-map FILE\n" +
                edges + ":2:15: warning: edge type \"loves\" is not one of ours: kept as its own type on 1 edge, "
                        "drawn and listed, counted as partners; map it with a types table (columns type, maps_to) "
                        "or --type-map FILE\n");
}

TEST(CsvLoading, EmptyAndMissingFiles) {
  TempDir dir;
  const std::string empty = dir.Write("edges.csv", "");
  EXPECT_EQ(LoadErrors({empty}), empty + ": error: empty file: expected a header row\n");
  const std::string missing = (dir.Path() / "nope.csv").string();
  EXPECT_EQ(LoadErrors({missing}), missing + ": error: no such file or folder\n");
}

TEST(CsvLoading, KumuElementsAndConnectionsLoadAsTheyAre) {
  TempDir dir;
  const std::string elements = dir.Write("Elements.csv",
                                         "Label,Type,Description,Tags,Size\n"
                                         "OpenAI,Company,lab,frontier|ai,10\n"
                                         "Anthropic,Company,lab,ai,8\n"
                                         "Amazon,Investor,,,\n");
  const std::string connections = dir.Write("Connections.csv",
                                            "From,To,Type,Direction,Strength\n"
                                            "Amazon,OpenAI|Anthropic,investment,directed,3\n"
                                            "OpenAI,Anthropic,rivalry,mutual,\n");
  const PartnershipGraph graph = MustLoad({elements, connections});
  ASSERT_EQ(graph.EdgeCount(), 3u);  // the `|` list made two edges
  EXPECT_EQ(graph.NodeName(graph.GetEdge(1).to), "Anthropic");
  EXPECT_EQ(graph.GetEdge(1).type, EdgeType::kInvests);
  EXPECT_FALSE(graph.GetEdge(2).directed);
  // Unknown columns are kept as attributes.
  const Node& openai = graph.GetNode(0);
  ASSERT_EQ(graph.AttributeSet(openai.attributes).size(), 1u);
  EXPECT_EQ(graph.Text(graph.AttributeSet(openai.attributes)[0].key), "Size");
  EXPECT_EQ(graph.Text(graph.AttributeSet(openai.attributes)[0].value), "10");
  EXPECT_EQ(graph.Tags(openai).size(), 2u);
  const Edge& invest = graph.GetEdge(0);
  EXPECT_EQ(graph.Text(graph.AttributeSet(graph.Details(invest).attributes)[0].value), "3");
}

TEST(CsvLoading, SourceTargetKindColumnsOfGraphTools) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,name,kind\ni1,Investor 1,investor\nc1,Company 1,company\n");
  const std::string edges = dir.Write("edges.csv", "source,target,kind,amount_usd\ni1,c1,investment,1000\n");
  const PartnershipGraph graph = MustLoad({nodes, edges});
  ASSERT_EQ(graph.EdgeCount(), 1u);
  EXPECT_EQ(graph.GetEdge(0).type, EdgeType::kInvests);
  EXPECT_DOUBLE_EQ(graph.GetEdge(0).amount_usd, 1000);
  EXPECT_EQ(graph.NodeLabel(0), "Investor 1");
  EXPECT_EQ(graph.GetNode(0).type, NodeType::kInvestor);
}

TEST(CsvLoading, ConnectionsWithoutElementsCreateTheirNodes) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type\nAmazon,OpenAI,invests\n");
  const PartnershipGraph graph = MustLoad({edges});
  EXPECT_EQ(graph.NodeCount(), 2u);
  EXPECT_EQ(graph.GetNode(0).type, NodeType::kOther);
}

TEST(CsvLoading, NodeDefinedTwiceMergesRolesAndWarnsOnDisagreement) {
  TempDir dir;
  const std::string a = dir.Write("a.csv", "id,label,type\nAmazon,Amazon,investor\n");
  const std::string b = dir.Write("b.csv", "id,label,type\nAmazon,Amazon.com,cloud\n");
  Diagnostics diagnostics;
  const std::optional<PartnershipGraph> graph = LoadModel({a, b}, &diagnostics);
  ASSERT_TRUE(graph);
  ASSERT_EQ(graph->NodeCount(), 1u);
  EXPECT_EQ(graph->GetNode(0).roles, RoleBit(NodeType::kInvestor) | RoleBit(NodeType::kCloud));
  EXPECT_EQ(graph->NodeLabel(0), "Amazon");
  ASSERT_EQ(diagnostics.All().size(), 2u);
  EXPECT_EQ(FormatDiagnostic(diagnostics.All()[0]),
            b + ":2: warning: node \"Amazon\" defined again with label \"Amazon.com\" (first defined at " + a +
                ":2 with \"Amazon\"); keeping the first");
  EXPECT_EQ(FormatDiagnostic(diagnostics.All()[1]),
            b + ":2: warning: node \"Amazon\" defined again with type \"cloud\" (first defined at " + a +
                ":2 with \"investor\"); keeping \"investor\" as its type and \"cloud\" as a role");
}

TEST(CsvLoading, OwnershipCycleIsAnInputError) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type\n"
                                      "A,B,owns\n"
                                      "B,C,owns\n"
                                      "C,A,owns\n");
  const std::string errors = LoadErrors({edges});
  EXPECT_NE(errors.find("error: ownership cycle: "), std::string::npos) << errors;
  EXPECT_NE(errors.find("A -> B -> C -> A"), std::string::npos) << errors;
}

TEST(CsvLoading, FolderOfTablesAndErrorsTogether) {
  TempDir dir;
  dir.Write("nodes.csv", kNodes);
  dir.Write("edges.csv", "from,to,type,amount_usd\nAmazon,OpenAI,invests,50B\n");
  dir.Write("notes.csv", "whatever,else\n1,2\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  EXPECT_EQ(graph.NodeCount(), 3u);
  EXPECT_EQ(graph.EdgeCount(), 1u);
}

}  // namespace
}  // namespace pg
