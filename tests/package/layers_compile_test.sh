#!/usr/bin/env bash
# The layers as the compiler sees them: with each library's include directories (as CMake gives
# them, passed in by ctest), a header of an allowed folder is reachable and one of a forbidden
# folder is not, so `#include "io/model_reader.h"` in graph/ cannot compile.
# Usage: layers_compile_test.sh CXX GRAPH_DIRS ANALYSIS_DIRS IO_DIRS   (each a ;-separated list)
set -euo pipefail
cxx=$1
declare -A dirs=([graph]=$2 [analysis]=$3 [io]=$4)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
failures=0
# reachable LAYER HEADER yes|no
reachable() {
  local flags=() dir
  IFS=';' read -ra list <<<"${dirs[$1]}"
  for dir in "${list[@]}"; do [ -n "$dir" ] && flags+=("-I$dir"); done
  printf '#if !__has_include("%s")\n#error unreachable\n#endif\n' "$2" >"$tmp/probe.cc"
  local got=no
  "$cxx" -E -o /dev/null "${flags[@]}" "$tmp/probe.cc" 2>/dev/null && got=yes
  if [ "$got" != "$3" ]; then
    echo "FAIL: from $1/, \"$2\" reachable: $got, expected $3"; failures=$((failures + 1))
  fi
}
reachable graph graph/partnership_graph.h yes
reachable graph analysis/finding.h no
reachable graph io/model_reader.h no
reachable graph tools/cli.h no
reachable analysis graph/partnership_graph.h yes
reachable analysis analysis/finding.h yes
reachable analysis io/model_reader.h no
reachable analysis tools/cli.h no
reachable io graph/partnership_graph.h yes
reachable io analysis/finding.h yes
reachable io io/model_reader.h yes
reachable io tools/cli.h no
[ "$failures" -eq 0 ] || exit 1
echo "layers: each library reaches exactly the folders it may include (12 probes)"
