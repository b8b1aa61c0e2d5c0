#!/usr/bin/env bash
# The layer rule, checked on the sources: each folder may include only the folders below it.
#   graph    -> graph                    (the core: the model, no files, no passes)
#   analysis -> graph, analysis          (passes are pure functions of the model)
#   io       -> graph, analysis, io      (readers, writers; diagrams highlight findings)
#   tools    -> anything                 (the CLI)
# The build enforces the same rule through per-layer include roots (cmake/PartnergraphLayers.cmake);
# this check also catches what a compiler would let through ("../io/x.h") and says which rule.
# Usage: check_layers.sh SOURCE_ROOT   (exit 0 when clean, 1 with one line per violation)
set -euo pipefail
root=${1:?usage: check_layers.sh SOURCE_ROOT}
shopt -s nullglob
status=0
for folder in graph analysis io; do
  files=("$root/$folder"/*.h "$root/$folder"/*.cc)
  [ ${#files[@]} -gt 0 ] || continue
  # One awk over the folder's files: every quoted include naming another folder, or climbing out.
  awk -v folder="$folder" -v root="$root/" '
    BEGIN {
      allowed["graph"] = "graph"; allowed["analysis"] = "graph analysis"; allowed["io"] = "graph analysis io"
      rule = "(layer rule: graph -> graph; analysis -> graph, analysis; io -> graph, analysis, io; tools -> all)"
      may = allowed[folder]; gsub(/ /, ", ", may)
    }
    /^[ \t]*#[ \t]*include[ \t]*"/ {
      target = $0; sub(/^[^"]*"/, "", target); sub(/".*/, "", target)
      if (target !~ /\//) next                      # a system or same-folder header
      top = target; sub(/\/.*/, "", top)
      if (target !~ /(^|\/)\.\.\// && index(" " allowed[folder] " ", " " top " ")) next
      file = FILENAME; if (index(file, root) == 1) file = substr(file, length(root) + 1)
      printf "%s:%d: error: \"%s\": %s/ may include only %s %s\n", file, FNR, target, folder, may, rule
      bad = 1
    }
    END { exit bad }' "${files[@]}" || status=1
done
exit $status
