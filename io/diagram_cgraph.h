#pragma once
// The few cgraph calls the diagram builder makes, each refusing a text that holds a NUL byte
// (cgraph would cut it there and merge the node `C\0x` with `C`): the first such text becomes
// the diagram's refusal while a RefusalScope is alive. Internal to dot_builder and its parts.

#include <graphviz/cgraph.h>

#include <string>
#include <string_view>

#include "graph/partnership_graph.h"
#include "io/diagram_style.h"

namespace pg {

/// Points the NUL check at `refusal` while alive (one BuildDiagram on this thread).
class RefusalScope {
 public:
  explicit RefusalScope(std::string* refusal);
  ~RefusalScope();
  RefusalScope(const RefusalScope&) = delete;
  RefusalScope& operator=(const RefusalScope&) = delete;

 private:
  std::string* previous_;
};

/// An escString attribute (already escaped with EscapeLabel or EscapeTooltip).
void Set(void* object, Agsym_t* symbol, const std::string& value);
/// An HTML-like label (`html` without the outer `<...>`).
void SetHtml(Agraph_t* root, void* object, Agsym_t* symbol, const std::string& html);

/// The node `name` (an id or a synthetic name) in `parent`, under its cgraph name DotName(name).
Agnode_t* AddNode(Agraph_t* parent, std::string_view name);

Agraph_t* MakeCluster(Agraph_t* g, const Symbols& s, const std::string& name, const std::string& label);

/// A name for a synthetic node (placeholder) that no id has.
std::string SyntheticName(const PartnershipGraph& graph, const std::string& base);

}  // namespace pg
