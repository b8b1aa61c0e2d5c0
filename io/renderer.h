#pragma once
// Lays a diagram out and renders it in memory with Graphviz's gvc (the only file that includes
// gvc.h). Graphviz's own messages are routed into our Diagnostics, never to stderr. The caller
// writes the bytes (atomically), so a failed render never leaves a file behind. One Graphviz
// context serves the whole process (created on first render, freed at exit); renders from
// several threads take turns.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "graph/diagnostics.h"
#include "io/diagram.h"

namespace pg {

enum class RenderFormat { kDot, kSvg, kPng, kPdf };

/// From the output path's extension (case-insensitive): .dot/.gv, .svg, .png, .pdf.
std::optional<RenderFormat> RenderFormatFromPath(std::string_view path);
std::string_view RenderFormatName(RenderFormat format);

/// Past this size the default layout is sfdp (dot is quadratic or worse on big graphs).
inline constexpr std::size_t kSfdpNodeThreshold = 2000;
inline constexpr std::size_t kSfdpEdgeThreshold = 5000;
/// Past this size no layout is attempted (it would run for many minutes): use --focus, or
/// write .dot and lay it out elsewhere.
inline constexpr std::size_t kMaxLayoutNodes = 20000;
inline constexpr std::size_t kMaxLayoutEdges = 60000;

/// A dot page whose long side is more than kMaxElongation times its short one is laid out again
/// left to right and with fans of leaves spread over several ranks (up to kMaxReshapeNodes
/// nodes), then with fdp (up to kMaxFdpFallbackNodes), and the squarest picture kept.
inline constexpr double kMaxElongation = 2.0;
/// ... and whose long side is more than this many inches: a small page is fine however shaped.
inline constexpr double kMinReshapeInches = 16;
inline constexpr std::size_t kMaxReshapeNodes = 300;
inline constexpr std::size_t kMaxFdpFallbackNodes = 1000;
/// Pages are scaled down to at most this many inches a side; PNG is drawn at kPngDpi.
inline constexpr int kMaxPageInches = 44;
inline constexpr const char* kPngDpi = "110";

/// dot, neato, fdp, sfdp, circo.
bool IsKnownLayout(std::string_view layout);
std::string_view LayoutChoices();

/// The engine to use: `requested` if given, else dot, or sfdp past the threshold, in which case
/// `note` says so.
std::string ChooseLayout(std::string_view requested, std::size_t nodes, std::size_t edges, std::string* note);

struct RenderOptions {
  RenderFormat format = RenderFormat::kSvg;
  std::string layout = "dot";  ///< an engine from IsKnownLayout
  /// The engine was not asked for: fdp may draw a page that dot could only make long.
  bool fdp_fallback = false;
};

/// Renders `diagram` into `output` (Diagram::LaidOutWith then names the engine that drew it). `.dot` is the DOT text as built, without layout positions
/// (deterministic, any size, ready for other Graphviz tools); the other formats are laid out
/// with `options.layout`. Returns false with errors in `diagnostics` (a missing Graphviz
/// plugin, a layout or render failure, a graph too large to lay out).
bool RenderDiagram(Diagram& diagram, const RenderOptions& options, std::string* output, Diagnostics* diagnostics);

}  // namespace pg
