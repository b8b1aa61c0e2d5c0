// The diagram as DOT: deterministic, styled by type, escaped, highlighted, focused.

#include "io/dot_builder.h"

#include <graphviz/cgraph.h>

#include <gtest/gtest.h>

#include <set>

#include <fmt/format.h>

#include "graph/graph_builder.h"
#include "io/diagram_text.h"
#include "io/renderer.h"

#include "graph/neighbourhood.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::RunPass;
using testing::TempDir;

// A fund backing two rivals, a channel owned by a parent, one exclusivity.
std::vector<std::string> TinyTables(const TempDir& dir) {
  return {dir.Write("nodes.csv",
                    "id,label,type,roles,markets\n"
                    "Fund,Fund,investor,,\n"
                    "A,Alpha,company,,models\n"
                    "B,Beta,company,,models\n"
                    "Chan,Channel,platform,,\n"
                    "Parent,Parent,investor,investor|cloud,\n"),
          dir.Write("edges.csv",
                    "from,to,type,amount_usd,stake_pct\n"
                    "Fund,A,invests,58B,\n"
                    "Fund,B,invests,350M,12%\n"
                    "Parent,Chan,owns,,100%\n"
                    "Chan,A,distributes,,\n"
                    "A,B,competes,,\n")};
}

std::string Attr(void* object, const char* name) {
  const char* value = agget(object, const_cast<char*>(name));
  return value ? value : "";
}

Agnode_t* NodeNamed(const Diagram& diagram, const std::string& name) {
  return agnode(diagram.Graph(), const_cast<char*>(name.c_str()), 0);
}

TEST(DotBuilder, SameInputGivesByteIdenticalDot) {
  TempDir dir;
  const std::vector<std::string> inputs = TinyTables(dir);
  const PartnershipGraph first = MustLoad(inputs);
  const PartnershipGraph second = MustLoad(inputs);
  const std::string a = BuildDiagram(GraphView(first), {}).ToDot();
  const std::string b = BuildDiagram(GraphView(second), {}).ToDot();
  EXPECT_EQ(a, b);
  EXPECT_FALSE(a.empty());
}

TEST(DotBuilder, StylesFollowNodeAndEdgeTypes) {
  TempDir dir;
  const PartnershipGraph graph = MustLoad(TinyTables(dir));
  const Diagram diagram = BuildDiagram(GraphView(graph), {});
  EXPECT_EQ(diagram.DrawnNodeCount(), 5u);
  EXPECT_EQ(diagram.DrawnEdgeCount(), 5u);
  EXPECT_EQ(Attr(NodeNamed(diagram, "Fund"), "shape"), "house");
  EXPECT_EQ(Attr(NodeNamed(diagram, "A"), "shape"), "box");
  EXPECT_EQ(Attr(NodeNamed(diagram, "A"), "label"), "Alpha");
  EXPECT_EQ(Attr(NodeNamed(diagram, "Chan"), "shape"), "hexagon");
  EXPECT_EQ(Attr(NodeNamed(diagram, "Parent"), "label"), "Parent\\n(also cloud)");

  const std::string dot = diagram.ToDot();
  // Invests: solid green with short amounts; the stake joins the amount.
  EXPECT_NE(dot.find("Fund -> A\t[color=\"#2e7d32\",\n\t\tfontcolor=\"#2e7d32\",\n\t\tlabel=\"$58B\","), std::string::npos)
      << dot;
  EXPECT_NE(dot.find("label=\"$350M · 12%\""), std::string::npos);
  // Owns dashed grey; competes dotted and undirected; distributes blue.
  EXPECT_NE(dot.find("Parent -> Chan\t[color=\"#8a8a8a\""), std::string::npos);
  EXPECT_NE(dot.find("A -> B\t[color=\"#6a1b9a\",\n\t\tconstraint=false,\n\t\tdir=none,"), std::string::npos);
  EXPECT_NE(dot.find("style=dotted"), std::string::npos);
  EXPECT_NE(dot.find("Chan -> A\t[color=\"#1f6fd1\""), std::string::npos);
  // Clusters by type and a legend (in the header, an HTML-like label) of only the types drawn.
  EXPECT_NE(dot.find("label=investors"), std::string::npos);
  EXPECT_NE(dot.find("label=companies"), std::string::npos);
  const std::string header = Attr(diagram.Graph(), "label");
  EXPECT_TRUE(aghtmlstr(agget(diagram.Graph(), const_cast<char*>("label"))));
  EXPECT_NE(header.find("<TD ALIGN=\"LEFT\">invests</TD>"), std::string::npos) << header;
  EXPECT_NE(header.find("<TD BGCOLOR=\"#e4d7f5\" BORDER=\"1\" COLOR=\"#555555\" WIDTH=\"22\"></TD>"
                        "<TD ALIGN=\"LEFT\">investor</TD>"),
            std::string::npos);
  EXPECT_EQ(dot.find("exclusive"), std::string::npos);
  EXPECT_EQ(dot.find("chipmaker"), std::string::npos);
  EXPECT_EQ(dot.find("subgraph cluster_legend"), std::string::npos);
}

TEST(DotBuilder, ClusterByMarketAndNone) {
  TempDir dir;
  const PartnershipGraph graph = MustLoad(TinyTables(dir));
  DiagramOptions options;
  options.cluster_by = ClusterBy::kMarket;
  options.legend = false;
  const std::string by_market = BuildDiagram(GraphView(graph), options).ToDot();
  EXPECT_NE(by_market.find("label=\"market: models\""), std::string::npos);
  EXPECT_EQ(by_market.find("label=companies"), std::string::npos);
  options.cluster_by = ClusterBy::kNone;
  EXPECT_EQ(BuildDiagram(GraphView(graph), options).ToDot().find("subgraph"), std::string::npos);
  EXPECT_EQ(ParseClusterBy("market"), ClusterBy::kMarket);
  EXPECT_FALSE(ParseClusterBy("colour"));
}

TEST(DotBuilder, EscapeLabelKeepsTextLiteral) {
  EXPECT_EQ(EscapeLabel("Evil \"Corp\" <b>"), "Evil \"Corp\" <b>");  // cgraph quotes on writing
  EXPECT_EQ(EscapeLabel("back\\slash"), "back\\\\slash");
  EXPECT_EQ(EscapeLabel("\\N and \\l"), "\\\\N and \\\\l");
  EXPECT_EQ(EscapeLabel("one\ntwo\r\nthree"), "one\\ntwo\\nthree");
  EXPECT_EQ(EscapeLabel("tab\there"), "tab here");
  EXPECT_EQ(EscapeLabel("ends\\"), "ends\\\\");
  EXPECT_EQ(EscapeLabel("A &amp; B &#92;n"), "A &amp;amp; B &amp;#92;n");
  EXPECT_EQ(EscapeLabel("{a|b}"), "{a|b}");
  EXPECT_EQ(EscapeTooltip("a\\b"), "a\\\\\\\\b");
}

TEST(DotBuilder, NastyNamesCannotInjectDot) {
  TempDir dir;
  const PartnershipGraph graph = MustLoad(
      {dir.Write("nodes.csv",
                 "id,label,type\n"
                 "evil,\"Evil \"\"Corp\"\" <b>\",company\n"
                 "nl,\"Line one\nLine two\",company\n"
                 "bs,back\\slash,investor\n"
                 "rec,{a|b},platform\n"
                 "inj,\"x\"\"]; injected [label=\"\"y\",cloud\n"
                 "\"id\"\" -> <b>\",plain id,company\n"),
       dir.Write("edges.csv", "from,to,type,amount_usd\nbs,evil,invests,5B\nrec,nl,distributes,\n")});
  const std::string dot = BuildDiagram(GraphView(graph), {}).ToDot();
  EXPECT_NE(dot.find("label=\"Evil \\\"Corp\\\" <b>\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"Line one\\nLine two\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"back\\\\slash\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"{a|b}\""), std::string::npos);
  // Read back by Graphviz's own parser: the same nodes, the same labels, nothing injected.
  Agraph_t* reread = agmemread(dot.c_str());
  ASSERT_NE(reread, nullptr);
  EXPECT_EQ(agnode(reread, const_cast<char*>("injected"), 0), nullptr);
  Agnode_t* inj = agnode(reread, const_cast<char*>("inj"), 0);
  ASSERT_NE(inj, nullptr);
  EXPECT_EQ(Attr(inj, "label"), "x\"]; injected\\n[label=\"y");  // wrapped at a space past 22 characters
  EXPECT_EQ(Attr(agnode(reread, const_cast<char*>("bs"), 0), "label"), "back\\\\slash");
  EXPECT_NE(agnode(reread, const_cast<char*>("id\" -> <b>"), 0), nullptr);
  EXPECT_EQ(agnnodes(reread), agnnodes(BuildDiagram(GraphView(graph), {}).Graph()));
  agclose(reread);
}

// A CSV field quoted whatever it holds.
std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// What Graphviz displays for an escString label: entities decoded first (we only ever write
// `&amp;`), then `\n`, `\l`, `\r` line breaks and `\x` -> x (a lone trailing backslash vanishes).
std::string Displayed(std::string_view text, int unescapes = 1) {
  std::string decoded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    decoded += text[i];
    if (text.substr(i, 5) == "&amp;") i += 4;
  }
  for (int round = 0; round < unescapes; ++round) {
    std::string out;
    for (std::size_t i = 0; i < decoded.size(); ++i) {
      if (decoded[i] != '\\') {
        out += decoded[i];
      } else if (++i < decoded.size()) {
        out += std::string_view("nlr").find(decoded[i]) != std::string_view::npos ? '\n' : decoded[i];
      }
    }
    decoded = std::move(out);
  }
  return decoded;
}

TEST(DotBuilder, EveryTextRoundTripsThroughGraphvizsParser) {
  // Each text is an id, a label, a description (tooltip), a market (cluster label) and a
  // source (edge tooltip). Graphviz's escapes, quotes, HTML-like text, entities, non-ASCII,
  // a trailing backslash (once written as "a\" that Graphviz could not read back) and long
  // texts that cgraph's writer folds across lines.
  const std::vector<std::string> texts = {
      "a\\", "a\\\\", "q\"", "q\\\"", "\\\"", "\\N", "\\G \\E \\L \\T \\H", "\\l\\r\\n", "two\nlines",
      "<b>bold</b>", "<leading", ">", "&amp; &#92;n &alpha;", "Z\xc3\xbcrich \xe2\x98\x83", "{a|b} [x=1]; y -> z",
      // cgraph reads a name starting with % as an anonymous id ("%3"): found by fuzz_dot.
      "%dge", "%1", "\\%1",
      std::string(150, 'x') + "\\" + std::string(150, '\\') + "\"" + std::string(100, 'y') + "\\"};
  // `;` and `|` separate list items in endpoint and market cells: such texts are ids only.
  auto listable = [](const std::string& t) { return t.find_first_of(";|") == std::string::npos; };
  TempDir dir;
  std::string nodes = "id,label,type,description,markets\n";
  std::string edges = "from,to,type,source\n";
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string& t = texts[i];
    nodes += fmt::format("{},{},company,{},{}\n", Quoted(t), Quoted(t), Quoted(t), Quoted(listable(t) ? t : ""));
    if (listable(t)) edges += fmt::format("{},hub,partners,{}\n", Quoted(t), Quoted(t));
  }
  nodes += "hub,hub,company,,\n";
  const PartnershipGraph graph = MustLoad({dir.Write("nodes.csv", nodes), dir.Write("edges.csv", edges)});
  ASSERT_EQ(graph.NodeCount(), texts.size() + 1);
  DiagramOptions options;
  options.cluster_by = ClusterBy::kMarket;
  options.legend = false;
  options.subtitle = texts.back();
  const std::string dot = BuildDiagram(GraphView(graph), options).ToDot();

  Agraph_t* reread = agmemread(dot.c_str());
  ASSERT_NE(reread, nullptr) << dot;
  std::set<std::string> expected_names = {"hub"}, names;
  for (const std::string& t : texts) expected_names.insert(DotName(t));
  for (Agnode_t* n = agfstnode(reread); n; n = agnxtnode(reread, n)) names.insert(agnameof(n));
  EXPECT_EQ(names, expected_names);
  std::set<std::string> clusters;
  for (Agraph_t* sub = agfstsubg(reread); sub; sub = agnxtsubg(sub)) clusters.insert(Displayed(Attr(sub, "label")));
  for (const std::string& t : texts) {
    Agnode_t* n = agnode(reread, const_cast<char*>(DotName(t).c_str()), 0);
    ASSERT_NE(n, nullptr) << t;
    EXPECT_EQ(Displayed(Attr(n, "label")), t);
    EXPECT_EQ(Displayed(Attr(n, "tooltip"), 2), t + " (company): " + t);
    if (!listable(t)) continue;
    EXPECT_EQ(clusters.count("market: " + t), 1u) << t;
    Agedge_t* e = agfstout(reread, n);
    ASSERT_NE(e, nullptr) << t;
    EXPECT_EQ(Displayed(Attr(e, "tooltip"), 2), t + " partners hub; source: " + t);
  }
  // The subtitle is HTML-like text: entities and <BR/>, backslashes as they are.
  EXPECT_NE(Attr(reread, "label").find(">" + EscapeHtml(texts.back()) + "</FONT>"), std::string::npos);
  EXPECT_EQ(EscapeHtml("a<b>&\"c\"\\N\nz\t"), "a&lt;b&gt;&amp;&quot;c&quot;\\N<BR ALIGN=\"LEFT\"/>z ");
  // A stray byte (a Latin-1 folder name) becomes U+FFFD; UTF-8 stays as it is.
  EXPECT_EQ(EscapeHtml("Caf\xe9 \xea\xb0\x80 \xc3\xa9\xc3"), "Caf\xef\xbf\xbd \xea\xb0\x80 \xc3\xa9\xef\xbf\xbd");
  agclose(reread);
}

TEST(DotBuilder, ATextWithANulByteIsRefusedNotCutShort) {
  // Readers refuse NUL bytes; were one to slip through, `C\0D` must not become node `C`.
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  for (std::string_view id : {std::string_view("C"), std::string_view("C\0D", 3)}) {
    NodeRecord record;
    record.node.id = builder.Intern(id);
    record.node.label = record.node.id;
    record.node.type = NodeType::kCompany;
    record.type_given = true;
    builder.AddNode(std::move(record));
  }
  const PartnershipGraph graph = builder.Build();
  ASSERT_EQ(graph.NodeCount(), 2u);
  Diagram diagram = BuildDiagram(GraphView(graph), {});
  EXPECT_EQ(diagram.Refusal(),
            "cannot draw the node id \"C\\0D\": it holds a NUL byte, at which Graphviz would cut it short (a bug: "
            "inputs with NUL bytes are refused when read)");
  std::string output = "stale";
  EXPECT_FALSE(RenderDiagram(diagram, RenderOptions{RenderFormat::kDot, "dot"}, &output, &diagnostics));
  EXPECT_EQ(output, "");
  ASSERT_EQ(diagnostics.All().size(), 1u);
  EXPECT_EQ(FormatDiagnostic(diagnostics.All()[0]), "error: " + diagram.Refusal());

  // A NUL in a label alone is refused the same way.
  GraphBuilder labelled(&diagnostics);
  NodeRecord record;
  record.node.id = labelled.Intern("C");
  record.node.label = labelled.Intern(std::string_view("C\0 evil", 7));
  labelled.AddNode(std::move(record));
  const PartnershipGraph one = labelled.Build();
  EXPECT_EQ(BuildDiagram(GraphView(one), {}).Refusal(),
            "cannot draw the label \"C\\0 evil\": it holds a NUL byte, at which Graphviz would cut it short (a bug: "
            "inputs with NUL bytes are refused when read)");
}

TEST(DotBuilder, HighlightColoursSubjectsAndEvidence) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  Findings findings = RunPass(graph, "dual-backing");
  const Findings channel = RunPass(graph, "shared-channel");
  findings.insert(findings.end(), channel.begin(), channel.end());
  ASSERT_EQ(findings.size(), 2u);
  DiagramOptions options;
  options.highlight = &findings;
  options.subtitle = "ai-cloud-2026";
  const Diagram diagram = BuildDiagram(GraphView(graph), options);
  EXPECT_EQ(diagram.HighlightedCount(), 2u);
  Agnode_t* amazon = NodeNamed(diagram, "Amazon");
  EXPECT_EQ(Attr(amazon, "fillcolor"), "#fbc4e2");
  EXPECT_EQ(Attr(amazon, "color"), "#e7298a");
  EXPECT_EQ(Attr(NodeNamed(diagram, "Bedrock"), "fillcolor"), "#fbc4e2");
  EXPECT_EQ(Attr(NodeNamed(diagram, "OpenAI"), "fillcolor"), "#cfe0fc");  // its own fill, outlined
  EXPECT_EQ(Attr(NodeNamed(diagram, "OpenAI"), "color"), "#e7298a");
  EXPECT_EQ(Attr(NodeNamed(diagram, "Oracle"), "fillcolor"), "#fde2c4");  // untouched
  EXPECT_EQ(Attr(NodeNamed(diagram, "Oracle"), "color"), "#555555");
  int highlighted = 0, bedrock_edges = 0;
  for (Agedge_t* e = agfstout(diagram.Graph(), NodeNamed(diagram, "Bedrock")); e;
       e = agnxtout(diagram.Graph(), e)) {
    ++bedrock_edges;
    highlighted += Attr(e, "color") == "#e7298a";
  }
  EXPECT_EQ(bedrock_edges, 2);
  EXPECT_EQ(highlighted, 2);
  // The counted $8B claim is drawn, the $80B one named as disputed, never as a second edge.
  const std::string dot = diagram.ToDot();
  EXPECT_NE(dot.find("label=\"$8B\\n(disputed: $80B)\""), std::string::npos);
  EXPECT_EQ(dot.find("label=\"$80B\""), std::string::npos);
  const std::string header = Attr(diagram.Graph(), "label");
  EXPECT_NE(header.find("<FONT POINT-SIZE=\"13\" COLOR=\"#555555\">ai-cloud-2026</FONT><BR ALIGN=\"LEFT\"/>"
                        "Highlighted findings:<BR ALIGN=\"LEFT\"/>"
                        "1. [dual-backing] Amazon backs 2 rivals: OpenAI ($50B), Anthropic ($8B); $58B in total"
                        "<BR ALIGN=\"LEFT\"/>"
                        "2. [shared-channel] Amazon Bedrock (owner Amazon) distributes 2 rivals: OpenAI, Anthropic"
                        "<BR ALIGN=\"LEFT\"/>"),
            std::string::npos)
      << header;
  EXPECT_NE(header.find("<TD><FONT COLOR=\"#e7298a\">"), std::string::npos);
  EXPECT_NE(header.find("<TD ALIGN=\"LEFT\">in a finding</TD>"), std::string::npos);
}

// Two nodes and the edges given, built directly (so free-form types and qualifiers can be set
// before the loaders parse them).
PartnershipGraph TwoNodesWith(const std::vector<EdgeRecord>& edges) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  for (std::string_view id : {"A", "B"}) {
    NodeRecord record;
    record.node.id = builder.Intern(id);
    record.node.label = record.node.id;
    record.node.type = NodeType::kCompany;
    record.type_given = true;
    builder.AddNode(std::move(record));
  }
  for (EdgeRecord record : edges) {
    record.from_name = builder.Intern("A");
    record.to_name = builder.Intern("B");
    builder.AddEdge(record);
  }
  return builder.Build();
}

// A deal of its own year (two undated deals of one source and different amounts would conflict).
EdgeRecord Deal(EdgeType type, double amount, AmountQualifier qualifier = AmountQualifier::kExact) {
  static int year = 2020;
  EdgeRecord record;
  record.edge.start = Date::FromParts(year++);
  record.edge.type = type;
  record.edge.amount_usd = amount;
  record.details.qualifier = qualifier;
  return record;
}

TEST(DotBuilder, ParallelEdgesShareOneLabel) {
  // Two tranches, one a ceiling: one line, one label, never "$100M$100B" drawn on top.
  const PartnershipGraph graph = TwoNodesWith(
      {Deal(EdgeType::kInvests, 100e6), Deal(EdgeType::kInvests, 100e9, AmountQualifier::kUpTo),
       Deal(EdgeType::kSuppliesCompute, 10e9, AmountQualifier::kApprox)});
  const Diagram diagram = BuildDiagram(GraphView(graph), {});
  EXPECT_EQ(diagram.DrawnEdgeCount(), 3u);
  EXPECT_EQ(agnedges(diagram.Graph()), 2);
  std::vector<std::string> labels;
  for (Agedge_t* e = agfstout(diagram.Graph(), NodeNamed(diagram, "A")); e; e = agnxtout(diagram.Graph(), e)) {
    labels.push_back(Attr(e, "label"));
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"$100M + up to $100B", "~$10B"}));
}

TEST(DotBuilder, FreeFormTypesAreNamedInLabelAndLegend) {
  EdgeRecord licenses = Deal(EdgeType::kPartners, 2e9);
  const PartnershipGraph graph = [&] {
    Diagnostics d;
    GraphBuilder builder(&d);
    for (std::string_view id : {"A", "B"}) {
      NodeRecord record;
      record.node.id = builder.Intern(id);
      record.node.label = record.node.id;
      record.type_given = true;
      builder.AddNode(std::move(record));
    }
    licenses.details.type_label = builder.Intern("licenses");
    licenses.from_name = builder.Intern("A");
    licenses.to_name = builder.Intern("B");
    builder.AddEdge(licenses);
    return builder.Build();
  }();
  const Diagram diagram = BuildDiagram(GraphView(graph), {});
  Agedge_t* e = agfstout(diagram.Graph(), NodeNamed(diagram, "A"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Attr(e, "label"), "licenses · $2B");
  const std::string header = Attr(diagram.Graph(), "label");
  EXPECT_NE(header.find("<TD ALIGN=\"LEFT\">licenses</TD>"), std::string::npos) << header;
  EXPECT_EQ(header.find(">partners<"), std::string::npos);
}

TEST(DotBuilder, LongNamesWrapAtSpaces) {
  EXPECT_EQ(WrapWords("Delta Reasoning Systems International"), "Delta Reasoning\nSystems International");
  EXPECT_EQ(WrapWords("Short name"), "Short name");
  EXPECT_EQ(WrapWords("Two  spaces kept in a long name"), "Two  spaces kept in a\nlong name");
  EXPECT_EQ(WrapWords(" lead and trail spaces kept, too "), " lead and trail spaces\nkept, too ");
  EXPECT_EQ(WrapWords("Supercalifragilisticexpialidocious Inc"), "Supercalifragilisticexpialidocious\nInc");
  // Code points, not bytes: 11 Hangul syllables (33 bytes) fit in 22 columns.
  EXPECT_EQ(WrapWords("\xec\x82\xbc\xec\x84\xb1\xec\xa0\x84\xec\x9e\x90 \xec\x82\xbc\xec\x84\xb1\xec\xa0\x84\xec\x9e\x90"),
            "\xec\x82\xbc\xec\x84\xb1\xec\xa0\x84\xec\x9e\x90 \xec\x82\xbc\xec\x84\xb1\xec\xa0\x84\xec\x9e\x90");
  TempDir dir;
  const PartnershipGraph graph = MustLoad({dir.Write("nodes.csv", "id,label,type,roles\n"
                                                                  "D,Delta Reasoning Systems International,company,company|cloud\n")});
  const Diagram diagram = BuildDiagram(GraphView(graph), {});
  EXPECT_EQ(Attr(NodeNamed(diagram, "D"), "label"), "Delta Reasoning\\nSystems International\\n(also cloud)");
}

TEST(DotBuilder, OnlyFindingsWhoseSubjectsAreDrawnAreListed) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const GraphView view(graph);
  Findings findings = RunPass(graph, "dual-backing");
  const Findings channel = RunPass(graph, "shared-channel");
  findings.insert(findings.end(), channel.begin(), channel.end());
  // Around Bedrock: Bedrock, AWS, OpenAI, Anthropic. Amazon (the dual-backer) is not drawn.
  const Neighbourhood near = CollectNeighbourhood(view, *graph.FindNode("Bedrock"), 1);
  DiagramOptions options;
  options.focus = &near;
  options.highlight = &findings;
  const Diagram diagram = BuildDiagram(view, options);
  EXPECT_EQ(diagram.HighlightedCount(), 1u);
  const std::string header = Attr(diagram.Graph(), "label");
  EXPECT_NE(header.find("1. [shared-channel] Amazon Bedrock (owner Amazon)"), std::string::npos) << header;
  EXPECT_EQ(header.find("dual-backing"), std::string::npos);
  EXPECT_EQ(Attr(NodeNamed(diagram, "Bedrock"), "fillcolor"), "#fbc4e2");
}

TEST(DotBuilder, LongFindingsWrapInTheHeader) {
  TempDir dir;
  const PartnershipGraph graph = MustLoad(TinyTables(dir));
  Finding finding;
  finding.pass = "exclusivity";
  finding.subjects = {"Chan"};
  finding.message = "Channel is blocked from " + std::string(60, 'x') + " and " + std::string(60, 'y');
  const Findings findings = {finding};
  DiagramOptions options;
  options.highlight = &findings;
  options.legend = false;
  const std::string header = Attr(BuildDiagram(GraphView(graph), options).Graph(), "label");
  // 105 characters on the first line, the rest (which would make 166) on the next.
  EXPECT_NE(header.find("1. [exclusivity] Channel is blocked from " + std::string(60, 'x') +
                        " and<BR ALIGN=\"LEFT\"/>" + std::string(60, 'y') + "<BR ALIGN=\"LEFT\"/>"),
            std::string::npos)
      << header;
}

TEST(DotBuilder, TitleAndSubtitleHeadThePage) {
  TempDir dir;
  const PartnershipGraph graph = MustLoad(TinyTables(dir));
  DiagramOptions options;
  options.title = "Who backs <whom> & why";
  options.subtitle = "as of 2026-04-14";
  options.legend = false;
  const Diagram diagram = BuildDiagram(GraphView(graph), options);
  EXPECT_EQ(Attr(diagram.Graph(), "label"),
            "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\"><TR>"
            "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\">"
            "<FONT POINT-SIZE=\"22\"><B>Who backs &lt;whom&gt; &amp; why</B></FONT><BR ALIGN=\"LEFT\"/>"
            "<FONT POINT-SIZE=\"13\" COLOR=\"#555555\">as of 2026-04-14</FONT><BR ALIGN=\"LEFT\"/></TD></TR></TABLE>");
  EXPECT_EQ(Attr(diagram.Graph(), "labelloc"), "t");
  // Nothing to say, no header at all.
  options.title.clear();
  options.subtitle.clear();
  EXPECT_EQ(Attr(BuildDiagram(GraphView(graph), options).Graph(), "label"), "");
}

TEST(Neighbourhood, BedrockDepthOneWithPlaceholders) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const GraphView view(graph);
  const Neighbourhood near = CollectNeighbourhood(view, *graph.FindNode("Bedrock"), 1);
  std::vector<std::string> names;
  for (VertexId v : near.nodes) names.emplace_back(graph.NodeName(v));
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"AWS", "Anthropic", "Bedrock", "OpenAI"}));
  std::vector<std::pair<std::string, std::uint32_t>> hidden;
  for (const auto& [v, count] : near.hidden) hidden.emplace_back(graph.NodeName(v), count);
  std::sort(hidden.begin(), hidden.end());
  // AWS: Amazon, Frontier. Anthropic: Amazon, Google Cloud, Broadcom. OpenAI: Amazon,
  // Microsoft, Azure, Oracle, Stargate, Frontier.
  EXPECT_EQ(hidden, (std::vector<std::pair<std::string, std::uint32_t>>{{"AWS", 2}, {"Anthropic", 3}, {"OpenAI", 6}}));

  const std::string dot = BuildDiagram(view, DiagramOptions{.focus = &near}).ToDot();
  EXPECT_NE(dot.find("label=\"+ 6 more\""), std::string::npos);
  EXPECT_EQ(dot.find("Oracle"), std::string::npos);
}

TEST(Neighbourhood, MaxNeighborsCapsEachNode) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const GraphView view(graph);
  // OpenAI touches 8 nodes; with a cap of 2 the first two by id are kept, 6 are left out.
  const Neighbourhood near = CollectNeighbourhood(view, *graph.FindNode("OpenAI"), 1, 2);
  std::vector<std::string> names;
  for (VertexId v : near.nodes) names.emplace_back(graph.NodeName(v));
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Amazon", "Anthropic", "OpenAI"}));
  const VertexId openai = *graph.FindNode("OpenAI");
  const auto it = std::find_if(near.hidden.begin(), near.hidden.end(), [&](const auto& h) { return h.first == openai; });
  ASSERT_NE(it, near.hidden.end());
  EXPECT_EQ(it->second, 6u);
  EXPECT_EQ(CollectNeighbourhood(view, openai, 0).nodes, std::vector<VertexId>{openai});
}

}  // namespace
}  // namespace pg
