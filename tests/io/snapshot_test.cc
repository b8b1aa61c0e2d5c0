// Binary snapshots: what comes out of a `.pgraph` is what went in (the same findings, the same
// model written back), and a file that is not a good snapshot is refused with what to do.

#include "io/snapshot.h"

#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "io/json_model.h"
#include "io/snapshot_format.h"
#include "io/xxh64.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::ExampleDir;
using testing::MustLoad;
using testing::ReadAll;
using testing::TempDir;
using testing::TestDataDir;

/// `convert SOURCE -o DIR/NAME.pgraph`, checked; returns the snapshot's path.
std::string MakeSnapshot(const std::string& source, const TempDir& dir, const std::string& name = "model.pgraph") {
  const std::string path = (dir.Path() / name).string();
  const CliRun run = Cli({"convert", source, "-o", path});
  EXPECT_EQ(run.code, 0) << run.err;
  return path;
}

/// What `analyze --format json` prints for `input`.
std::string AnalyzeJson(const std::string& input) {
  const CliRun run = Cli({"analyze", input, "--format", "json", "-q"});
  EXPECT_EQ(run.code, 0) << run.err;
  return run.out;
}

/// The error `analyze` prints for a bad snapshot, after checking it fails with status 2.
std::string RefusalOf(const std::string& path) {
  const CliRun run = Cli({"analyze", path});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.out, "");
  return run.err;
}

class SnapshotRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(SnapshotRoundTrip, GivesTheSameFindingsAndTheSameModel) {
  const std::string source = GetParam() == "example" ? ExampleDir() : TestDataDir() + "/" + GetParam();
  TempDir dir;
  const std::string snapshot = MakeSnapshot(source, dir);
  EXPECT_EQ(AnalyzeJson(snapshot), AnalyzeJson(source));
  const std::string from_snapshot = (dir.Path() / "a.json").string();
  const std::string from_source = (dir.Path() / "b.json").string();
  ASSERT_EQ(Cli({"convert", snapshot, "-o", from_snapshot, "-q"}).code, 0);
  ASSERT_EQ(Cli({"convert", source, "-o", from_source, "-q"}).code, 0);
  EXPECT_EQ(ReadAll(from_snapshot), ReadAll(from_source));
  EXPECT_GT(ReadAll(from_source).size(), 1000u);
}

INSTANTIATE_TEST_SUITE_P(Inputs, SnapshotRoundTrip, ::testing::Values("example", "kumu_ai_infra"));

TEST(Snapshot, ConvertSaysWhatItWrote) {
  TempDir dir;
  const std::string path = (dir.Path() / "big.pgraph").string();
  const CliRun run = Cli({"convert", ExampleDir(), "-o", path});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, fmt::format("wrote 13 nodes, 20 edges, 21 metrics to {} (pgraph)\n", path));
  // --to pgraph whatever the name says; the magic, not the extension, makes it a snapshot.
  const std::string other = (dir.Path() / "model.bin").string();
  ASSERT_EQ(Cli({"convert", ExampleDir(), "-o", other, "--to", "pgraph", "-q"}).code, 0);
  EXPECT_EQ(ReadAll(other), ReadAll(path));
  EXPECT_EQ(AnalyzeJson(other), AnalyzeJson(ExampleDir()));
}

TEST(Snapshot, SameModelSameBytes) {
  TempDir dir;
  const std::string first = ReadAll(MakeSnapshot(ExampleDir(), dir, "a.pgraph"));
  const std::string again = ReadAll(MakeSnapshot(ExampleDir(), dir, "b.pgraph"));
  EXPECT_EQ(first, again);
  EXPECT_EQ(first.substr(0, 7), std::string("PGRAPH\0", 7));
}

TEST(Snapshot, KeepsLookupsAndTheTopology) {
  const PartnershipGraph source = MustLoad({ExampleDir()});
  TempDir dir;
  Diagnostics diagnostics;
  std::optional<PartnershipGraph> graph = ReadSnapshotFile(MakeSnapshot(ExampleDir(), dir), &diagnostics);
  ASSERT_TRUE(graph) << diagnostics.All().front().message;
  ASSERT_EQ(graph->NodeCount(), source.NodeCount());
  EXPECT_EQ(graph->FindNode("Amazon"), source.FindNode("Amazon"));
  EXPECT_EQ(graph->FindNode("Anthropic"), source.FindNode("Anthropic"));
  EXPECT_EQ(graph->FindNode("nobody"), std::nullopt);
  EXPECT_EQ(graph->SpellcheckNode("Antropic"), "Anthropic");
  for (VertexId v = 0; v < source.NodeCount(); ++v) {
    std::vector<EdgeId> out_a, out_b, in_a, in_b;
    source.ForOutEdges(v, [&](EdgeId e) { out_a.push_back(e); });
    graph->ForOutEdges(v, [&](EdgeId e) { out_b.push_back(e); });
    source.ForInEdges(v, [&](EdgeId e) { in_a.push_back(e); });
    graph->ForInEdges(v, [&](EdgeId e) { in_b.push_back(e); });
    EXPECT_EQ(out_a, out_b) << v;
    EXPECT_EQ(in_a, in_b) << v;
  }
  // Strings interned after the load land beside the restored ones.
  StringPool& pool = const_cast<StringPool&>(graph->Strings());
  const StrId fresh = pool.Intern("a string no input holds");
  EXPECT_EQ(StrIndex(fresh), source.Strings().Size());
  StrId amazon = kNoString;
  ASSERT_TRUE(source.Strings().Find("Amazon", &amazon));
  EXPECT_EQ(pool.Intern("Amazon"), amazon);
  EXPECT_EQ(graph->Text(fresh), "a string no input holds");
}

class SnapshotRefusal : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = MakeSnapshot(ExampleDir(), dir_, "big.pgraph");
    bytes_ = ReadAll(path_);
  }
  /// Writes `bytes` over the snapshot and returns what analyze says.
  std::string RefusalAfterWriting(const std::string& bytes) {
    dir_.Write("big.pgraph", bytes);
    return RefusalOf(path_);
  }
  std::string Expected(const std::string& what) const {
    return fmt::format("{}: error: {}; re-create it with: partnergraph convert SOURCES -o big.pgraph\n", path_, what);
  }
  /// The header with `change` applied and its checksum made right again.
  std::string WithHeader(void (*change)(snapshot::Header*)) const {
    snapshot::Header header;
    std::memcpy(&header, bytes_.data(), sizeof header);
    change(&header);
    header.header_checksum = Xxh64(std::string_view(reinterpret_cast<const char*>(&header),
                                                    offsetof(snapshot::Header, header_checksum)));
    std::string changed = bytes_;
    std::memcpy(changed.data(), &header, sizeof header);
    return changed;
  }
  TempDir dir_;
  std::string path_;
  std::string bytes_;
};

TEST_F(SnapshotRefusal, EmptyFile) {
  EXPECT_EQ(RefusalAfterWriting(""), Expected("empty file, not a partnergraph snapshot"));
}

TEST_F(SnapshotRefusal, ForeignFileNamedPgraph) {
  EXPECT_EQ(RefusalAfterWriting("id,label\nAmazon,Amazon\n"),
            Expected("not a partnergraph snapshot (it does not start with \"PGRAPH\")"));
  std::string noise(4096, '\0');
  for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>((i * 2654435761u) >> 13);
  EXPECT_EQ(RefusalAfterWriting(noise), Expected("not a partnergraph snapshot (it does not start with \"PGRAPH\")"));
}

TEST_F(SnapshotRefusal, Truncated) {
  const std::size_t half = bytes_.size() / 2;
  EXPECT_EQ(RefusalAfterWriting(bytes_.substr(0, half)),
            Expected(fmt::format("truncated snapshot ({} bytes; it was written with {})", half, bytes_.size())));
  EXPECT_EQ(RefusalAfterWriting(bytes_.substr(0, 100)), Expected("truncated snapshot (100 bytes, less than its header)"));
  EXPECT_EQ(RefusalAfterWriting(bytes_.substr(0, 12)), Expected("truncated snapshot (12 bytes, less than its header)"));
}

TEST_F(SnapshotRefusal, OlderAndNewerFormat) {
  EXPECT_EQ(RefusalAfterWriting(WithHeader([](snapshot::Header* h) { h->version = 0; })),
            Expected("written by an older partnergraph (format 0; this one reads format 2)"));
  EXPECT_EQ(RefusalAfterWriting(WithHeader([](snapshot::Header* h) { h->version = 9; })),
            Expected("written by a newer partnergraph (format 9; this one reads format 2)"));
}

TEST_F(SnapshotRefusal, OtherModelLayoutOrByteOrder) {
  EXPECT_EQ(RefusalAfterWriting(WithHeader([](snapshot::Header* h) { h->fingerprint ^= 1; })),
            Expected("written by a partnergraph build with another model layout"));
  EXPECT_EQ(RefusalAfterWriting(WithHeader([](snapshot::Header* h) { h->byte_order = 0x04030201; })),
            Expected("written on a machine of the other byte order"));
}

TEST_F(SnapshotRefusal, FlippedByteInTheHeader) {
  std::string flipped = bytes_;
  flipped[offsetof(snapshot::Header, sections) + 3] ^= 0x10;
  EXPECT_EQ(RefusalAfterWriting(flipped), Expected("corrupted snapshot (the header's checksum does not match)"));
}

TEST_F(SnapshotRefusal, SectionOutsideTheFile) {
  EXPECT_EQ(RefusalAfterWriting(WithHeader([](snapshot::Header* h) { h->sections[snapshot::kEdges].offset = 1ull << 40; })),
            Expected(fmt::format("corrupted snapshot (section 7 (offset 1099511627776, 1120 bytes) does not fit the file "
                                 "of {} bytes)",
                                 bytes_.size())));
}

TEST_F(SnapshotRefusal, FlippedDataByteIsFoundByValidate) {
  snapshot::Header header;
  std::memcpy(&header, bytes_.data(), sizeof header);
  std::string flipped = bytes_;
  flipped[header.sections[snapshot::kEdges].offset + offsetof(Edge, amount_usd) + 6] ^= 0x01;  // $50B -> another figure
  dir_.Write("big.pgraph", flipped);
  const CliRun run = Cli({"validate", path_});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, Expected("corrupted snapshot (the checksum of its data does not match)") + "1 error; nothing loaded\n");
  Diagnostics diagnostics;
  EXPECT_FALSE(ReadSnapshot(flipped, "x.pgraph", &diagnostics, SnapshotCheck::kChecksum));
  EXPECT_TRUE(ReadSnapshot(flipped, "x.pgraph", &diagnostics, SnapshotCheck::kStructure));  // the trade: no full pass
  dir_.Write("big.pgraph", bytes_);
  EXPECT_EQ(Cli({"validate", path_, "-q"}).code, 0);
}

TEST_F(SnapshotRefusal, IndexOutOfBoundsInTheData) {
  snapshot::Header header;
  std::memcpy(&header, bytes_.data(), sizeof header);
  std::string changed = bytes_;
  const VertexId far = 1u << 30;
  std::memcpy(changed.data() + header.sections[snapshot::kEdges].offset + offsetof(Edge, to), &far, sizeof far);
  EXPECT_EQ(RefusalAfterWriting(changed), Expected("corrupted snapshot (edge 0 refers to something the file does not hold)"));
}

}  // namespace
}  // namespace pg
