// examples/ai-cloud-2026.xlsx (saved by LibreOffice from the CSVs) must hold the same model and
// give the same findings as the CSV folder. A failure here usually means the CSVs changed and
// the workbook was not rebuilt: run `python3 examples/make_workbook.py`.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/pass_registry.h"
#include "graph/graph_view.h"
#include "io/json_model.h"
#include "tests/test_support.h"
#include "tools/findings_format.h"

namespace pg {
namespace {

// Findings JSON without the places (file, sheet, line), which necessarily differ.
nlohmann::json FindingsWithoutPlaces(const PartnershipGraph& graph) {
  const GraphView view(graph);
  Findings all;
  for (const PassInfo& pass : AllPasses()) {
    Findings found = pass.run(view, PassOptions{});
    all.insert(all.end(), found.begin(), found.end());
  }
  nlohmann::json json = FindingsToJson(graph, all);
  for (auto& finding : json["findings"]) {
    for (auto& edge : finding["related"]) {
      edge.erase("file");
      edge.erase("sheet");
    }
    for (auto& metric : finding["metrics"]) {
      metric.erase("file");
      metric.erase("sheet");
    }
    finding.erase("notes");  // they quote places too
    if (finding["pass"] == "conflicts") finding.erase("message");  // so do conflict messages
  }
  return json;
}

TEST(ExampleWorkbook, SameModelAndFindingsAsTheCsvFolder) {
  const PartnershipGraph from_csv = testing::MustLoad({testing::ExampleDir()});
  const PartnershipGraph from_xlsx = testing::MustLoad({std::string(PG_EXAMPLES_DIR) + "/ai-cloud-2026.xlsx"});
  EXPECT_EQ(ModelToJson(from_xlsx), ModelToJson(from_csv));
  const nlohmann::json findings = FindingsWithoutPlaces(from_csv);
  EXPECT_GE(findings["findings"].size(), 2u);
  EXPECT_EQ(FindingsWithoutPlaces(from_xlsx), findings);
}

}  // namespace
}  // namespace pg
