#include "io/diagram_cgraph.h"

#include <utility>

#include <fmt/format.h>

#include "io/dot_builder.h"

namespace pg {
namespace {

// The first text BuildDiagram could not hand to cgraph on this thread, if any; see Guarded.
thread_local std::string* g_refusal = nullptr;

char* C(const char* text) { return const_cast<char*>(text); }

// `text` as a C string for cgraph; a text with a NUL byte is recorded as the diagram's refusal.
// Readers refuse NUL bytes, so reaching this is a bug upstream; say so loudly, never truncate.
char* Guarded(const std::string& text, std::string_view what) {
  if (text.find('\0') != std::string::npos && g_refusal && g_refusal->empty()) {
    std::string shown;
    for (char c : text) shown += c == '\0' ? std::string("\\0") : std::string(1, c);
    *g_refusal = fmt::format("cannot draw the {} \"{}\": it holds a NUL byte, at which Graphviz would cut it "
                             "short (a bug: inputs with NUL bytes are refused when read)", what, shown);
  }
  return C(text.c_str());
}

}  // namespace

RefusalScope::RefusalScope(std::string* refusal) : previous_(std::exchange(g_refusal, refusal)) {}
RefusalScope::~RefusalScope() { g_refusal = previous_; }

void Set(void* object, Agsym_t* symbol, const std::string& value) {
  agxset(object, symbol, Guarded(value, symbol->name));
}

void SetHtml(Agraph_t* root, void* object, Agsym_t* symbol, const std::string& html) {
  char* text = agstrdup_html(root, Guarded(html, symbol->name));
  agxset(object, symbol, text);
  agstrfree(root, text);
}

Agnode_t* AddNode(Agraph_t* parent, std::string_view name) {
  return agnode(parent, Guarded(DotName(name), "node id"), 1);
}

Agraph_t* MakeCluster(Agraph_t* g, const Symbols& s, const std::string& name, const std::string& label) {
  Agraph_t* cluster = agsubg(g, C(name.c_str()), 1);
  Set(cluster, s.g_label, EscapeLabel(label));
  Set(cluster, s.g_style, "rounded,filled");
  Set(cluster, s.g_color, "#d0d0d0");
  Set(cluster, s.g_fillcolor, "#fafafa");
  Set(cluster, s.g_fontcolor, "#555555");
  return cluster;
}

std::string SyntheticName(const PartnershipGraph& graph, const std::string& base) {
  std::string name = base;
  while (graph.FindNode(name)) name += "_";
  return name;
}

}  // namespace pg
