#pragma once
// The look of a diagram in one place: the font, shapes and fills by node type, line styles and
// colours by edge type, the highlight colour (which no type uses), and the attributes declared
// once on the root with their defaults. Internal to dot_builder and its parts.

#include <graphviz/cgraph.h>

#include "graph/types.h"

namespace pg {

/// Fontconfig families, first found wins: Noto Sans CJK (Debian fonts-noto-cjk, which
/// tools/bootstrap.sh installs) draws Latin, Hangul and Han; DejaVu Sans or any sans-serif
/// stands in on a machine without it (pango still falls back per glyph).
inline constexpr const char* kDiagramFont = "Noto Sans CJK SC,DejaVu Sans,sans-serif";

/// Findings are drawn in magenta: no node fill or edge colour is near it.
inline constexpr const char* kHighlightColor = "#e7298a";
inline constexpr const char* kHighlightFill = "#fbc4e2";  ///< the party a finding is about

struct NodeStyle {
  const char* shape;
  const char* style;
  const char* fill;
  const char* cluster_label;
};

struct EdgeStyle {
  const char* style;
  const char* color;
  const char* penwidth;
  const char* sample;  ///< the line drawn in the legend, in glyphs
};

const NodeStyle& StyleOf(NodeType type);
const EdgeStyle& StyleOf(EdgeType type);
/// A highlighted edge: a thick magenta line whatever its type.
const EdgeStyle& HighlightEdgeStyle();

/// Attribute symbols, declared once on the root with their defaults.
struct Symbols {
  Agsym_t* g_label;
  Agsym_t* g_style;
  Agsym_t* g_color;
  Agsym_t* g_fillcolor;
  Agsym_t* g_fontcolor;
  Agsym_t* n_label;
  Agsym_t* n_shape;
  Agsym_t* n_style;
  Agsym_t* n_fillcolor;
  Agsym_t* n_color;
  Agsym_t* n_penwidth;
  Agsym_t* n_tooltip;
  Agsym_t* n_fontcolor;
  Agsym_t* e_label;
  Agsym_t* e_style;
  Agsym_t* e_color;
  Agsym_t* e_penwidth;
  Agsym_t* e_fontcolor;
  Agsym_t* e_tooltip;
  Agsym_t* e_dir;
  Agsym_t* e_constraint;
};

Symbols DeclareAttributes(Agraph_t* g);

}  // namespace pg
