#include "io/diagram_header.h"

#include <fmt/format.h>

#include "io/diagram_text.h"

namespace pg {
namespace {

constexpr std::size_t kLegendColumns = 3;
constexpr const char* kLeftBreak = "<BR ALIGN=\"LEFT\"/>";

std::string LegendSwatch(const LegendEntry& entry) {
  if (entry.node) {
    return fmt::format("<TD BGCOLOR=\"{}\" BORDER=\"1\" COLOR=\"#555555\" WIDTH=\"22\"></TD>", entry.node->fill);
  }
  return fmt::format("<TD><FONT COLOR=\"{}\">{}</FONT></TD>", entry.edge->color, entry.edge->sample);
}

}  // namespace

std::string LegendHtml(const std::vector<LegendEntry>& entries) {
  if (entries.empty()) return "";
  std::string rows;
  std::string row;
  std::size_t in_row = 0;
  auto end_row = [&] {
    if (in_row == 0) return;
    rows += "<TR>" + row + "</TR>";
    row.clear();
    in_row = 0;
  };
  bool edges_started = false;
  for (const LegendEntry& entry : entries) {
    if (entry.edge && !edges_started) {
      end_row();  // edge types start a row of their own
      edges_started = true;
    }
    row += LegendSwatch(entry) + "<TD ALIGN=\"LEFT\">" + EscapeHtml(entry.name) + "</TD>";
    if (++in_row == kLegendColumns) end_row();
  }
  end_row();
  return "<TABLE BORDER=\"1\" COLOR=\"#d0d0d0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\" "
         "BGCOLOR=\"#ffffff\"><TR><TD COLSPAN=\"" +
         std::to_string(2 * kLegendColumns) + "\" ALIGN=\"LEFT\"><FONT COLOR=\"#777777\">legend</FONT></TD></TR>" +
         rows + "</TABLE>";
}

std::string HeaderHtml(const Header& header) {
  std::string text;
  if (!header.title.empty()) {
    text += "<FONT POINT-SIZE=\"22\"><B>" + EscapeHtml(header.title) + "</B></FONT>" + kLeftBreak;
  }
  if (!header.subtitle.empty()) {
    text += "<FONT POINT-SIZE=\"13\" COLOR=\"#555555\">" + EscapeHtml(header.subtitle) + "</FONT>" + kLeftBreak;
  }
  if (header.findings_shown) {
    text += header.findings.empty() ? std::string("Highlighted findings: none") : "Highlighted findings:";
    text += kLeftBreak;
    for (const std::string& line : header.findings) text += EscapeHtml(line) + kLeftBreak;
  }
  const std::string legend = LegendHtml(header.legend);
  if (text.empty() && legend.empty()) return "";
  std::string cells;
  if (!text.empty()) cells += "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\">" + text + "</TD>";
  if (!text.empty() && !legend.empty()) cells += "<TD WIDTH=\"24\"></TD>";
  if (!legend.empty()) cells += "<TD ALIGN=\"RIGHT\" VALIGN=\"TOP\">" + legend + "</TD>";
  return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\"><TR>" + cells + "</TR></TABLE>";
}

}  // namespace pg
