#include "graph/types.h"

#include <array>
#include <utility>

#include "graph/text.h"

namespace pg {
namespace {

constexpr std::array<std::string_view, kNodeTypeCount> kNodeTypeNames = {
    "company", "cloud", "investor", "platform", "chipmaker", "product", "project", "other"};
constexpr std::array<std::string_view, kEdgeTypeCount> kEdgeTypeNames = {
    "invests", "owns", "distributes", "exclusive", "supplies_compute", "competes", "partners"};

constexpr std::pair<std::string_view, NodeType> kNodeSynonyms[] = {
    {"companies", NodeType::kCompany},   {"lab", NodeType::kCompany},
    {"model lab", NodeType::kCompany},   {"startup", NodeType::kCompany},
    {"cloud provider", NodeType::kCloud}, {"hyperscaler", NodeType::kCloud},
    {"vc", NodeType::kInvestor},         {"fund", NodeType::kInvestor},
    {"channel", NodeType::kPlatform},    {"marketplace", NodeType::kPlatform},
    {"chip", NodeType::kChipmaker},      {"chipmakers", NodeType::kChipmaker},
    {"compute project", NodeType::kProject}, {"person", NodeType::kOther},
};
constexpr std::pair<std::string_view, EdgeType> kEdgeSynonyms[] = {
    {"investment", EdgeType::kInvests},      {"invest", EdgeType::kInvests},
    {"ownership", EdgeType::kOwns},          {"own", EdgeType::kOwns},
    {"operates", EdgeType::kOwns},           {"distribution", EdgeType::kDistributes},
    {"distribute", EdgeType::kDistributes},  {"exclusivity", EdgeType::kExclusive},
    {"compute", EdgeType::kSuppliesCompute}, {"supplies compute", EdgeType::kSuppliesCompute},
    {"supplies-compute", EdgeType::kSuppliesCompute},
    {"rivalry", EdgeType::kCompetes},        {"compete", EdgeType::kCompetes},
    {"rival", EdgeType::kCompetes},          {"partnership", EdgeType::kPartners},
    {"partner", EdgeType::kPartners},
};

template <typename Enum, std::size_t N, std::size_t M>
std::optional<Enum> Lookup(std::string_view text, const std::array<std::string_view, N>& names,
                           const std::pair<std::string_view, Enum> (&synonyms)[M]) {
  const std::string_view trimmed = Trim(text);
  for (std::size_t i = 0; i < N; ++i) {
    if (EqualsIgnoreCase(trimmed, names[i])) return static_cast<Enum>(i);
  }
  for (const auto& [name, value] : synonyms) {
    if (EqualsIgnoreCase(trimmed, name)) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view NodeTypeName(NodeType type) { return kNodeTypeNames[static_cast<int>(type)]; }
std::string_view EdgeTypeName(EdgeType type) { return kEdgeTypeNames[static_cast<int>(type)]; }

std::optional<NodeType> ParseNodeType(std::string_view text) {
  return Lookup(text, kNodeTypeNames, kNodeSynonyms);
}
std::optional<EdgeType> ParseEdgeType(std::string_view text) {
  return Lookup(text, kEdgeTypeNames, kEdgeSynonyms);
}

std::string_view NodeTypeChoices() {
  return "company, cloud, investor, platform, chipmaker, product, project, other";
}
std::string_view EdgeTypeChoices() {
  return "invests, owns, distributes, exclusive, supplies_compute, competes, partners";
}

}  // namespace pg
