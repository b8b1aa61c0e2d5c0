#include "graph/types.h"

#include <array>
#include <utility>

#include "graph/text.h"
#include "graph/type_words.h"

namespace pg {
namespace {

constexpr std::array<std::string_view, kNodeTypeCount> kNodeTypeNames = {
    "company", "cloud", "investor", "platform", "chipmaker", "product", "project", "other"};
constexpr std::array<std::string_view, kEdgeTypeCount> kEdgeTypeNames = {
    "invests", "owns", "distributes", "exclusive", "supplies_compute", "competes", "partners"};

// Written in NormaliseTypeWord's form (lower case, one space between words). Conservative: a
// wording is here only when it cannot mean anything else (`licenses`, `Foundry`, `Government`
// stay free types, which the user maps with a types table).
constexpr std::pair<std::string_view, NodeType> kNodeSynonyms[] = {
    {"companies", NodeType::kCompany},   {"lab", NodeType::kCompany},
    {"model lab", NodeType::kCompany},   {"startup", NodeType::kCompany},
    {"ai lab", NodeType::kCompany},      {"ai company", NodeType::kCompany},
    {"frontier lab", NodeType::kCompany}, {"model developer", NodeType::kCompany},
    {"cloud provider", NodeType::kCloud}, {"hyperscaler", NodeType::kCloud},
    {"neocloud", NodeType::kCloud},      {"gpu cloud", NodeType::kCloud},
    {"clouds", NodeType::kCloud},
    {"vc", NodeType::kInvestor},         {"fund", NodeType::kInvestor},
    {"investors", NodeType::kInvestor},  {"venture capital", NodeType::kInvestor},
    {"channel", NodeType::kPlatform},    {"marketplace", NodeType::kPlatform},
    {"chip", NodeType::kChipmaker},      {"chipmakers", NodeType::kChipmaker},
    {"chip maker", NodeType::kChipmaker}, {"chip designer", NodeType::kChipmaker},
    {"compute project", NodeType::kProject}, {"person", NodeType::kOther},
};
// "supplies compute" is the canonical name in its normal form.
constexpr std::pair<std::string_view, EdgeType> kEdgeSynonyms[] = {
    {"investment", EdgeType::kInvests},      {"invest", EdgeType::kInvests},
    {"invests in", EdgeType::kInvests},      {"invested in", EdgeType::kInvests},
    {"investments", EdgeType::kInvests},     {"investor in", EdgeType::kInvests},
    {"funds", EdgeType::kInvests},           {"funded", EdgeType::kInvests},
    {"ownership", EdgeType::kOwns},          {"own", EdgeType::kOwns},
    {"operates", EdgeType::kOwns},           {"parent of", EdgeType::kOwns},
    {"acquires", EdgeType::kOwns},           {"acquired", EdgeType::kOwns},
    {"acquisition", EdgeType::kOwns},        {"acquire", EdgeType::kOwns},
    {"distribution", EdgeType::kDistributes}, {"distribute", EdgeType::kDistributes},
    {"resells", EdgeType::kDistributes},     {"exclusivity", EdgeType::kExclusive},
    {"exclusive rights", EdgeType::kExclusive},
    {"compute", EdgeType::kSuppliesCompute}, {"supplies compute", EdgeType::kSuppliesCompute},
    {"supplies chips", EdgeType::kSuppliesCompute},
    {"compute supply", EdgeType::kSuppliesCompute}, {"supplies gpus", EdgeType::kSuppliesCompute},
    {"provides compute", EdgeType::kSuppliesCompute}, {"compute deal", EdgeType::kSuppliesCompute},
    {"rivalry", EdgeType::kCompetes},        {"compete", EdgeType::kCompetes},
    {"rival", EdgeType::kCompetes},          {"rivals", EdgeType::kCompetes},
    {"competes with", EdgeType::kCompetes},  {"competitor", EdgeType::kCompetes},
    {"partnership", EdgeType::kPartners},    {"partner", EdgeType::kPartners},
    {"partners with", EdgeType::kPartners},
};

template <typename Enum, std::size_t N, std::size_t M>
std::optional<Enum> Lookup(std::string_view text, const std::array<std::string_view, N>& names,
                           const std::pair<std::string_view, Enum> (&synonyms)[M]) {
  const std::string word = NormaliseTypeWord(text);
  for (std::size_t i = 0; i < N; ++i) {
    if (word == names[i]) return static_cast<Enum>(i);
  }
  for (const auto& [name, value] : synonyms) {
    if (word == name) return value;
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
