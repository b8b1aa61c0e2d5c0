#include "io/diagram.h"

#include <graphviz/cgraph.h>

#include <vector>
#include <string>
#include <unordered_map>
#include <utility>

namespace pg {
namespace {

// Object ids in creation order. cgraph's default discipline uses the address of the interned
// name as the id, and subgraphs are kept in id order: the DOT's cluster order (and so the
// layout) would then change from run to run.
struct IdState {
  Agraph_t* graph = nullptr;
  std::unordered_map<std::string, IDTYPE> ids;
  std::vector<char*> names;  // names[i] has id 2 * (i + 1), interned by cgraph (agstrdup)
  IDTYPE next_anonymous = 1; // odd ids: anonymous objects, as in cgraph's own discipline
};

void* IdOpen(Agraph_t* graph, Agdisc_t*) { return new IdState{graph}; }

long IdMap(void* state, int, char* name, IDTYPE* id, int create) {
  auto* ids = static_cast<IdState*>(state);
  if (!name) {
    *id = ids->next_anonymous;
    ids->next_anonymous += 2;
    return 1;
  }
  if (const auto found = ids->ids.find(name); found != ids->ids.end()) {
    *id = found->second;
    return 1;
  }
  if (!create) return 0;
  // Printed names must be cgraph's interned strings: it reads their header (HTML or not).
  ids->names.push_back(agstrdup(ids->graph, name));
  *id = 2 * static_cast<IDTYPE>(ids->names.size());
  ids->ids.emplace(name, *id);
  return 1;
}

long IdAlloc(void*, int, IDTYPE) { return 0; }  // no caller-chosen ids
void IdFree(void*, int, IDTYPE) {}

char* IdPrint(void* state, int, IDTYPE id) {
  auto* ids = static_cast<IdState*>(state);
  if (id % 2 == 1 || id == 0 || id / 2 > ids->names.size()) return nullptr;
  return ids->names[id / 2 - 1];
}

void IdClose(void* state) { delete static_cast<IdState*>(state); }
void IdRegister(void*, int, void*) {}

int PutString(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}
int Flush(void*) { return 0; }

// Deterministic ids, and DOT written to a std::string instead of a FILE.
Agdisc_t* Discipline() {
  static Agiddisc_t id{IdOpen, IdMap, IdAlloc, IdFree, IdPrint, IdClose, IdRegister};
  static Agiodisc_t io{nullptr, PutString, Flush};
  static Agdisc_t disc{&AgMemDisc, &id, &io};
  return &disc;
}

}  // namespace

Diagram::Diagram(std::string_view name) {
  std::string copy(name);
  graph_ = agopen(copy.data(), Agdirected, Discipline());
}

Diagram::~Diagram() {
  if (graph_) agclose(graph_);
}

Diagram::Diagram(Diagram&& other) noexcept
    : graph_(std::exchange(other.graph_, nullptr)),
      drawn_nodes_(other.drawn_nodes_),
      drawn_edges_(other.drawn_edges_),
      highlighted_(other.highlighted_),
      laid_out_with_(std::move(other.laid_out_with_)),
      refusal_(std::move(other.refusal_)) {}

Diagram& Diagram::operator=(Diagram&& other) noexcept {
  if (this != &other) {
    if (graph_) agclose(graph_);
    graph_ = std::exchange(other.graph_, nullptr);
    drawn_nodes_ = other.drawn_nodes_;
    drawn_edges_ = other.drawn_edges_;
    highlighted_ = other.highlighted_;
    laid_out_with_ = std::move(other.laid_out_with_);
    refusal_ = std::move(other.refusal_);
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
