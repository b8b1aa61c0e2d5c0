#pragma once
// Runs a small Python script against an export, so the tests read GraphML, GEXF and node-link
// JSON with the real readers (NetworkX, igraph: Debian packages, see tools/bootstrap.sh).

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "tests/test_support.h"

namespace pg::testing {

inline constexpr const char* kPython = "/usr/bin/python3";

/// True when /usr/bin/python3 can import `module`.
inline bool PythonHas(const std::string& module) {
  const std::string command = fmt::format("{} -c 'import {}' >/dev/null 2>&1", kPython, module);
  return std::system(command.c_str()) == 0;
}

/// Runs `script` with `args` (each single-quoted; none may hold a quote) and returns what it
/// printed on stdout and stderr, then "rc=N".
inline std::string RunPython(const TempDir& dir, const std::string& script, const std::vector<std::string>& args) {
  const std::string path = dir.Write("check.py", script);
  std::string command = fmt::format("{} '{}'", kPython, path);
  for (const std::string& arg : args) command += fmt::format(" '{}'", arg);
  command += " 2>&1; echo rc=$?";
  return ShellOutput(command);
}

}  // namespace pg::testing
