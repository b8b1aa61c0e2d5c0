#pragma once
// Node and edge kinds of the data model (DESIGN §2), with their names and accepted synonyms.

#include <cstdint>
#include <optional>
#include <string_view>

namespace pg {

enum class NodeType : std::uint8_t {
  kCompany, kCloud, kInvestor, kPlatform, kChipmaker, kProduct, kProject, kOther
};
inline constexpr int kNodeTypeCount = 8;

enum class EdgeType : std::uint8_t {
  kInvests, kOwns, kDistributes, kExclusive, kSuppliesCompute, kCompetes, kPartners
};
inline constexpr int kEdgeTypeCount = 7;

/// How an amount was stated (DESIGN §7): `up to $100B` is a ceiling, `~$10B` approximate,
/// `$10B+` a floor. Reports show the qualifier beside the figure.
enum class AmountQualifier : std::uint8_t { kExact, kUpTo, kApprox, kAtLeast };

/// Where a deal stands, from an edge's `status` column; kUnknown when none was given.
enum class DealStatus : std::uint8_t { kUnknown, kAnnounced, kSigned, kClosed, kPaid, kDeployed };

/// Roles are what a node does (Amazon is investor|cloud); a bit per NodeType.
using RoleSet = std::uint16_t;
inline constexpr RoleSet RoleBit(NodeType type) { return RoleSet(1u << static_cast<int>(type)); }

std::string_view NodeTypeName(NodeType type);
std::string_view EdgeTypeName(EdgeType type);

/// Blind to case, spacing and punctuation (`Invests In` = `invests_in`, see type_words.h);
/// accepts the canonical names and their synonyms (`investment`, `supplies chips`, `acquires`,
/// `AI Lab`, `Neocloud`, ...). nullopt for a free-form type, which the loader keeps as written.
std::optional<NodeType> ParseNodeType(std::string_view text);
std::optional<EdgeType> ParseEdgeType(std::string_view text);

/// Comma-separated canonical names, for messages ("expected one of ...").
std::string_view NodeTypeChoices();
std::string_view EdgeTypeChoices();

/// competes and partners have no direction.
inline bool IsUndirected(EdgeType type) {
  return type == EdgeType::kCompetes || type == EdgeType::kPartners;
}

}  // namespace pg
