#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

#include "io/atomic_file.h"
#include "tools/cli.h"
#include "tools/last_resort.h"

int main(int argc, char** argv) {
  pg::InstallTemporaryCleanupOnSignals();
  pg::InstallTerminateHandler();
  std::ios::sync_with_stdio(false);
  pg::DescriptorBuffer stdout_buffer(STDOUT_FILENO);
  std::ostream out(&stdout_buffer);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const int code = pg::RunCli(args, pg::CliIo{out, std::cerr});
  return pg::FinishStandardOutput(out, stdout_buffer, std::cerr, code);
}
