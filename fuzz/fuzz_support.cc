#include "fuzz/fuzz_support.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "analysis/pass_registry.h"
#include "graph/graph_builder.h"
#include "graph/graph_view.h"
#include "io/table_loader.h"

namespace pg::fuzz {

MemFile::MemFile(const char* name) : fd_(memfd_create(name, MFD_CLOEXEC)) {
  if (fd_ < 0) {
    std::perror("memfd_create");
    std::abort();
  }
  path_ = "/proc/self/fd/" + std::to_string(fd_);
}

MemFile::~MemFile() { close(fd_); }

void MemFile::Write(const std::uint8_t* data, std::size_t size) {
  if (ftruncate(fd_, 0) != 0) std::abort();
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = pwrite(fd_, data + done, size - done, static_cast<off_t>(done));
    if (n <= 0) std::abort();
    done += static_cast<std::size_t>(n);
  }
}

void LoadBuildAnalyze(const ReadFunction& read, bool lenient) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  TableLoader loader(&builder, &diagnostics, lenient);
  const bool ok = read(loader, &diagnostics);
  const PartnershipGraph graph = loader.Build();
  // Formatting every diagnostic is part of what a user's run does.
  for (const Diagnostic& diagnostic : diagnostics.All()) FormatDiagnostic(diagnostic);
  if (!ok || diagnostics.HasErrors()) return;
  const GraphView view(graph);
  for (const PassInfo& pass : AllPasses()) pass.run(view, PassOptions{});
}

}  // namespace pg::fuzz
