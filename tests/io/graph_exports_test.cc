// The graph exports (GraphML, GEXF, node-link JSON, Neo4j, Kumu) read back with the real
// readers: NetworkX and igraph through /usr/bin/python3, partnergraph itself for Kumu.

#include <filesystem>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "io/atomic_file.h"
#include "io/gexf_writer.h"
#include "io/graphml_writer.h"
#include "io/json_model.h"
#include "io/kumu_writer.h"
#include "io/neo4j_writer.h"
#include "io/node_link_writer.h"
#include "io/xlsx_writer.h"
#include "io/xml_text.h"
#include "tests/python_check.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::PythonHas;
using testing::RunPython;
using testing::TempDir;

#define SKIP_WITHOUT(module) \
  if (!PythonHas(module)) GTEST_SKIP() << "/usr/bin/python3 cannot import " module " (tools/bootstrap.sh installs it)"

std::string KumuScenario() { return testing::TestDataDir() + "/kumu_ai_infra"; }

// How many edges run from `from` to `to` (parallel edges: tranches, conflicting claims).
int EdgesBetween(const PartnershipGraph& graph, std::string_view from, std::string_view to) {
  int count = 0;
  for (const Edge& edge : graph.Edges()) count += graph.NodeName(edge.from) == from && graph.NodeName(edge.to) == to;
  return count;
}

std::string Write(const TempDir& dir, const std::string& name, const std::string& text) { return dir.Write(name, text); }

// Reads the file named by the first argument with NetworkX, by its extension, into `g`.
#define NX_READ                                                                                             \
  "import sys, json, networkx as nx\n"                                                                      \
  "g = nx.read_graphml(sys.argv[1], force_multigraph=True) if sys.argv[1].endswith('graphml') else "        \
  "nx.read_gexf(sys.argv[1])\n"

constexpr const char* kNetworkxCheck = NX_READ R"(
print(type(g).__name__, g.number_of_nodes(), g.number_of_edges())
e = list(g.get_edge_data('Amazon', 'OpenAI').values())
print(len(e), repr(e[0]['amount_usd']), repr(e[0]['start']), e[0]['type'], e[0]['direction'])
print(len(g.get_edge_data('Amazon', 'Anthropic')))
print(g.nodes['AWS']['label'], g.nodes['Amazon']['roles'])
owns = list(g.get_edge_data('Amazon', 'AWS').values())[0]
print('amount_usd' in owns, repr(owns['stake_pct']))
)";

std::string ExpectedNetworkx(const PartnershipGraph& graph) {
  return fmt::format(
      "MultiDiGraph {} {}\n1 50000000000.0 '2026-02' invests directed\n{}\nAmazon Web Services investor|cloud\n"
      "False 1.0\nrc=0\n",
      graph.NodeCount(), graph.EdgeCount(), EdgesBetween(graph, "Amazon", "Anthropic"));
}

TEST(GraphmlExport, NetworkxReadsTheExampleAsAMultigraphWithTypedValues) {
  SKIP_WITHOUT("networkx");
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  ASSERT_GE(EdgesBetween(graph, "Amazon", "Anthropic"), 2);  // the parallel edges under test
  TempDir dir;
  const std::string path = Write(dir, "g.graphml", GraphmlText(graph));
  EXPECT_EQ(RunPython(dir, kNetworkxCheck, {path}), ExpectedNetworkx(graph));
}

TEST(GexfExport, NetworkxReadsTheExampleAsAMultigraphWithTypedValues) {
  SKIP_WITHOUT("networkx");
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  TempDir dir;
  const std::string path = Write(dir, "g.gexf", GexfText(graph));
  EXPECT_EQ(RunPython(dir, kNetworkxCheck, {path}), ExpectedNetworkx(graph));
}

TEST(GraphmlExport, IgraphReadsTheExampleAndTheKumuScenario) {
  SKIP_WITHOUT("igraph");
  constexpr const char* kCheck = R"(import sys, math, igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
ids = g.vs['id']
es = g.es.select(_source=ids.index('Amazon'), _target=ids.index('OpenAI'))
print(g.is_directed(), g.vcount(), g.ecount(), len(es), repr(es[0]['amount_usd']), repr(es[0]['start']))
owns = g.es.select(_source=ids.index('Amazon'), _target=ids.index('AWS'))
print(math.isnan(owns[0]['amount_usd']), repr(owns[0]['stake_pct']))
)";
  for (const std::string& input : {ExampleDir(), KumuScenario()}) {
    const PartnershipGraph graph = MustLoad({input});
    TempDir dir;
    const std::string path = Write(dir, "g.graphml", GraphmlText(graph));
    // The Kumu scenario states Amazon's OpenAI deal as "up to $50B" in Q1 2026.
    const std::string start = input == ExampleDir() ? "2026-02" : "2026-01";
    EXPECT_EQ(RunPython(dir, kCheck, {path}),
              fmt::format("True {} {} 1 50000000000.0 '{}'\nTrue 1.0\nrc=0\n", graph.NodeCount(), graph.EdgeCount(),
                          start))
        << input;
  }
}

TEST(XmlExports, NetworkxReadsTheKumuScenarioWithItsQualifierAndStatus) {
  SKIP_WITHOUT("networkx");
  const PartnershipGraph graph = MustLoad({KumuScenario()});
  TempDir dir;
  constexpr const char* kCheck = NX_READ R"(
print(g.number_of_nodes(), g.number_of_edges())
e = list(g.get_edge_data('Amazon', 'OpenAI').values())[0]
print(repr(e['amount_usd']), e['amount_qualifier'], e['status'], repr(e['start']))
print(g.nodes['OpenAI']['type'], g.nodes['OpenAI']['markets'])
)";
  for (const std::string& path : {Write(dir, "g.gexf", GexfText(graph)), Write(dir, "g.graphml", GraphmlText(graph))}) {
    EXPECT_EQ(RunPython(dir, kCheck, {path}),
              fmt::format("{} {}\n50000000000.0 up to announced '2026-01'\ncompany frontier-models|ai-search\nrc=0\n",
                          graph.NodeCount(), graph.EdgeCount()))
        << path;
  }
}

TEST(NodeLinkExport, NetworkxNodeLinkGraphReadsIt) {
  SKIP_WITHOUT("networkx");
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  TempDir dir;
  const std::string path = Write(dir, "g.json", NodeLinkText(graph));
  constexpr const char* kCheck = R"(import sys, json
from networkx.readwrite import json_graph
g = json_graph.node_link_graph(json.load(open(sys.argv[1])))
print(type(g).__name__, g.number_of_nodes(), g.number_of_edges(), len(g.graph['metrics']))
e = list(g.get_edge_data('Amazon', 'OpenAI').items())
print(len(e), e[0][0], repr(e[0][1]['amount_usd']), repr(e[0][1]['start']), e[0][1]['provenance'])
print(g.nodes['Amazon']['roles'], len(g.get_edge_data('Amazon', 'Anthropic')))
)";
  EXPECT_EQ(RunPython(dir, kCheck, {path}),
            fmt::format("MultiDiGraph {} {} {}\n1 e0 50000000000.0 '2026-02' CNBC, as cited in marsbit 2026-04-14\n"
                        "['investor', 'cloud'] {}\nrc=0\n",
                        graph.NodeCount(), graph.EdgeCount(), graph.Metrics().size(),
                        EdgesBetween(graph, "Amazon", "Anthropic")));
}

TEST(XmlExports, HostileNamesGiveWellFormedFilesThatKeepTheText) {
  SKIP_WITHOUT("networkx");
  TempDir dir;
  dir.Write("nodes.csv",
            "id,label,description,\"<odd & \"\"key\"\">\"\n"
            "\"Q\"\"uote <&> ]]> 'x'\",<b>bold</b>,\"line1\nline2\ttab\",v&1\n"
            "B,,,\n");
  dir.Write("edges.csv", "from,to,type,note\n\"Q\"\"uote <&> ]]> 'x'\",B,partners,a < b && c\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  constexpr const char* kCheck = NX_READ R"(
n = sorted(g.nodes(data=True))
print(json.dumps(n[1][0]), json.dumps(n[1][1]['label']), json.dumps(n[1][1]['description']), n[1][1]['<odd & "key">'])
print(json.dumps([d['note'] for a, b, d in g.edges(data=True)]))
)";
  const std::string expected =
      "\"Q\\\"uote <&> ]]> 'x'\" \"<b>bold</b>\" \"line1\\nline2\\ttab\" v&1\n[\"a < b && c\"]\nrc=0\n";
  EXPECT_EQ(RunPython(dir, kCheck, {Write(dir, "h.graphml", GraphmlText(graph))}), expected);
  EXPECT_EQ(RunPython(dir, kCheck, {Write(dir, "h.gexf", GexfText(graph))}), expected);
}

TEST(XmlExports, ControlCharactersAndBytesThatAreNotUtf8BecomeReplacementCharacters) {
  SKIP_WITHOUT("networkx");
  // The loader refuses such bytes; a graph built in code must still export as well-formed XML.
  const PartnershipGraph graph = testing::GraphWithOneNode("ctl\x01 bad\xff end\xEF\xBF\xBE ok\xC3\xA9");
  EXPECT_EQ(XmlText("a\x01\xff\xEF\xBF\xBF\t\"<"), "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD&#9;&quot;&lt;");
  TempDir dir;
  constexpr const char* kCheck = NX_READ R"(
print(json.dumps(list(g.nodes())))
)";
  const std::string expected = "[\"ctl\\ufffd bad\\ufffd end\\ufffd ok\\u00e9\"]\nrc=0\n";
  EXPECT_EQ(RunPython(dir, kCheck, {Write(dir, "c.graphml", GraphmlText(graph))}), expected);
  EXPECT_EQ(RunPython(dir, kCheck, {Write(dir, "c.gexf", GexfText(graph))}), expected);
}

TEST(KumuExport, ReadsBackAsTheSameModelFromAFolderAndAWorkbook) {
  for (const std::string& input : {ExampleDir(), KumuScenario()}) {
    const PartnershipGraph graph = MustLoad({input});
    TempDir dir;
    const std::string folder = (dir.Path() / "kumu").string();
    std::string error;
    ASSERT_TRUE(WriteCsvTables(folder, KumuCsvFiles(graph), CsvCells::kSafe, &error)) << error;
    const std::string book = (dir.Path() / "kumu.xlsx").string();
    ASSERT_TRUE(WriteXlsxTables(KumuTables(graph), book, &error)) << error;
    for (const std::string& path : {folder, book}) {
      const PartnershipGraph again = MustLoad({path});
      EXPECT_EQ(again.NodeCount(), graph.NodeCount()) << path;
      EXPECT_EQ(again.EdgeCount(), graph.EdgeCount()) << path;
      EXPECT_EQ(ModelToJson(again), ModelToJson(graph)) << path;
    }
  }
}

TEST(KumuExport, UsesKumusColumnNamesAndAlwaysStatesTheDirection) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const std::vector<CsvTableFile> files = KumuCsvFiles(graph);
  ASSERT_EQ(files.size(), 3u);
  const std::string elements = TableToCsv(files[0].table, CsvCells::kSafe);
  const std::string connections = TableToCsv(files[1].table, CsvCells::kSafe);
  EXPECT_EQ(elements.substr(0, elements.find('\n')), "ID,Label,Type,Roles,Markets,Tags,Description,Source");
  EXPECT_EQ(connections.substr(0, connections.find('\n')),
            "From,To,Type,Direction,amount_usd,stake_pct,share_pct,revenue_usd,capacity_gw,Start,End,Scope,Source,"
            "Reported,Confidence,Description,Status");
  EXPECT_NE(connections.find("\nAmazon,OpenAI,invests,directed,50000000000,"), std::string::npos);
}

}  // namespace
}  // namespace pg
