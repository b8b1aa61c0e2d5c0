#pragma once
// One self-contained HTML file for a colleague who will never run a CLI: a summary, the
// findings grouped by pass with their notes, evidence rows and sources (server-side HTML,
// readable without JS), the diagram as inline SVG, and a little inline JS for a filter box and
// node details on click. Nothing is fetched: no external src/href/url(), and a
// Content-Security-Policy that forbids every network load. Every text is HTML-escaped, and
// `<` in embedded JSON is written \u003c, so no name can close a <script> or open a tag.

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/finding.h"
#include "graph/date.h"
#include "graph/partnership_graph.h"

namespace pg {

/// Evidence rows shown per finding; the rest are counted ("+N more edges"), and the embedded
/// JSON has them all: a finding on a big graph rests on thousands of edges, and a page with
/// tens of thousands of table rows opens slowly.
inline constexpr std::size_t kEvidenceRowsShown = 50;

/// One pass run for the report: how many it found and how many the report shows.
struct ReportPass {
  std::string name;
  std::size_t found = 0;
  std::size_t shown = 0;
  std::size_t cut = 0;             ///< left out by --top
  std::size_t below_severity = 0;  ///< left out by --min-severity
};

struct HtmlReportInput {
  std::string title;                ///< the page's heading
  std::vector<std::string> inputs;  ///< as given on the command line
  Date as_of;                       ///< unknown: every edge whatever its dates (`--as-of all`)
  std::vector<ReportPass> passes;   ///< in the order run; the findings follow this order
  std::string findings_json;        ///< WriteFindingsJson's document for the same findings
  std::string svg;                  ///< the rendered diagram; empty when omitted
  std::string diagram_note;         ///< why there is no diagram ("diagram omitted: ...")
};

/// Writes the whole page. `findings` are those shown, grouped by pass in `input.passes` order.
void WriteHtmlReport(const PartnershipGraph& graph, const Findings& findings, const HtmlReportInput& input,
                     std::ostream& out);

/// Text as HTML: `&`, `<`, `>`, `"`, `'` as entities (safe in text and quoted attributes).
std::string EscapeHtmlText(std::string_view text);

/// JSON text made safe inside <script>: every `<` becomes \u003c (it can only occur inside
/// JSON strings), so neither `</script` nor `<!--` can appear.
std::string ScriptSafeJson(std::string_view json);

/// Graphviz's SVG made fit to inline in HTML: the XML declaration, DOCTYPE and comments
/// dropped (they name w3.org URLs and node names), the xmlns attributes too (HTML knows <svg>).
std::string InlineSvg(std::string_view svg);

}  // namespace pg
