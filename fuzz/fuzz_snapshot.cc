// libFuzzer target: any bytes as a `.pgraph` snapshot. Random bytes rarely pass the header's
// magic, version and checksum, so the harness makes those right (when the input is long enough)
// and lets the fuzzer reach what matters: every section's offset and length, and every index the
// graph follows, checked before use. A graph that is accepted is analysed by every pass.
// Seeds: fuzz/seeds/fuzz_snapshot (a snapshot of tests/data/kumu_ai_infra).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "analysis/pass_registry.h"
#include "graph/graph_view.h"
#include "io/snapshot.h"
#include "io/snapshot_format.h"
#include "io/xxh64.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace snap = pg::snapshot;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.size() >= sizeof(snap::Header) && (data[0] & 1)) {
    snap::Header header;
    std::memcpy(&header, bytes.data(), sizeof header);
    std::memcpy(header.magic, snap::kMagic, sizeof snap::kMagic);
    header.version = snap::kFormatVersion;
    header.byte_order = snap::kByteOrderMark;
    header.fingerprint = snap::LayoutFingerprint();
    header.file_bytes = bytes.size();
    header.payload_offset = sizeof(snap::Header);
    header.section_count = snap::kSectionCount;
    header.header_checksum = pg::Xxh64(std::string_view(reinterpret_cast<const char*>(&header),
                                                        offsetof(snap::Header, header_checksum)));
    std::memcpy(bytes.data(), &header, sizeof header);
  }
  pg::Diagnostics diagnostics;
  const std::optional<pg::PartnershipGraph> graph = pg::ReadSnapshot(bytes, "fuzz.pgraph", &diagnostics);
  for (const pg::Diagnostic& diagnostic : diagnostics.All()) pg::FormatDiagnostic(diagnostic);
  if (!graph) return 0;
  const pg::GraphView view(*graph);
  for (const pg::PassInfo& pass : pg::AllPasses()) pass.run(view, pg::PassOptions{});
  return 0;
}
