// The findings JSON: one description of each record (io/findings_fields.h) drives the stream and
// the tree; both must write what nlohmann's dump writes, invalid UTF-8 included.

#include <cstring>
#include <limits>
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "io/findings_json.h"
#include "tests/test_support.h"
#include "tools/findings_format.h"

namespace pg {
namespace {

using testing::MustLoad;
using testing::TempDir;

PartnershipGraph SmallGraph(const TempDir& dir) {
  dir.Write("nodes.csv", "id,label,type\nV,Vega Ventures,investor\nA,Acme,company\n");
  dir.Write("edges.csv", "from,to,type,amount_usd,start,source\nV,A,invests,1.5B,2025-03,memo\n");
  dir.Write("metrics.csv", "entity,metric,value,unit,as_of\nA,revenue_usd,2e9,usd,2026-01\n");
  return MustLoad({dir.Path().string()});
}

Finding OneFinding() {
  Finding finding;
  finding.pass = "test";
  finding.severity = FindingSeverity::kWarning;
  finding.subjects = {"V", "A"};
  finding.figures = {{"total_usd", 1.5e9}, {"rivals", 2}, {"rivals", 3}};  // the last of a name wins
  finding.facts = {{"owner", "V"}};
  finding.parts = {{"A", {{"amount_usd", 1.5e9}}, {0}}};
  finding.related = {0};
  finding.metrics = {0};
  finding.notes = {"a note"};
  finding.topic = "t";
  finding.message = "Vega Ventures backs Acme";
  return finding;
}

std::string Streamed(const PartnershipGraph& graph, const Findings& findings, const std::vector<PassTally>* passes,
                     Date as_of = {}) {
  std::ostringstream out;
  WriteFindingsJson(graph, findings, out, passes, as_of);
  return out.str();
}

TEST(FindingsJson, OneFindingAsDocumented) {
  TempDir dir;
  const PartnershipGraph graph = SmallGraph(dir);
  const std::vector<PassTally> passes{{"test", 3, 1, 1, 1, FindingSeverity::kWarning}};
  const std::string edges = graph.Source(graph.GetEdge(0).origin.source).file;
  const std::string metrics = graph.Source(graph.Metrics()[0].origin.source).file;
  const std::string expected = fmt::format(R"({{
  "as_of": "2026-11-29",
  "findings": [
    {{
      "facts": {{
        "owner": "V"
      }},
      "figures": {{
        "rivals": 3.0,
        "total_usd": 1500000000.0
      }},
      "labels": [
        "Vega Ventures",
        "Acme"
      ],
      "message": "Vega Ventures backs Acme",
      "metrics": [
        {{
          "as_of": "2026-01",
          "entity": "A",
          "file": "{}",
          "line": 2,
          "metric": "revenue_usd",
          "metric_row": 0,
          "unit": "usd",
          "value": 2000000000.0
        }}
      ],
      "notes": [
        "a note"
      ],
      "parts": [
        {{
          "edges": [
            0
          ],
          "figures": {{
            "amount_usd": 1500000000.0
          }},
          "node": "A"
        }}
      ],
      "pass": "test",
      "related": [
        {{
          "amount_usd": 1500000000.0,
          "edge": 0,
          "file": "{}",
          "from": "V",
          "line": 2,
          "source": "memo",
          "start": "2025-03",
          "to": "A",
          "type": "invests"
        }}
      ],
      "severity": "warning",
      "subjects": [
        "V",
        "A"
      ],
      "topic": "t"
    }}
  ],
  "passes": {{
    "test": {{
      "below_severity": 1,
      "cut": 1,
      "found": 3,
      "shown": 1
    }}
  }}
}}
)",
                                           metrics, edges);
  const Date today = Date::FromParts(2026, 11, 29);
  EXPECT_EQ(Streamed(graph, {OneFinding()}, &passes, today), expected);
  EXPECT_EQ(JsonText(FindingsToJson(graph, {OneFinding()}, &passes, today)) + "\n", expected);
}

TEST(FindingsJson, TreeAndStreamAgreeOnInvalidUtf8EmptyListsAndDates) {
  TempDir dir;
  const PartnershipGraph graph = SmallGraph(dir);
  Finding bad = OneFinding();
  bad.message = "caf\xC3 \xFF\xFE Zo\xC3\xA9 \xE2\x82 \xED\xA0\x80 \xF4\x90\x80\x80 \x01\x1F\x7F \"q\" \\";
  bad.notes = {"\xC0\xAF", "ok \xF0\x9F\x98\x80", "trail \xF0\x9F\x98"};
  bad.facts = {{"k\xFF", "v\xE0\x80"}, {"owner", "V"}};
  bad.figures.push_back({"market.\xC3\x28.total_usd", 1e-7});
  bad.topic = "\xFF";
  Finding empty;
  empty.pass = "bare";
  empty.subjects = {"nobody"};
  for (const Date as_of : {Date(), Date::FromParts(2025, 1)}) {
    const Findings findings{bad, empty, OneFinding()};
    EXPECT_EQ(Streamed(graph, findings, nullptr, as_of),
              JsonText(FindingsToJson(graph, findings, nullptr, as_of)) + "\n");
  }
  const std::string streamed = Streamed(graph, {empty}, nullptr);
  EXPECT_NE(streamed.find("\"labels\": [\n        \"nobody\"\n      ]"), std::string::npos) << streamed;
  EXPECT_NE(streamed.find("\"facts\": {},\n"), std::string::npos) << streamed;
  EXPECT_EQ(Streamed(graph, {}, nullptr), "{\n  \"as_of\": null,\n  \"findings\": []\n}\n");
}

std::string Escaped(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

TEST(FindingsJson, StringsEscapeAsNlohmannWithReplacement) {
  const std::vector<std::string> hostile{
      "", "plain", "\"\\/\b\f\n\r\t\x01\x1F\x7F", "\xFF", "\xC3", "caf\xC3\xA9", "\xC3\x28", "\xE2\x82\xAC",
      "\xE2\x82", "\xE2\x28\xA1", "\xED\xA0\x80", "\xEF\xBF\xBD", "\xF0\x9F\x98\x80", "\xF0\x9F\x98",
      "\xF4\x90\x80\x80", "\xF5\x80", "\xC0\xAF", "\xE0\x80\xAF", "\x80\x80x", "a\xF0\x9F", std::string("nul\0!", 5)};
  for (const std::string& text : hostile) {
    EXPECT_EQ(Escaped(text), JsonText(nlohmann::json(text), -1)) << nlohmann::json(text).dump(-1, ' ', true,
                                                                         nlohmann::json::error_handler_t::replace);
  }
  // Random bytes, most of them high: every ill-formed shape nlohmann's decoder meets.
  std::mt19937 random(20261130);
  std::uniform_int_distribution<int> length(0, 12), byte(0, 255), high(0x80, 0xFF), coin(0, 2);
  for (int run = 0; run < 20000; ++run) {
    std::string text;
    for (int k = length(random); k > 0; --k) {
      text.push_back(static_cast<char>(coin(random) ? high(random) : byte(random)));
    }
    ASSERT_EQ(Escaped(text), JsonText(nlohmann::json(text), -1)) << nlohmann::json(text).dump(-1, ' ', true,
                                                                         nlohmann::json::error_handler_t::replace);
  }
}

std::string NumberText(double value) {
  std::string out;
  AppendJsonNumber(out, value);
  return out;
}

TEST(FindingsJson, NumbersAsNlohmannWritesThem) {
  const std::vector<double> values{0.0, -0.0, 1, -1, 0.5, 0.267, 1.9e9, 8e9, 1e15, 1e16, 123456789012345.0,
                                   1234567890123456.0, 1e-4, 1e-5, 0.00012, 1.5e20, 5e-324, 1.7976931348623157e308,
                                   1.0 / 3, 2.0 / 3, 100.0 / 7, 0.1 + 0.2, 3.5e9 / 9.1e10, 1e21, 1e22, 1e100, 2.5e-8};
  for (const double value : values) {
    EXPECT_EQ(NumberText(value), nlohmann::json(value).dump()) << value;
    EXPECT_EQ(NumberText(-value), nlohmann::json(-value).dump()) << -value;
  }
  EXPECT_EQ(NumberText(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(NumberText(-std::numeric_limits<double>::infinity()), "null");
  // Whole amounts of every size up to 2^53 (the fast way), shares and ratios as passes compute
  // them, and arbitrary bit patterns.
  std::mt19937_64 random(20261130);
  std::uniform_int_distribution<std::int64_t> cents(0, 100'000'000'000'000);
  std::uniform_int_distribution<int> divisor(1, 1000), digits(1, 53);
  int differ = 0;
  std::string first;
  for (int run = 0; run < 100000; ++run) {
    const double share = static_cast<double>(cents(random)) / 100 / divisor(random);
    const double whole = static_cast<double>(random() >> (64 - digits(random))) * (run % 2 ? 1 : -1);
    const double round = static_cast<double>(cents(random) / divisor(random) * 1000);
    std::uint64_t bits = random();
    double any;
    std::memcpy(&any, &bits, sizeof any);
    for (const double value : {share, whole, round, any}) {
      if (!std::isfinite(value)) continue;
      if (NumberText(value) != nlohmann::json(value).dump()) {
        if (differ++ == 0) first = fmt::format("{} vs {}", NumberText(value), nlohmann::json(value).dump());
      }
    }
  }
  EXPECT_EQ(differ, 0) << "first: " << first;
}

}  // namespace
}  // namespace pg
