#pragma once
// The block at the top of a diagram: title, subtitle and highlighted findings on the left, a
// compact legend of the types drawn on the right. It is the root graph's HTML-like label, so
// every layout engine (dot, neato, fdp, sfdp, circo) places it the same way, outside the graph.
// Internal to dot_builder.

#include <string>
#include <vector>

#include "io/diagram_style.h"

namespace pg {

struct LegendEntry {
  std::string name;  ///< the type's name, or a free-form type as written ("licenses")
  const NodeStyle* node = nullptr;  ///< exactly one of node and edge is set
  const EdgeStyle* edge = nullptr;
};

struct Header {
  std::string title;
  std::string subtitle;
  std::vector<std::string> findings;  ///< one line each; shown under "Highlighted findings:"
  bool findings_shown = false;        ///< "Highlighted findings: none" when true and empty
  std::vector<LegendEntry> legend;    ///< empty: no legend
};

/// The legend: three entries a row, a swatch of the node fill or a line in the edge's colour.
std::string LegendHtml(const std::vector<LegendEntry>& entries);

/// The whole header as HTML-like text (without the outer `<...>`); empty when it has nothing.
std::string HeaderHtml(const Header& header);

}  // namespace pg
