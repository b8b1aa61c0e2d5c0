#include "tools/passes_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/pass_registry.h"

namespace pg {

void SetupPasses(CLI::App& app, CliIo& io, int* exit_code) {
  CLI::App* command = app.add_subcommand("passes", "list the analysis passes and the question each answers");
  command->callback([&io, exit_code] { *exit_code = RunPasses(io); });
}

int RunPasses(CliIo& io) {
  std::size_t width = 0;
  for (const PassInfo& pass : AllPasses()) width = std::max(width, pass.name.size());
  for (const PassInfo& pass : AllPasses()) io.out << fmt::format("{:<{}}  {}\n", pass.name, width, pass.question);
  return kExitOk;
}

}  // namespace pg
