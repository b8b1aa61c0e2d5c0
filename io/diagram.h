#pragma once
// A diagram under construction: one cgraph graph (directed, not strict, so parallel edges
// survive), owned here and closed exactly once. Built by dot_builder, laid out by renderer.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

struct Agraph_s;

namespace pg {

class Diagram {
 public:
  /// Opens an empty directed graph named `name`; its DOT text goes to a string, not a FILE.
  explicit Diagram(std::string_view name);
  ~Diagram();
  Diagram(Diagram&& other) noexcept;
  Diagram& operator=(Diagram&& other) noexcept;
  Diagram(const Diagram&) = delete;
  Diagram& operator=(const Diagram&) = delete;

  Agraph_s* Graph() const { return graph_; }
  /// Every node and edge of the cgraph graph, legend and placeholders included.
  std::size_t NodeCount() const;
  std::size_t EdgeCount() const;
  /// The data's nodes and edges drawn, as the builder recorded them.
  std::size_t DrawnNodeCount() const { return drawn_nodes_; }
  std::size_t DrawnEdgeCount() const { return drawn_edges_; }
  void SetDrawnCounts(std::size_t nodes, std::size_t edges) {
    drawn_nodes_ = nodes;
    drawn_edges_ = edges;
  }

  /// The layout engine that drew the last render ("dot", or "fdp" when dot's page was too
  /// elongated); empty before a render and for .dot output.
  const std::string& LaidOutWith() const { return laid_out_with_; }
  void SetLaidOutWith(std::string engine) { laid_out_with_ = std::move(engine); }

  /// The findings highlighted (those whose subjects are all drawn).
  std::size_t HighlightedCount() const { return highlighted_; }
  void SetHighlightedCount(std::size_t count) { highlighted_ = count; }

  /// Why the diagram must not be rendered (a text cgraph could not take whole); empty if none.
  const std::string& Refusal() const { return refusal_; }
  void Refuse(std::string reason) { refusal_ = std::move(reason); }

  /// The DOT text as built (no layout positions); objects appear in creation order, so the
  /// same diagram always gives the same bytes.
  std::string ToDot() const;

 private:
  Agraph_s* graph_ = nullptr;
  std::size_t drawn_nodes_ = 0;
  std::size_t drawn_edges_ = 0;
  std::size_t highlighted_ = 0;
  std::string laid_out_with_;
  std::string refusal_;
};

}  // namespace pg
