// convert's formats: picked by -o's extension or --to, -o - for standard output, --csv-raw,
// the Neo4j folder and its import command, and the errors for what does not fit.

#include <cstdio>
#include <filesystem>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "io/json_model.h"
#include "tests/test_support.h"

namespace pg {
namespace {

namespace fs = std::filesystem;
using testing::Cli;
using testing::CliRun;
using testing::ExampleDir;
using testing::MustLoad;
using testing::ReadAll;
using testing::TempDir;

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

TEST(ConvertFormats, PicksTheFormatFromTheExtension) {
  TempDir dir;
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  for (const auto& [name, what, first] :
       {std::tuple{"g.graphml", "GraphML", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"},
        std::tuple{"g.GEXF", "GEXF", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"}}) {
    const std::string out = (dir.Path() / name).string();
    const CliRun run = Cli({"convert", ExampleDir(), "-o", out});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, fmt::format("wrote {} nodes, {} edges to {} ({})\n", graph.NodeCount(), graph.EdgeCount(), out,
                                   what));
    EXPECT_EQ(run.err, fmt::format("warning: {} has no place for metrics: {} metrics not written (json, xlsx, csv, "
                                   "kumu and node-link keep them)\n",
                                   what == std::string("GraphML") ? "graphml" : "gexf", graph.Metrics().size()));
    EXPECT_EQ(FirstLine(ReadAll(out)), first);
  }
  EXPECT_NE(ReadAll(dir.Path() / "g.GEXF").find("<gexf xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos);
}

TEST(ConvertFormats, AnUnknownExtensionIsAnErrorNotACsvFolder) {
  TempDir dir;
  const std::string out = (dir.Path() / "deals.txt").string();
  const CliRun run = Cli({"convert", ExampleDir(), "-o", out});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, fmt::format("error: -o {}: unknown extension \".txt\" (expected .json, .xlsx, .graphml, .gexf or "
                                 ".pgraph, or a folder for a CSV model); --to names the format: csv, json, xlsx, "
                                 "graphml, gexf, neo4j, kumu, node-link, pgraph\n",
                                 out));
  EXPECT_FALSE(fs::exists(out));
  const CliRun bad_to = Cli({"convert", ExampleDir(), "-o", out, "--to", "dot"});
  EXPECT_EQ(bad_to.code, 2);
  EXPECT_NE(bad_to.err.find("dot not in {csv,json,xlsx,graphml,gexf,neo4j,kumu,node-link,pgraph}"), std::string::npos)
      << bad_to.err;
}

TEST(ConvertFormats, StandardOutputTakesSingleDocumentsOnly) {
  const CliRun no_format = Cli({"convert", ExampleDir(), "-o", "-"});
  EXPECT_EQ(no_format.code, 2);
  EXPECT_EQ(no_format.err, "error: -o - writes standard output: name the format with --to (json, graphml, gexf, "
                           "node-link)\n");
  for (const std::string format : {"csv", "neo4j", "kumu"}) {
    const CliRun run = Cli({"convert", ExampleDir(), "-o", "-", "--to", format});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err, fmt::format("error: -o -: {} writes a folder of files, which standard output cannot hold; "
                                   "name a folder (-o out/)\n",
                                   format));
    EXPECT_EQ(run.out, "");
  }
  const CliRun xlsx = Cli({"convert", ExampleDir(), "-o", "-", "--to", "xlsx"});
  EXPECT_EQ(xlsx.code, 2);
  EXPECT_EQ(xlsx.err, "error: -o -: xlsx output is a binary file, not for standard output; name a file (-o model.xlsx)\n");
  EXPECT_FALSE(fs::exists("-"));
}

TEST(ConvertFormats, StandardOutputGetsTheDocumentAndStderrTheSummary) {
  TempDir dir;
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  for (const std::string format : {"json", "graphml", "gexf", "node-link"}) {
    const std::string file = (dir.Path() / ("model." + format)).string();
    ASSERT_EQ(Cli({"convert", ExampleDir(), "-o", file, "--to", format, "-q"}).code, 0);
    const CliRun run = Cli({"convert", ExampleDir(), "-o", "-", "--to", format});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, ReadAll(file)) << format;
    EXPECT_NE(run.err.find(fmt::format("wrote {} nodes, {} edges", graph.NodeCount(), graph.EdgeCount())),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find(" to standard output ("), std::string::npos) << run.err;
  }
}

// Through a real pipe, as a shell user runs it: byte for byte the file's contents.
TEST(ConvertFormats, PipedJsonEqualsTheFile) {
  TempDir dir;
  const std::string file = (dir.Path() / "model.json").string();
  ASSERT_EQ(Cli({"convert", ExampleDir(), "-o", file, "-q"}).code, 0);
  const std::string piped = (dir.Path() / "piped.json").string();
  const std::string err = (dir.Path() / "err").string();
  const std::string command = fmt::format("'{}' convert '{}' -o - --to json 2>'{}' | cat >'{}'", PG_CLI_PATH,
                                          ExampleDir(), err, piped);
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(ReadAll(piped), ReadAll(file));
  EXPECT_EQ(ReadAll(err).rfind("wrote ", 0), 0u) << ReadAll(err);
}

TEST(ConvertFormats, CsvRawWritesCellsAsTheyAre) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,description\nA,=1+2\nB,-5\n");
  const std::string safe = (dir.Path() / "safe").string();
  const std::string raw = (dir.Path() / "raw").string();
  ASSERT_EQ(Cli({"convert", nodes, "-o", safe, "-q"}).code, 0);
  ASSERT_EQ(Cli({"convert", nodes, "-o", raw, "--csv-raw", "-q"}).code, 0);
  EXPECT_EQ(ReadAll(fs::path(safe) / "nodes.csv"),
            "id,label,type,roles,markets,tags,description,source\nA,,other,,,,'=1+2,\nB,,other,,,,-5,\n");
  EXPECT_EQ(ReadAll(fs::path(raw) / "nodes.csv"),
            "id,label,type,roles,markets,tags,description,source\nA,,other,,,,=1+2,\nB,,other,,,,-5,\n");
  const std::string kumu = (dir.Path() / "kumu").string();
  ASSERT_EQ(Cli({"convert", nodes, "-o", kumu, "--to", "kumu", "--csv-raw", "-q"}).code, 0);
  EXPECT_EQ(ReadAll(fs::path(kumu) / "elements.csv"),
            "ID,Label,Type,Roles,Markets,Tags,Description,Source\nA,,other,,,,=1+2,\nB,,other,,,,-5,\n");
  const std::string neo4j = (dir.Path() / "neo4j").string();
  ASSERT_EQ(Cli({"convert", nodes, "-o", neo4j, "--to", "neo4j", "--csv-raw", "-q"}).code, 0);  // raw anyway
  EXPECT_EQ(ReadAll(fs::path(neo4j) / "nodes.csv"),
            "id:ID,label,:LABEL,type,roles:string[],markets:string[],tags:string[],description,source\n"
            "A,A,Other,other,other,,,=1+2,\nB,B,Other,other,other,,,-5,\n");
  const CliRun json = Cli({"convert", nodes, "-o", (dir.Path() / "m.json").string(), "--csv-raw"});
  EXPECT_EQ(json.code, 2);
  EXPECT_EQ(json.err, "error: --csv-raw: json output has no CSV cells (it applies to csv and kumu folders; neo4j is "
                      "always raw)\n");
  const CliRun book = Cli({"convert", nodes, "-o", (dir.Path() / "k.xlsx").string(), "--to", "kumu", "--csv-raw"});
  EXPECT_EQ(book.code, 2);
  EXPECT_EQ(book.err, "error: --csv-raw: a Kumu workbook output has no CSV cells (it applies to csv and kumu folders; "
                      "neo4j is always raw)\n");
}

TEST(ConvertFormats, Neo4jFolderWithHeadersRowsAndTheImportCommand) {
  TempDir dir;
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const std::string out = (dir.Path() / "neo4j").string();
  const CliRun run = Cli({"convert", ExampleDir(), "-o", out, "--to", "neo4j"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, fmt::format("wrote {} nodes, {} edges to {} (Neo4j import folder); import with: neo4j-admin "
                                 "database import full --nodes={}/nodes.csv --relationships={}/relationships.csv "
                                 "--array-delimiter='|' --multiline-fields=true neo4j\n",
                                 graph.NodeCount(), graph.EdgeCount(), out, out, out));
  const std::string nodes = ReadAll(fs::path(out) / "nodes.csv");
  const std::string relationships = ReadAll(fs::path(out) / "relationships.csv");
  EXPECT_EQ(FirstLine(nodes), "id:ID,label,:LABEL,type,roles:string[],markets:string[],tags:string[],description,source");
  EXPECT_NE(nodes.find("\nAmazon,Amazon,Investor|Cloud,investor,investor|cloud,,,Investor and cloud parent; owns AWS,"
                       "\"marsbit 2026-04-14, article\"\n"),
            std::string::npos)
      << nodes;
  EXPECT_EQ(FirstLine(relationships),
            ":START_ID,:END_ID,:TYPE,type,direction,amount_usd:double,amount_qualifier,original_amount:double,"
            "currency,stake_pct:double,share_pct:double,revenue_usd:double,capacity_gw:double,start,end,reported,"
            "scope,source,confidence:double,note,status");
  EXPECT_NE(relationships.find("\nAmazon,OpenAI,INVESTS,invests,directed,50000000000,,,,,,,,2026-02,,,,"
                               "\"CNBC, as cited in marsbit 2026-04-14\",0.9,,\n"),
            std::string::npos)
      << relationships;
  EXPECT_EQ(std::count(relationships.begin(), relationships.end(), '\n'), graph.EdgeCount() + 1);
}

// A CSV model folder shares nodes.csv with a Neo4j folder, but its other files are not Neo4j's:
// the model is left alone.
TEST(ConvertFormats, AFolderFormatNeverReplacesAnotherFormatsFolder) {
  TempDir dir;
  const std::string out = (dir.Path() / "deals").string();
  ASSERT_EQ(Cli({"convert", ExampleDir(), "-o", out, "-q"}).code, 0);
  const CliRun run = Cli({"convert", ExampleDir(), "-o", out, "--to", "neo4j"});
  EXPECT_EQ(run.code, 2);
  const std::string start = "error: cannot write " + out + ": the folder holds other files (";
  EXPECT_EQ(run.err.rfind(start, 0), 0u) << run.err;
  const std::string named = run.err.substr(start.size(), run.err.find(')') - start.size());
  EXPECT_TRUE(named == "edges.csv" || named == "metrics.csv") << run.err;
  EXPECT_TRUE(run.err.ends_with("); name a new or empty folder\n")) << run.err;
  EXPECT_EQ(ModelToJson(MustLoad({out})), ModelToJson(MustLoad({ExampleDir()})));
  EXPECT_FALSE(fs::exists(fs::path(out) / "relationships.csv"));
}

TEST(ConvertFormats, KumuWorkbookReadsBackThroughTheCli) {
  TempDir dir;
  const std::string book = (dir.Path() / "kumu.xlsx").string();
  const CliRun run = Cli({"convert", ExampleDir(), "-o", book, "--to", "kumu"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find(" (Kumu workbook)\n"), std::string::npos) << run.out;
  EXPECT_EQ(ModelToJson(MustLoad({book})), ModelToJson(MustLoad({ExampleDir()})));
}

TEST(ConvertFormats, HelpTeachesEveryFormatWithAnExample) {
  const CliRun run = Cli({"convert", "--help"});
  const std::string help = run.out + run.err;
  for (const std::string example :
       {"-o deals/", "-o deals.json", "-o deals.xlsx", "-o deals.graphml", "-o deals.gexf", "--to neo4j",
        "-o kumu.xlsx --to kumu", "-o - --to node-link", "--csv-raw writes cells as they are",
        "neo4j is always raw"}) {
    EXPECT_NE(help.find(example), std::string::npos) << example;
  }
}

}  // namespace
}  // namespace pg

namespace pg {
namespace {

TEST(ConvertStreamed, Neo4jQuotesAHeaderCellThatHoldsAComma) {
  // The folder is written row by row through WriteCsvTables; a kept column named `a,b` is now one
  // quoted header cell (it used to split the header into one column more than the rows).
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,\"a,b\",\"q\"\"\"\nX,1,\"2,3\"\n");
  const std::string out = (dir.Path() / "neo4j").string();
  ASSERT_EQ(Cli({"convert", nodes, "-o", out, "--to", "neo4j", "-q"}).code, 0);
  EXPECT_EQ(ReadAll(fs::path(out) / "nodes.csv"),
            "id:ID,label,:LABEL,type,roles:string[],markets:string[],tags:string[],description,source,\"a,b\","
            "\"q\"\"\"\nX,X,Other,other,other,,,,,1,\"2,3\"\n");
}

TEST(ConvertStreamed, FileAndStandardOutputGetTheSameTextAndNoTemporaryStays) {
  TempDir dir;
  for (const std::string format : {"json", "graphml", "gexf", "node-link"}) {
    const fs::path out = dir.Path() / format / "model.out";
    ASSERT_EQ(Cli({"convert", ExampleDir(), "-o", out.string(), "--to", format, "-q"}).code, 0) << format;
    const CliRun piped = Cli({"convert", ExampleDir(), "-o", "-", "--to", format, "-q"});
    ASSERT_EQ(piped.code, 0) << format;
    EXPECT_EQ(ReadAll(out), piped.out) << format;
    EXPECT_EQ(std::distance(fs::directory_iterator(out.parent_path()), fs::directory_iterator()), 1) << format;
  }
  EXPECT_EQ(ReadAll(dir.Path() / "json" / "model.out"), ModelJsonText(MustLoad({ExampleDir()})));
}

}  // namespace
}  // namespace pg
