#!/usr/bin/env bash
# What `make check-install` (and CI, after `make test`) checks: partnergraph installs, and another
# program builds against the installed copy alone.
#   1. cmake --install BUILD_DIR --prefix BUILD_DIR/check-install/prefix; the files a user needs
#      are there, the installed binary runs, and the man page has a section per subcommand;
#   2. examples/embed is configured with find_package(partnergraph) (CMAKE_PREFIX_PATH=prefix),
#      built, and run on examples/ai-cloud-2026: it must print Amazon's dual-backing finding;
#   3. the same main.cc built with g++ and `pkg-config --static partnergraph` prints it too.
# Paths are fixed under BUILD_DIR (emptied first) so that ccache serves a second run.
# Usage: check_install.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-build}" && pwd)
work=$build/check-install
prefix=$work/prefix
expected='Amazon backs 2 rivals: OpenAI ($50B), Anthropic ($8B); $58B in total'
fail() { echo "check-install: FAILED: $*" >&2; exit 1; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

rm -rf "$work"; mkdir -p "$work"
echo "check-install: installing into $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log" >&2; fail "cmake --install"; }
graph_library=$(find "$prefix" -name libpartnergraph_graph.a)
[ -n "$graph_library" ] || fail "libpartnergraph_graph.a was not installed (see $work/install.log)"
libdir=$(dirname "$graph_library")
for file in bin/partnergraph include/partnergraph/graph/partnership_graph.h include/partnergraph/io/model_reader.h \
    include/partnergraph/analysis/dual_backing.h share/bash-completion/completions/partnergraph \
    "${libdir#"$prefix"/}"/libpartnergraph_analysis.a "${libdir#"$prefix"/}"/libpartnergraph_io.a \
    "${libdir#"$prefix"/}"/cmake/partnergraph/partnergraphConfig.cmake "${libdir#"$prefix"/}"/pkgconfig/partnergraph.pc; do
  [ -f "$prefix/$file" ] || fail "$file was not installed (see $work/install.log)"
done
if command -v help2man >/dev/null; then
  page=$prefix/share/man/man1/partnergraph.1
  [ -f "$page" ] || fail "share/man/man1/partnergraph.1 was not installed though help2man is"
  grep -qxF 'partnergraph \- who is on both sides of the fight?' "$page" || fail "the man page's NAME line"
  for sub in $("$prefix/bin/partnergraph" --help | awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}'); do
    grep -qxF ".SS \"partnergraph $sub\"" "$page" || fail "the man page has no section for 'partnergraph $sub'"
  done
fi
cmp -s "$root/tools/completion/partnergraph.bash" "$prefix/share/bash-completion/completions/partnergraph" \
  || fail "the installed bash completion differs from tools/completion/partnergraph.bash"
[ "$("$prefix/bin/partnergraph" --version)" == "partnergraph 0.1.0" ] || fail "the installed partnergraph --version"

echo "check-install: building examples/embed with find_package(partnergraph)"
cmake -S "$root/examples/embed" -B "$work/embed" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" "${launcher[@]}" >"$work/embed.log" 2>&1 || { cat "$work/embed.log" >&2; fail "configuring examples/embed"; }
cmake --build "$work/embed" >>"$work/embed.log" 2>&1 || { cat "$work/embed.log" >&2; fail "building examples/embed"; }
output=$("$work/embed/dual_backing" "$root/examples/ai-cloud-2026" 2>/dev/null) || fail "dual_backing exited with $?"
grep -qxF "$expected" <<<"$output" || fail "dual_backing printed:
$output
expected the line: $expected"

echo "check-install: building examples/embed/main.cc with pkg-config --static partnergraph"
export PKG_CONFIG_PATH=$libdir/pkgconfig
flags=$(pkg-config --cflags --static --libs partnergraph) || fail "pkg-config partnergraph"
compiler=(c++); command -v ccache >/dev/null && compiler=(ccache c++)
# shellcheck disable=SC2086  # the flags are words
"${compiler[@]}" -std=c++20 -O1 "$root/examples/embed/main.cc" $flags -o "$work/dual_backing_pc" 2>"$work/pkg-config.log" \
  || { cat "$work/pkg-config.log" >&2; fail "c++ main.cc \$(pkg-config --cflags --static --libs partnergraph)"; }
output=$("$work/dual_backing_pc" "$root/examples/ai-cloud-2026" 2>/dev/null) || fail "dual_backing (pkg-config) exited with $?"
grep -qxF "$expected" <<<"$output" || fail "dual_backing (pkg-config) printed:
$output
expected the line: $expected"
echo "check-install: ok: installed, and examples/embed (CMake and pkg-config) prints: $expected"
