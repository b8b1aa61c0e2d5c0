#!/usr/bin/env bash
# check_layers.sh on a tiny tree written here: a clean tree passes; a core file that includes io/,
# an analysis file that includes io/, and an io header that climbs out with ../ each fail with the
# rule named. Usage: check_layers_test.sh SOURCE_ROOT
set -euo pipefail
check="$1/tests/package/check_layers.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"/{graph,analysis,io,tools}
printf '#include <vector>\n#include "graph/ids.h"\n' >"$tmp/graph/model.h"
printf '#include "graph/model.h"\n#include "analysis/finding.h"\n' >"$tmp/analysis/pass.cc"
printf '#include "analysis/finding.h"\n#include "io/csv.h"\n' >"$tmp/io/reader.cc"
printf '#include "io/reader.h"\n#include "graph/model.h"\n' >"$tmp/tools/cli.cc"
bash "$check" "$tmp" || { echo "FAIL: a clean tree was rejected"; exit 1; }

printf '#include "graph/ids.h"\n  #  include "io/reader.h"\n' >"$tmp/graph/bad.cc"
printf '#include "io/csv.h"\n' >"$tmp/analysis/bad.h"
printf '#include "../tools/cli.h"\n' >"$tmp/io/up.h"
rule='(layer rule: graph -> graph; analysis -> graph, analysis; io -> graph, analysis, io; tools -> all)'
expected="graph/bad.cc:2: error: \"io/reader.h\": graph/ may include only graph $rule
analysis/bad.h:1: error: \"io/csv.h\": analysis/ may include only graph, analysis $rule
io/up.h:1: error: \"../tools/cli.h\": io/ may include only graph, analysis, io $rule"
set +e; actual=$(bash "$check" "$tmp"); code=$?; set -e
[ "$code" -eq 1 ] || { echo "FAIL: exit $code, expected 1"; exit 1; }
[ "$actual" == "$expected" ] || { printf 'FAIL: got\n%s\nexpected\n%s\n' "$actual" "$expected"; exit 1; }
echo "check_layers.sh: clean tree passes; 3 violations reported with the rule"
