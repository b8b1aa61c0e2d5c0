#!/usr/bin/env bash
# tools/completion/partnergraph.bash, sourced into bash as bash-completion would, with COMP_WORDS
# set as bash sets them when Tab is pressed; the built partnergraph is first on PATH, because the
# completion reads the program's own --help and `partnergraph passes`.
# Usage: completion_test.sh SOURCE_ROOT BIN_DIR
set -o pipefail  # no -e or -u: completion functions run in interactive shells, which have neither
source "$1/tools/completion/partnergraph.bash"
PATH="$2:$PATH"
failures=0
# expect "EXPECTED COMPLETIONS" WORD...   (the last word is the one being completed)
expect() {
  local expected=$1; shift
  COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
  _partnergraph
  if [[ "${COMPREPLY[*]}" != "$expected" ]]; then
    echo "FAIL: '$*' completed to '${COMPREPLY[*]}', expected '$expected'"; failures=$((failures + 1))
  fi
}
expect "analyze" partnergraph an
expect "--pass" partnergraph analyze --pa
expect "--help --version" partnergraph --
expect "dual-backing" partnergraph analyze --pass dual
expect "dual-backing,shared-channel" partnergraph analyze --pass dual-backing,sh
expect "table json" partnergraph analyze -f ""
expect "json" partnergraph analyze --format = j
expect "csv json xlsx graphml gexf neo4j kumu node-link pgraph" partnergraph convert --to ""
expect "--no-legend" partnergraph render examples --no-le
expect "" partnergraph analyze --top ""
cd "$1"
expect "examples/ai-cloud-2026 examples/ai-cloud-2026.xlsx" partnergraph analyze --why examples/ai-cloud-2026
expect "CMakeLists.txt" partnergraph render -o CMakeLists.t
[ "$failures" -eq 0 ] || exit 1
echo "completion: 12 cases complete as expected"
