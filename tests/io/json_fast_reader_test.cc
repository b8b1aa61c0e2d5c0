// The JSON model's simdjson fast path: the same tables as the streaming reader, a whole model
// round trip through it, and documents it declines going to the streaming reader's messages.

#include "io/json_fast_reader.h"

#include <gtest/gtest.h>

#include "io/json_model.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::LoadErrors;
using testing::MustLoad;
using testing::TempDir;

// Every table, header and row a reader delivers, as one text.
class RecordingSink : public TableSink {
 public:
  bool BeginTable(const TableOrigin& origin, std::span<const std::string_view> header, std::uint32_t line,
                  CellColumns) override {
    text += origin.sheet + "@" + std::to_string(line) + ":";
    for (std::string_view cell : header) text += std::string(cell) + ",";
    text += "\n";
    return true;
  }
  void Row(std::span<const std::string_view> cells, std::uint32_t line, CellColumns) override {
    text += std::to_string(line) + ":";
    for (std::string_view cell : cells) text += "[" + std::string(cell) + "]";
    text += "\n";
  }
  void EndTable() override { text += "end\n"; }
  std::string text;
};

std::string Streamed(const std::string& path) {
  RecordingSink sink;
  Diagnostics diagnostics;
  EXPECT_TRUE(ReadJsonModelStreaming(path, sink, &diagnostics));
  EXPECT_TRUE(diagnostics.Empty());
  return sink.text;
}

TEST(JsonFastReader, GivesTheStreamingReadersTables) {
  TempDir dir;
  // Edges before nodes, keys in any order, numbers as nlohmann writes them (-0 is 0, 1.50 is 1.5,
  // 1e5 is 100000.0), escapes decoded, lists joined with `|` once the text is not empty.
  const std::string path = dir.Write("model.json", R"({"edges": [
    {"to": "B", "from": "A", "type": "invests", "amount_usd": 1.50, "x": -0, "y": 1e5, "z": 18446744073709551615,
     "w": -9223372036854775808, "flag": true, "none": null, "small": 2.5e-7, "big": 1E300}],
  "nodes": [{"id": "A", "tags": [null, "", "x", null, "", "y", 2.5, false], "label": "\u00e9\ud83d\ude00 \"q\"\t"},
            {"label": "B", "id": "B", "extra": [], "b": 1}, {"a": "z", "id": "C"}],
  "metrics": []})");
  RecordingSink fast;
  ASSERT_TRUE(ReadJsonModelFast(path, fast, {}));
  EXPECT_EQ(fast.text, Streamed(path));
  EXPECT_EQ(fast.text,
            "nodes@0:id,label,tags,b,extra,a,\n"
            "1:[A][\xC3\xA9\xF0\x9F\x98\x80 \"q\"\t][x|||y|2.5|false][][][]\n"
            "2:[B][B][][1][][]\n"
            "3:[C][][][][][z]\n"
            "end\n"
            "edges@0:amount_usd,big,flag,from,none,small,to,type,w,x,y,z,\n"
            "1:[1.5][1e+300][true][A][][2.5e-07][B][invests][-9223372036854775808][0][100000.0][18446744073709551615]\n"
            "end\n");
}

TEST(JsonFastReader, AModelWithEveryFieldRoundTripsCsvToJsonToModel) {
  TempDir in, dir;
  in.Write("nodes.csv",
            "id,label,type,roles,markets,tags,description,source,hq\n"
            "Amazon,Amazon.com,investor,investor|cloud,,big|tech,\"Online, cloud\",10-K,Seattle\n"
            "Google,,investor,,,,,,Mountain View\n"
            "Anthropic,,company,,llm,,,,\n"
            "OpenAI,,company,,llm,,,,\n");
  in.Write("edges.csv",
            "from,to,type,amount,stake_pct,status,start,end,source,confidence,note,round\n"
            "Amazon,Anthropic,invests,up to $8B,,closed,2023-09,,press,0.9,first tranche,A\n"
            "Google,Anthropic,invests,€15M,10%,signed,Q3 2025,H2 2026,filing,,,B\n"
            "Google,Anthropic,invests,€20M,,,Q3 2025,,blog,,,\n"
            "Amazon,OpenAI,distributes,~$10B,,,,,,,,\n"
            "Google,OpenAI,invests,$10B+,,announced,2025,,,,,\n");
  in.Write("metrics.csv",
            "entity,metric,value,unit,as_of,basis,source,analyst\n"
            "Anthropic,revenue,5B,USD,2025-12,gross,press,Jane\n"
            "OpenAI,revenue,13B,USD,2025,net,,\n");
  in.Write("fx.csv", "currency,usd_per_unit\nEUR,1.08\n");
  const PartnershipGraph graph = MustLoad({in.Path().string()});
  const std::string text = ModelJsonText(graph);
  const std::string path = dir.Write("model.json", text);
  RecordingSink sink;
  ASSERT_TRUE(ReadJsonModelFast(path, sink, {}));  // the fast path, not the fallback, reads it
  EXPECT_EQ(sink.text, Streamed(path));
  const PartnershipGraph again = MustLoad({path});
  EXPECT_EQ(ModelJsonText(again), text);
  ASSERT_EQ(again.EdgeCount(), 5u);
  EXPECT_EQ(again.Details(again.Edges()[0]).qualifier, AmountQualifier::kUpTo);
  EXPECT_EQ(again.Details(again.Edges()[0]).status, DealStatus::kClosed);
  EXPECT_DOUBLE_EQ(again.Edges()[1].amount_usd, 16.2e6);  // €15M at 1.08, in USD as written
  EXPECT_DOUBLE_EQ(again.Details(again.Edges()[1]).stake_pct, 0.1);
  EXPECT_EQ(again.Text(again.Edges()[2].source), "blog");
  EXPECT_EQ(again.Details(again.Edges()[3]).qualifier, AmountQualifier::kApprox);
  EXPECT_EQ(again.Details(again.Edges()[4]).qualifier, AmountQualifier::kAtLeast);
  ASSERT_EQ(again.Metrics().size(), 2u);
  EXPECT_DOUBLE_EQ(again.Metrics()[1].value, 13e9);
  const nlohmann::json json = nlohmann::json::parse(ModelJsonText(again));
  EXPECT_EQ(json["edges"][0]["round"], "A");
  EXPECT_EQ(json["metrics"][0]["analyst"], "Jane");
  EXPECT_EQ(json["nodes"][0]["hq"], "Seattle");
  EXPECT_EQ(json["nodes"][0]["roles"], nlohmann::json({"investor", "cloud"}));
}

TEST(JsonFastReader, DeclinesWhatItCannotVouchForAndTheStreamingReaderSaysWhy) {
  TempDir dir;
  const std::string nested = dir.Write("nested.json", R"({"nodes": [{"id": "A", "info": {"k": 1}}]})");
  const std::string trailing = dir.Write("trailing.json", R"({"nodes": [{"id": "A"}]} [])");
  const std::string other = dir.Write("other.json", R"({"title": "x", "nodes": [{"id": "A"}]})");
  const std::string surrogate = dir.Write("surrogate.json", R"({"nodes": [{"id": "\udc00"}]})");
  const std::string control = dir.Write("control.json", "{\"nodes\": [{\"id\": \"A\tB\"}]}");
  for (const std::string& path : {nested, trailing, other, surrogate, control}) {
    RecordingSink sink;
    EXPECT_FALSE(ReadJsonModelFast(path, sink, {})) << path;
    EXPECT_EQ(sink.text, "") << path;
  }
  EXPECT_EQ(MustLoad({nested}).NodeCount(), 1u);
  EXPECT_EQ(MustLoad({other}).NodeCount(), 1u);
  EXPECT_EQ(LoadErrors({trailing}), trailing + ": error: invalid JSON at line 1, column 26: syntax error while parsing "
                                               "value - unexpected '['; expected end of input\n");
  EXPECT_EQ(LoadErrors({surrogate}), surrogate + ": error: invalid JSON at line 1, column 25: syntax error while "
                                                 "parsing value - invalid string: surrogate U+DC00..U+DFFF must follow "
                                                 "U+D800..U+DBFF; last read: '\"\\udc00'\n");
  EXPECT_EQ(LoadErrors({control}), control + ": error: invalid JSON at line 1, column 21: syntax error while parsing "
                                             "value - invalid string: control character U+0009 (HT) must be escaped to "
                                             "\\u0009 or \\t; last read: '\"A<U+0009>'\n");
}

}  // namespace
}  // namespace pg
