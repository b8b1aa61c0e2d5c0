#include "io/snapshot_codec.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <type_traits>

#include <fmt/format.h>

#include "graph/huge_pages.h"
#include "io/snapshot_format.h"
#include "io/xxh64.h"

namespace pg {
namespace {

using namespace snapshot;

// A field added to a record must be added to its list below (and kSchema bumped), or it would
// be written as zero: these sizes make the compiler say so.
static_assert(sizeof(Node) == 56, "Node changed: update NodeFields and bump kSchema");
static_assert(sizeof(Edge) == 56, "Edge changed: update EdgeFields and bump kSchema");
static_assert(sizeof(EdgeDetails) == 72, "EdgeDetails changed: update DetailFields and bump kSchema");
static_assert(sizeof(Metric) == 56, "Metric changed: update MetricFields and bump kSchema");
static_assert(std::is_trivially_copyable_v<Node> && std::is_trivially_copyable_v<Edge> &&
              std::is_trivially_copyable_v<EdgeDetails> && std::is_trivially_copyable_v<Metric>);
constexpr std::uint64_t kSchema = 2;

template <typename Visit> void NodeFields(const Node& n, Visit&& v) {
  v(n.id), v(n.label), v(n.type), v(n.type_label), v(n.roles), v(n.markets), v(n.tags), v(n.description);
  v(n.source), v(n.attributes), v(n.origin);
}
template <typename Visit> void EdgeFields(const Edge& e, Visit&& v) {
  v(e.from), v(e.to), v(e.type), v(e.directed), v(e.amount_usd), v(e.confidence), v(e.start), v(e.end);
  v(e.source), v(e.details), v(e.origin);
}
template <typename Visit> void DetailFields(const EdgeDetails& d, Visit&& v) {
  v(d.stake_pct), v(d.share_pct), v(d.revenue_usd), v(d.capacity_gw), v(d.reported), v(d.scope), v(d.note);
  v(d.attributes), v(d.type_label), v(d.original_amount), v(d.currency), v(d.qualifier), v(d.status);
}
template <typename Visit> void MetricFields(const Metric& m, Visit&& v) {
  v(m.entity), v(m.metric), v(m.value), v(m.unit), v(m.as_of), v(m.basis), v(m.source), v(m.confidence);
  v(m.note), v(m.attributes), v(m.origin);
}

/// Where each field of `record` sits, in order.
template <typename Record, typename Fields> void AddOffsets(const Record& record, Fields fields, std::vector<std::uint64_t>* out) {
  fields(record, [&](const auto& field) {
    out->push_back(reinterpret_cast<const char*>(&field) - reinterpret_cast<const char*>(&record));
    out->push_back(sizeof field);
  });
}

/// Appends sections to the file, each at an aligned offset, and notes them in the header.
class SectionWriter {
 public:
  SectionWriter(std::string* out, Header* header) : out_(out), header_(header) {}

  template <typename T> void Put(Section section, const T* data, std::size_t count) {
    char* at = Open(section, sizeof(T), count);
    if (count > 0) std::memcpy(at, data, count * sizeof(T));
  }
  template <typename T> void Put(Section section, std::span<const T> data) { Put(section, data.data(), data.size()); }
  template <typename T> void Put(Section section, const std::vector<T>& data) { Put(section, data.data(), data.size()); }
  template <typename T> void Put(Section section, const Column<T>& data) { Put(section, data.data(), data.size()); }
  /// Records copied field by field into zeroed space, so that no padding byte of memory leaks
  /// into the file and the same model always gives the same bytes.
  template <typename T, typename Fields> void PutScrubbed(Section section, std::span<const T> records, Fields fields) {
    char* base = Open(section, sizeof(T), records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
      const T& record = records[i];
      char* to = base + i * sizeof(T);
      fields(record, [&](const auto& field) {
        std::memcpy(to + (reinterpret_cast<const char*>(&field) - reinterpret_cast<const char*>(&record)), &field, sizeof field);
      });
    }
  }

 private:
  char* Open(Section section, std::size_t size, std::size_t count) {
    const std::size_t offset = (out_->size() + kAlignment - 1) / kAlignment * kAlignment;
    out_->resize(offset + size * count, '\0');
    header_->sections[section] = SectionEntry{offset, size * count, count};
    return out_->data() + offset;
  }
  std::string* out_;
  Header* header_;
};

/// Texts back to back with their start offsets (one more than texts).
template <typename Texts> void PutTexts(SectionWriter& writer, Section bytes, Section offsets, const Texts& texts) {
  std::string joined;
  std::vector<std::uint64_t> starts{0};
  for (std::string_view text : texts) {
    joined += text;
    starts.push_back(joined.size());
  }
  writer.Put(bytes, joined.data(), joined.size());
  writer.Put(offsets, starts);
}

}  // namespace

std::uint64_t snapshot::LayoutFingerprint() {
  std::vector<std::uint64_t> layout{kSchema, sizeof(Node), sizeof(Edge), sizeof(EdgeDetails), sizeof(Metric),
                                    sizeof(Attribute), sizeof(StrId), sizeof(VertexId), sizeof(EdgeId), sizeof(Header)};
  AddOffsets(Node{}, [](const Node& n, auto&& v) { NodeFields(n, v); }, &layout);
  AddOffsets(Edge{}, [](const Edge& e, auto&& v) { EdgeFields(e, v); }, &layout);
  AddOffsets(EdgeDetails{}, [](const EdgeDetails& d, auto&& v) { DetailFields(d, v); }, &layout);
  AddOffsets(Metric{}, [](const Metric& m, auto&& v) { MetricFields(m, v); }, &layout);
  return Xxh64({reinterpret_cast<const char*>(layout.data()), layout.size() * sizeof(std::uint64_t)});
}

std::vector<StringPool::Entry> SnapshotCodec::JoinStrings(const StringPool& pool, std::string* joined) {
  static_assert(sizeof(StringPool::Entry) == 16 && std::is_trivially_copyable_v<StringPool::Entry>);
  std::vector<StringPool::Entry> entries;
  entries.reserve(pool.Size());
  for (std::uint32_t id = 0; id < pool.Size(); ++id) {
    const std::string_view text = pool.View(StrId{id});
    entries.push_back(StringPool::Entry{joined->size(), static_cast<std::uint32_t>(text.size()), 0});
    *joined += text;
  }
  return entries;
}

std::string SnapshotCodec::Encode(const PartnershipGraph& graph) {
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kFormatVersion;
  header.byte_order = kByteOrderMark;
  header.fingerprint = LayoutFingerprint();
  header.section_count = kSectionCount;
  std::string out(sizeof(Header), '\0');
  SectionWriter writer(&out, &header);

  const StringPool& pool = graph.strings_;
  std::string joined;
  const std::vector<StringPool::Entry> entries = JoinStrings(pool, &joined);
  writer.Put(kStringBytes, joined.data(), joined.size());
  writer.Put(kStringEntries, entries);
  writer.Put(kStringSlots, pool.slots_.get(), pool.slot_count_);
  std::vector<std::string_view> source_texts;
  for (const SourceFile& source : graph.sources_) source_texts.insert(source_texts.end(), {source.file, source.sheet});
  PutTexts(writer, kSourceBytes, kSourceOffsets, source_texts);

  writer.PutScrubbed(kNodes, graph.nodes_.Span(), [](const Node& n, auto&& v) { NodeFields(n, v); });
  writer.Put(kNodeLists, graph.node_lists_);
  writer.PutScrubbed(kEdges, graph.edges_.Span(), [](const Edge& e, auto&& v) { EdgeFields(e, v); });
  writer.PutScrubbed(kEdgeDetails, graph.edge_details_.Span(), [](const EdgeDetails& d, auto&& v) { DetailFields(d, v); });
  writer.PutScrubbed(kMetrics, graph.metrics_.Span(), [](const Metric& m, auto&& v) { MetricFields(m, v); });
  writer.Put(kAttributeStarts, graph.attribute_starts_);
  writer.Put(kAttributes, graph.attributes_);
  writer.Put(kVertexById, graph.vertex_by_id_);
  writer.Put(kVertexByLabel, graph.vertex_by_label_);
  const Topology& topo = graph.topology_;
  writer.Put(kOutRowStart, topo.out.starts);
  writer.Put(kOutColumn, topo.out.ends);
  writer.Put(kOutEdge, topo.out.edges);
  writer.Put(kInRowStart, topo.in.starts);
  writer.Put(kInColumn, topo.in.ends);
  writer.Put(kInEdge, topo.in.edges);

  header.payload_offset = sizeof(Header);
  header.file_bytes = out.size();
  header.payload_checksum = Xxh64(std::string_view(out).substr(sizeof(Header)));
  std::memcpy(out.data(), &header, sizeof header);
  header.header_checksum = Xxh64(std::string_view(out.data(), offsetof(Header, header_checksum)));
  std::memcpy(out.data(), &header, sizeof header);
  return out;
}

}  // namespace pg

// ---- reading ------------------------------------------------------------------------------

namespace pg {
namespace snapshot {

/// The sections of a file, each checked against the file's bounds before anything is read, and
/// the first problem found. The file starts on a 64-byte boundary (a mapping, or an aligned
/// copy), so every section is aligned for its records and is viewed where it lies.
class SectionReader {
 public:
  SectionReader(std::string_view file, std::shared_ptr<const void> keep_alive, std::string* problem)
      : file_(file), keep_alive_(std::move(keep_alive)), problem_(problem) {
    std::memcpy(&header_, file.data(), sizeof header_);
  }
  /// Every section inside the file, aligned, and a whole number of `sizes[s]`-byte records.
  bool CheckBounds(const std::size_t (&sizes)[kSectionCount]) {
    if (reinterpret_cast<std::uintptr_t>(file_.data()) % kAlignment != 0) return Fail("the file is not aligned in memory");
    for (std::uint32_t s = 0; s < kSectionCount; ++s) {
      const SectionEntry& e = header_.sections[s];
      const bool inside = e.offset >= sizeof(Header) && e.offset <= file_.size() && e.bytes <= file_.size() - e.offset;
      if (!inside || e.offset % kAlignment != 0 || e.bytes % sizes[s] != 0 || e.bytes / sizes[s] != e.count) {
        return Fail(fmt::format("section {} (offset {}, {} bytes) does not fit the file of {} bytes", s, e.offset, e.bytes,
                                file_.size()));
      }
    }
    return true;
  }
  std::size_t Count(Section s) const { return header_.sections[s].count; }
  const char* Raw(Section s) const { return file_.data() + header_.sections[s].offset; }
  /// The section's records where they lie (CheckBounds made sure they fit and are aligned).
  template <typename T> std::span<const T> Span(Section s) const {
    return {reinterpret_cast<const T*>(Raw(s)), Count(s)};
  }
  /// The same as a column of the graph, keeping the file alive.
  template <typename T> Column<T> View(Section s) const { return Column<T>(Span<T>(s), keep_alive_); }
  const std::shared_ptr<const void>& KeepAlive() const { return keep_alive_; }
  bool Fail(std::string problem) {
    if (problem_->empty()) *problem_ = std::move(problem);
    return false;
  }

 private:
  std::string_view file_;
  std::shared_ptr<const void> keep_alive_;
  std::string* problem_;
  Header header_;
};

}  // namespace snapshot

namespace {

using namespace snapshot;

// The checks run as tight loops over the mapped arrays: each folds every record's verdict into
// one flag, which the compiler can vectorise, and only a file that fails is searched again for
// the first bad record, which the message names.

/// The first record for which `bad` holds, or records.size().
template <typename T, typename Bad> std::size_t FirstBad(std::span<const T> records, Bad&& bad) {
  bool any = false;
  for (const T& record : records) any |= bad(record);
  if (!any) return records.size();
  std::size_t i = 0;
  while (!bad(records[i])) ++i;
  return i;
}

/// Starts of a list of ranges: `count` + 1 of them, from 0, never decreasing, ending at `total`.
template <typename T> bool ValidStarts(std::span<const T> starts, std::size_t count, std::uint64_t total) {
  if (starts.size() != count + 1 || starts.front() != 0 || starts.back() != total) return false;
  bool falls = false;
  for (std::size_t i = 1; i < starts.size(); ++i) falls |= starts[i] < starts[i - 1];
  return !falls;
}

bool ValidDate(Date date) {
  return date.Packed() >= 0 && date.Month() <= 12 && date.Day() <= 31 && (date.Day() == 0 || date.Month() > 0);
}

/// What the records may refer to: how many strings, nodes, details, attribute sets, sources
/// and list entries.
struct Bounds {
  std::size_t strings, nodes, details, sets, sources, lists;
  bool Str(StrId id) const { return StrIndex(id) < strings; }
  bool Set(std::uint32_t set) const { return set < sets; }
  bool From(const Origin& origin) const { return origin.source < sources || (sources == 0 && origin.source == 0); }
  bool List(StrList list) const { return std::uint64_t{list.begin} + list.count <= lists; }
};

std::optional<std::vector<SourceFile>> DecodeSources(SectionReader& in) {
  const std::span<const std::uint64_t> starts = in.Span<std::uint64_t>(kSourceOffsets);
  if (starts.empty() || starts.size() % 2 != 1 || !ValidStarts(starts, starts.size() - 1, in.Count(kSourceBytes))) {
    in.Fail("the source file names are out of bounds");
    return std::nullopt;
  }
  const char* bytes = in.Raw(kSourceBytes);
  const auto text = [&](std::size_t i) { return std::string(bytes + starts[i], starts[i + 1] - starts[i]); };
  std::vector<SourceFile> sources;
  for (std::size_t i = 0; i + 1 < starts.size(); i += 2) sources.push_back(SourceFile{text(i), text(i + 1)});
  return sources;
}

bool CheckAttributes(SectionReader& in, std::size_t strings) {
  const auto starts = in.Span<std::uint32_t>(kAttributeStarts);
  const auto attributes = in.Span<Attribute>(kAttributes);
  if (starts.size() < 2 || !ValidStarts(starts, starts.size() - 1, attributes.size()) || starts[1] != 0) {
    return in.Fail("the attribute sets are out of bounds");
  }
  const auto known = [&](StrId id) { return StrIndex(id) < strings; };
  const std::size_t bad = FirstBad(attributes, [&](const Attribute& a) { return !known(a.key) | !known(a.value); });
  if (bad == attributes.size()) return true;
  const Attribute& a = attributes[bad];
  return in.Fail(fmt::format("an attribute is string {} of {}", StrIndex(known(a.key) ? a.value : a.key), strings));
}

bool CheckNodes(SectionReader& in, const Bounds& bounds) {
  const auto lists = in.Span<StrId>(kNodeLists);
  const std::size_t stray = FirstBad(lists, [&](StrId id) { return !bounds.Str(id); });
  if (stray != lists.size()) {
    return in.Fail(fmt::format("a node's market or tag is string {} of {}", StrIndex(lists[stray]), bounds.strings));
  }
  if (in.Count(kNodes) >= kNoVertex) return in.Fail("the file holds more nodes than a graph can");
  const std::size_t bad = FirstBad(in.Span<Node>(kNodes), [&](const Node& n) {
    return !(bounds.Str(n.id) & bounds.Str(n.label) & bounds.Str(n.type_label) & bounds.Str(n.description) &
             bounds.Str(n.source) & bounds.List(n.markets) & bounds.List(n.tags) &
             (static_cast<int>(n.type) < kNodeTypeCount) & bounds.Set(n.attributes) & bounds.From(n.origin));
  });
  return bad == in.Count(kNodes) || in.Fail(fmt::format("node {} refers to something the file does not hold", bad));
}

bool CheckEdges(SectionReader& in, const Bounds& bounds) {
  const std::size_t bad = FirstBad(in.Span<Edge>(kEdges), [&](const Edge& e) {
    // A bool must hold 0 or 1: its byte is looked at as a byte, not read as a bool.
    unsigned char directed;
    std::memcpy(&directed, reinterpret_cast<const char*>(&e) + offsetof(Edge, directed), 1);
    return (directed > 1) | (e.from >= bounds.nodes) | (e.to >= bounds.nodes) |
           (static_cast<int>(e.type) >= kEdgeTypeCount) | !bounds.Str(e.source) | (e.details >= bounds.details) |
           !bounds.From(e.origin) | !ValidDate(e.start) | !ValidDate(e.end);
  });
  return bad == in.Count(kEdges) || in.Fail(fmt::format("edge {} refers to something the file does not hold", bad));
}

bool CheckDetails(SectionReader& in, const Bounds& bounds) {
  const auto details = in.Span<EdgeDetails>(kEdgeDetails);
  if (details.empty()) return in.Fail("the edge details lack the empty entry 0");
  const std::size_t bad = FirstBad(details, [&](const EdgeDetails& d) {
    return !bounds.Str(d.scope) | !bounds.Str(d.note) | !bounds.Str(d.type_label) | !bounds.Str(d.currency) |
           !bounds.Set(d.attributes) | (static_cast<int>(d.qualifier) > 3) | (static_cast<int>(d.status) > 5) |
           !ValidDate(d.reported);
  });
  return bad == details.size() || in.Fail(fmt::format("edge details {} refer to something the file does not hold", bad));
}

bool CheckMetrics(SectionReader& in, const Bounds& bounds) {
  const auto metrics = in.Span<Metric>(kMetrics);
  const std::size_t bad = FirstBad(metrics, [&](const Metric& m) {
    return (m.entity >= bounds.nodes) | !bounds.Str(m.metric) | !bounds.Str(m.unit) | !bounds.Str(m.basis) |
           !bounds.Str(m.source) | !bounds.Str(m.note) | !bounds.Set(m.attributes) | !bounds.From(m.origin) |
           !ValidDate(m.as_of);
  });
  return bad == metrics.size() || in.Fail(fmt::format("metric {} refers to something the file does not hold", bad));
}

/// One direction of the topology: starts from 0 to `edges`, never falling, one a vertex plus
/// one; every entry's other end a vertex and its edge an edge.
bool CheckAdjacency(SectionReader& in, Section starts, Section ends, Section edge_ids, std::size_t vertices,
                    std::size_t edges) {
  const bool ok = in.Count(ends) == edges && in.Count(edge_ids) == edges &&
                  ValidStarts(in.Span<EdgeId>(starts), vertices, edges) &&
                  FirstBad(in.Span<VertexId>(ends), [&](VertexId v) { return v >= vertices; }) == edges &&
                  FirstBad(in.Span<EdgeId>(edge_ids), [&](EdgeId e) { return e >= edges; }) == edges;
  return ok || in.Fail("the topology's arrays do not match its nodes and edges");
}

Adjacency ViewAdjacency(const SectionReader& in, Section starts, Section ends, Section edge_ids) {
  return {in.View<EdgeId>(starts), in.View<VertexId>(ends), in.View<EdgeId>(edge_ids)};
}

}  // namespace

bool SnapshotCodec::DecodeStrings(SectionReader& in, StringPool* pool) {
  static_assert(sizeof(StringPool::Slot) == 16 && std::is_trivially_copyable_v<StringPool::Slot>);
  const auto entries = in.Span<StringPool::Entry>(kStringEntries);
  const std::uint64_t total = in.Count(kStringBytes);
  const bool stray = FirstBad(entries, [&](const StringPool::Entry& e) {
    return (e.block != 0) | (e.offset > total) | (e.length > total - e.offset);
  }) != entries.size();
  if (entries.empty() || entries[0].length != 0 || stray || entries.size() >= ~std::uint32_t{0}) {
    return in.Fail("the string table is out of bounds");
  }
  const std::size_t strings = entries.size();
  const auto slots = in.Span<StringPool::Slot>(kStringSlots);
  std::size_t used = 0;
  bool strays = false;
  for (const StringPool::Slot& slot : slots) {
    const bool full = slot.id != ~std::uint32_t{0};
    strays |= full & (slot.id >= strings);
    used += full;
  }
  if (strays) return in.Fail("the string index names a string the file does not hold");
  if (slots.empty() || (slots.size() & (slots.size() - 1)) != 0 || used > strings || strings * 4 > slots.size() * 3) {
    return in.Fail("the string index does not match the strings");
  }
  pool->entries_ = in.View<StringPool::Entry>(kStringEntries);
  pool->bases_ = {in.Raw(kStringBytes)};
  pool->blocks_.clear();
  pool->block_size_ = pool->block_used_ = 0;
  // Viewed, not owned: the pool copies the table before it takes a new string (OwnStorage).
  pool->slots_ = std::unique_ptr<StringPool::Slot[], StringPool::FreeSlots>(const_cast<StringPool::Slot*>(slots.data()),
                                                                            StringPool::FreeSlots{true});
  pool->slot_count_ = slots.size();
  pool->mapping_ = in.KeepAlive();
  return true;
}

bool SnapshotCodec::Decode(std::string_view file, std::shared_ptr<const void> keep_alive, PartnershipGraph* graph,
                           std::string* problem) {
  SectionReader in(file, std::move(keep_alive), problem);
  static constexpr std::size_t kSizes[kSectionCount] = {
      1, sizeof(StringPool::Entry), sizeof(StringPool::Slot), 1, 8, sizeof(Node), sizeof(StrId), sizeof(Edge),
      sizeof(EdgeDetails), sizeof(Metric), sizeof(std::uint32_t), sizeof(Attribute), sizeof(VertexId), sizeof(VertexId),
      sizeof(EdgeId), sizeof(VertexId), sizeof(EdgeId), sizeof(EdgeId), sizeof(VertexId), sizeof(EdgeId)};
  PartnershipGraph g;
  if (!in.CheckBounds(kSizes) || !DecodeStrings(in, &g.strings_)) return false;
  std::optional<std::vector<SourceFile>> sources = DecodeSources(in);
  if (!sources || !CheckAttributes(in, g.strings_.Size())) return false;
  const std::size_t nodes = in.Count(kNodes), edges = in.Count(kEdges);
  const Bounds bounds{g.strings_.Size(), nodes, in.Count(kEdgeDetails), in.Count(kAttributeStarts) - 1, sources->size(),
                      in.Count(kNodeLists)};
  if (!CheckNodes(in, bounds) || !CheckEdges(in, bounds) || !CheckDetails(in, bounds) || !CheckMetrics(in, bounds)) {
    return false;
  }
  const std::size_t stray = FirstBad(in.Span<VertexId>(kVertexById), [&](VertexId v) { return v >= nodes && v != kNoVertex; });
  if (stray != in.Count(kVertexById)) {
    return in.Fail(fmt::format("the id index names node {} of {}", in.Span<VertexId>(kVertexById)[stray], nodes));
  }
  if (edges >= ~EdgeId{0} || !CheckAdjacency(in, kOutRowStart, kOutColumn, kOutEdge, nodes, edges) ||
      !CheckAdjacency(in, kInRowStart, kInColumn, kInEdge, nodes, edges)) {
    return in.Fail("the topology's arrays do not match its nodes and edges");
  }
  g.sources_ = std::move(*sources);
  g.nodes_ = in.View<Node>(kNodes);
  g.node_lists_ = in.View<StrId>(kNodeLists);
  g.edges_ = in.View<Edge>(kEdges);
  g.edge_details_ = in.View<EdgeDetails>(kEdgeDetails);
  g.metrics_ = in.View<Metric>(kMetrics);
  g.attribute_starts_ = in.View<std::uint32_t>(kAttributeStarts);
  g.attributes_ = in.View<Attribute>(kAttributes);
  g.vertex_by_id_ = in.View<VertexId>(kVertexById);
  g.vertex_by_label_ = in.View<VertexId>(kVertexByLabel);
  g.topology_.out = ViewAdjacency(in, kOutRowStart, kOutColumn, kOutEdge);
  g.topology_.in = ViewAdjacency(in, kInRowStart, kInColumn, kInEdge);
  *graph = std::move(g);
  return true;
}

}  // namespace pg
