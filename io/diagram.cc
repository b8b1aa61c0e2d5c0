#include "io/diagram.h"

#include <graphviz/cgraph.h>

#include <utility>

namespace pg {
namespace {

int PutString(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}
int Flush(void*) { return 0; }

// cgraph writes through the graph's I/O discipline: ours appends to a std::string.
Agdisc_t* StringDiscipline() {
  static Agiodisc_t io{nullptr, PutString, Flush};
  static Agdisc_t disc{&AgMemDisc, &AgIdDisc, &io};
  return &disc;
}

}  // namespace

Diagram::Diagram(std::string_view name) {
  std::string copy(name);
  graph_ = agopen(copy.data(), Agdirected, StringDiscipline());
}

Diagram::~Diagram() {
  if (graph_) agclose(graph_);
}

Diagram::Diagram(Diagram&& other) noexcept
    : graph_(std::exchange(other.graph_, nullptr)), drawn_nodes_(other.drawn_nodes_), drawn_edges_(other.drawn_edges_) {}

Diagram& Diagram::operator=(Diagram&& other) noexcept {
  if (this != &other) {
    if (graph_) agclose(graph_);
    graph_ = std::exchange(other.graph_, nullptr);
    drawn_nodes_ = other.drawn_nodes_;
    drawn_edges_ = other.drawn_edges_;
  }
  return *this;
}

std::size_t Diagram::NodeCount() const { return graph_ ? static_cast<std::size_t>(agnnodes(graph_)) : 0; }
std::size_t Diagram::EdgeCount() const { return graph_ ? static_cast<std::size_t>(agnedges(graph_)) : 0; }

std::string Diagram::ToDot() const {
  std::string text;
  if (graph_) agwrite(graph_, &text);
  return text;
}

}  // namespace pg
