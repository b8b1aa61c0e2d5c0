#include "analysis/exclusivity.h"

#include <algorithm>

#include <fmt/format.h>

namespace pg {
namespace {

constexpr std::size_t kEdgesPerChannel = 10;
constexpr std::size_t kNamesShown = 5;

constexpr RoleSet kChannelRoles = RoleBit(NodeType::kPlatform) | RoleBit(NodeType::kCloud);

struct Channel {
  VertexId node;
  std::vector<EdgeId> distributes;  ///< active distributes edges out of it, by supplier
  std::vector<VertexId> carries;    ///< distinct suppliers, sorted
};

std::vector<Channel> FindChannels(const GraphView& view) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<Channel> channels;
  std::vector<bool> is_parent_only(graph.NodeCount(), false);
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    Channel channel{v, {}, {}};
    graph.ForOutEdges(v, [&](EdgeId e) {
      const Edge& edge = graph.GetEdge(e);
      if (edge.type == EdgeType::kDistributes && view.Active(e) && edge.to != v) {
        channel.distributes.push_back(e);
        channel.carries.push_back(edge.to);
      }
    });
    if (channel.distributes.empty() && !(graph.GetNode(v).roles & kChannelRoles)) continue;
    std::sort(channel.carries.begin(), channel.carries.end());
    channel.carries.erase(std::unique(channel.carries.begin(), channel.carries.end()), channel.carries.end());
    channels.push_back(std::move(channel));
  }
  // A platform/cloud-role node that is the rolled-up owner of another channel is represented by
  // that channel (Amazon by AWS and Bedrock), unless it distributes something itself.
  for (const Channel& channel : channels) {
    const VertexId top = view.Ultimate(channel.node);
    if (top != channel.node) is_parent_only[top] = true;
  }
  std::erase_if(channels, [&](const Channel& c) { return is_parent_only[c.node] && c.distributes.empty(); });
  return channels;
}

// "a, b, c and 12 more": messages stay one line on big graphs; parts hold the full list.
std::string ShortList(const std::vector<std::string>& items) {
  constexpr std::size_t kShown = 8;
  if (items.size() <= kShown) return fmt::format("{}", fmt::join(items, ", "));
  return fmt::format("{} and {} more", fmt::join(items.begin(), items.begin() + kShown, ", "), items.size() - kShown);
}

}  // namespace

Findings RunExclusivity(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  const auto& edges = graph.Edges();
  std::vector<Channel> channels;
  bool channels_found = false;
  Findings findings;
  for (EdgeId e = 0; e < edges.size(); ++e) {
    const Edge& exclusive = edges[e];
    if (exclusive.type != EdgeType::kExclusive || !view.Counted(e) || exclusive.from == exclusive.to) continue;
    if (!channels_found) {
      channels = FindChannels(view);
      channels_found = true;
    }
    const VertexId holder = exclusive.from, grantor = exclusive.to;
    const VertexId holder_owner = view.Ultimate(holder), grantor_owner = view.Ultimate(grantor);

    Finding finding;
    finding.pass = "exclusivity";
    finding.severity = FindingSeverity::kWarning;
    finding.subjects = {std::string(graph.NodeName(grantor)), std::string(graph.NodeName(holder))};
    finding.related.push_back(e);
    const std::string scope = graph.Details(exclusive).scope != kNoString ? std::string(graph.Text(graph.Details(exclusive).scope)) : "";
    finding.facts.emplace_back("holder", graph.NodeName(holder));
    finding.facts.emplace_back("holder_owner", graph.NodeName(holder_owner));
    if (grantor_owner != grantor) finding.facts.emplace_back("grantor_owner", graph.NodeName(grantor_owner));
    if (!scope.empty()) finding.facts.emplace_back("scope", scope);

    std::vector<std::string> distributing, other, own;
    for (const Channel& channel : channels) {
      const VertexId owner = view.Ultimate(channel.node);
      if (channel.node == grantor || owner == grantor_owner) continue;
      if (owner == holder_owner) {
        own.emplace_back(graph.NodeName(channel.node));
        continue;
      }
      FindingPart part;
      part.node = graph.NodeName(channel.node);
      part.figures.push_back({"carries", static_cast<double>(channel.carries.size())});
      for (std::size_t i = 0; i < channel.distributes.size() && i < kEdgesPerChannel; ++i) {
        part.edges.push_back(channel.distributes[i]);
      }
      finding.related.insert(finding.related.end(), part.edges.begin(), part.edges.end());
      const std::string owner_name(graph.NodeName(owner));
      if (channel.carries.empty()) {
        other.push_back(part.node);
      } else {
        std::vector<std::string_view> names;
        for (VertexId carried : channel.carries) names.push_back(graph.NodeName(carried));
        std::sort(names.begin(), names.end());
        names.resize(std::min(names.size(), kNamesShown));
        const std::size_t more = channel.carries.size() - names.size();
        distributing.push_back(fmt::format("{} ({}carries {}{})", part.node,
                                           owner != channel.node ? owner_name + "; " : std::string(),
                                           fmt::join(names, ", "),
                                           more ? fmt::format(" and {} more", more) : std::string()));
        if (std::binary_search(channel.carries.begin(), channel.carries.end(), grantor)) {
          finding.notes.push_back(fmt::format("{} already distributes {}: the exclusivity limits rather than "
                                              "prevents this channel",
                                              part.node, graph.NodeName(grantor)));
        }
      }
      finding.facts.emplace_back("channel_owner:" + part.node, owner_name);
      finding.subjects.push_back(part.node);
      finding.parts.push_back(std::move(part));
    }
    if (!own.empty()) finding.facts.emplace_back("holder_channels", fmt::format("{}", fmt::join(own, ", ")));
    finding.figures.push_back({"blocked_channels", static_cast<double>(distributing.size())});
    finding.figures.push_back({"other_channels", static_cast<double>(other.size())});

    const std::string holder_text =
        holder_owner != holder ? fmt::format("{} (owner {})", graph.NodeName(holder), graph.NodeName(holder_owner))
                               : std::string(graph.NodeName(holder));
    const std::string grantor_text =
        grantor_owner != grantor ? fmt::format("{} (a {} of {})", graph.NodeName(grantor),
                                               NodeTypeName(graph.GetNode(grantor).type), graph.NodeName(grantor_owner))
                                 : std::string(graph.NodeName(grantor));
    std::string message = fmt::format("{} holds exclusive rights over {}{}", holder_text, grantor_text,
                                      scope.empty() ? std::string() : fmt::format(" (scope: {})", scope));
    if (distributing.empty() && other.empty()) {
      message += "; no channel outside " + std::string(graph.NodeName(holder_owner)) + " on record";
    } else {
      message += fmt::format(": {} is blocked from {} channel{} {} does not own", graph.NodeName(grantor),
                             distributing.size() + other.size(),
                             distributing.size() + other.size() == 1 ? "" : "s", graph.NodeName(holder_owner));
      if (!distributing.empty()) message += " — " + ShortList(distributing);
      if (!other.empty()) {
        message += fmt::format("{}{}{}", distributing.empty() ? " — " : "; and ",
                               other.size() == 1 ? "cloud/platform " : "clouds/platforms ", ShortList(other));
      }
    }
    finding.message = std::move(message);
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace pg
