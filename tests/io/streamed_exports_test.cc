// The JSON model, GraphML, GEXF and node-link JSON are written a record at a time: the streamed
// text is exactly what the whole-document writers made (nlohmann's dump of the tree), and it
// reaches the stream in chunks while the records are still being made.

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <numeric>
#include <streambuf>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <nlohmann/json.hpp>

#include "io/chunked_text.h"
#include "io/gexf_writer.h"
#include "io/graphml_writer.h"
#include "io/json_model.h"
#include "io/node_link_writer.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using nlohmann::json;
using testing::MustLoad;
using testing::TempDir;

std::string TreeText(const json& tree) { return tree.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

// Names that need escaping, attribute keys that sort between and before the canonical ones
// (`Zone` < `amount_usd`, `mid` between `id` and `label`), lists, free types, fractions.
PartnershipGraph HostileGraph(const TempDir& dir) {
  const std::string nodes = dir.Write(
      "nodes.csv",
      "id,label,type,roles,markets,tags,mid,Zone,\xC3\xBC" "ber\n"
      "\"Quo\"\"te\",\"back\\slash\",investor,investor|cloud,us|eu,t1|t2,m,Z,\xC3\xBC\n"
      "Emoji \xF0\x9F\x9A\x80,,Government,,,,,,\n"
      "\"tab\there\",,lab,,,,,,\n");
  const std::string edges = dir.Write(
      "edges.csv",
      "from,to,type,amount_usd,stake_pct,confidence,note,mid,Zone\n"
      "\"Quo\"\"te\",Emoji \xF0\x9F\x9A\x80,invests,~5e9,0.1,0.267,\"a \"\"note\"\"\",x,1e-05\n"
      "\"tab\there\",\"Quo\"\"te\",licenses,123456789012.5,,,,,\n");
  const std::string metrics = dir.Write(
      "metrics.csv", "entity,metric,value,unit,as_of,zz\n\"tab\there\",arr,1.5e20,USD,2026-03,\xC3\xA9t\xC3\xA9\n");
  return MustLoad({nodes, edges, metrics});
}

TEST(StreamedExports, ModelJsonIsTheTreesDump) {
  TempDir dir;
  const PartnershipGraph graph = HostileGraph(dir);
  const std::string text = ModelJsonText(graph);
  EXPECT_EQ(text, TreeText(ModelToJson(graph)));
  EXPECT_NE(text.find("\"Zone\": \"1e-05\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"value\": 1.5e+20"), std::string::npos) << text;
  EXPECT_NE(text.find("\"id\": \"tab\\there\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"\xC3\xBC" "ber\": \"\xC3\xBC\"\n    }"), std::string::npos) << text;  // sorts last
  const PartnershipGraph empty = testing::GraphWithOneNode("A\xFF\xC3");  // bytes that are not UTF-8
  EXPECT_EQ(ModelJsonText(empty), TreeText(ModelToJson(empty)));
  EXPECT_EQ(ModelJsonText(empty),
            "{\n  \"edges\": [],\n  \"metrics\": [],\n  \"nodes\": [\n    {\n      \"id\": \"A\xEF\xBF\xBD\xEF\xBF\xBD\",\n"
            "      \"type\": \"other\"\n    }\n  ]\n}\n");
}

TEST(StreamedExports, NodeLinkIsNlohmannsLayout) {
  TempDir dir;
  const PartnershipGraph graph = HostileGraph(dir);
  const std::string text = NodeLinkText(graph);
  const json tree = json::parse(text);
  EXPECT_EQ(text, TreeText(tree));  // parsed and dumped again: the same bytes
  EXPECT_EQ(tree["graph"]["metrics"], ModelToJson(graph)["metrics"]);
  EXPECT_EQ(tree["links"].size(), 2u);
  EXPECT_EQ(tree["links"][1]["key"], "e1");
  const PartnershipGraph bare = testing::GraphWithOneNode("A\xFF");
  EXPECT_EQ(NodeLinkText(bare), "{\n  \"directed\": true,\n  \"graph\": {\n    \"name\": \"partnergraph\"\n  },\n"
                                "  \"links\": [],\n  \"multigraph\": true,\n  \"nodes\": [\n    {\n"
                                "      \"id\": \"A\xEF\xBF\xBD\",\n      \"label\": \"A\xEF\xBF\xBD\",\n"
                                "      \"roles\": [\n        \"other\"\n      ],\n      \"type\": \"other\"\n    }\n  ]\n}\n");
}

// Records each write it receives.
class RecordingBuffer : public std::streambuf {
 public:
  std::vector<std::size_t> writes;
  std::string text;

 protected:
  std::streamsize xsputn(const char* data, std::streamsize size) override {
    writes.push_back(static_cast<std::size_t>(size));
    text.append(data, static_cast<std::size_t>(size));
    return size;
  }
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) xsputn(reinterpret_cast<const char*>(&c), 1);
    return c;
  }
};

// 40,000 nodes and edges: a few MB in every format.
PartnershipGraph LargeGraph(const TempDir& dir) {
  std::string nodes = "id,description\n", edges = "from,to,type,amount_usd\n";
  for (int i = 0; i < 40000; ++i) {
    nodes += fmt::format("n{},a description long enough to make a few megabytes\n", i);
    edges += fmt::format("n{},n{},invests,{}\n", i, (i * 7 + 1) % 40000, i * 1000);
  }
  return MustLoad({dir.Write("nodes.csv", nodes), dir.Write("edges.csv", edges)});
}

TEST(StreamedExports, EachFormatReachesTheStreamInChunksAsItIsMade) {
  TempDir dir;
  const PartnershipGraph graph = LargeGraph(dir);
  struct Case {
    const char* name;
    void (*write)(const PartnershipGraph&, std::ostream&);
    std::string (*whole)(const PartnershipGraph&);
  };
  for (const Case& c : {Case{"json", WriteModelJson, ModelJsonText}, Case{"graphml", WriteGraphml, GraphmlText},
                        Case{"gexf", WriteGexf, GexfText}, Case{"node-link", WriteNodeLink, NodeLinkText}}) {
    RecordingBuffer buffer;
    std::ostream out(&buffer);
    c.write(graph, out);
    EXPECT_GE(buffer.text.size(), std::size_t{3} << 20) << c.name;
    EXPECT_GE(buffer.writes.size(), 3u) << c.name;  // not one document at the end
    // Each write is a chunk of about a mebibyte: the text never grows past that in memory.
    EXPECT_LE(*std::max_element(buffer.writes.begin(), buffer.writes.end()), (std::size_t{1} << 20) + 4096)
        << c.name;
    EXPECT_EQ(buffer.text, c.whole(graph)) << c.name;
  }
  EXPECT_EQ(ModelJsonText(graph), TreeText(ModelToJson(graph)));
}

TEST(StreamedExports, AWriteThatFailsHalfwaySaysWhyAndLeavesNoFile) {
  TempDir dir;
  const PartnershipGraph graph = LargeGraph(dir);
  const std::filesystem::path folder = dir.Path() / "out";
  const std::string path = (folder / "model.json").string();
  // A 256 KiB file size limit: the write fails after the first chunks (EFBIG, not the signal).
  rlimit previous{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &previous), 0);
  const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = previous;
  small.rlim_cur = 256 << 10;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string error;
  const bool written = WriteStreamAtomically(path, [&](std::ostream& out) { WriteModelJson(graph, out); }, &error);
  setrlimit(RLIMIT_FSIZE, &previous);
  std::signal(SIGXFSZ, previous_handler);
  EXPECT_FALSE(written);
  EXPECT_EQ(error, "cannot write " + path + ": File too large");
  EXPECT_TRUE(std::filesystem::is_empty(folder));  // no temporary, no partial file
}

}  // namespace
}  // namespace pg
