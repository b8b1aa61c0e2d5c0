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
declare -A allowed=([graph]="graph" [analysis]="graph analysis" [io]="graph analysis io")
status=0
for folder in graph analysis io; do
  [ -d "$root/$folder" ] || continue
  while IFS= read -r hit; do
    file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}; text=${rest#*:}
    target=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]*)".*/\1/' <<<"$text")
    case "$target" in
      ../*|*/../*) ;;                                  # climbing out is always a violation
      */*) [[ " ${allowed[$folder]} " == *" ${target%%/*} "* ]] && continue ;;
      *) continue ;;                                   # a system or same-folder header
    esac
    echo "${file#"$root"/}:$line: error: \"$target\": $folder/ may include only ${allowed[$folder]// /, } (layer rule: graph -> graph; analysis -> graph, analysis; io -> graph, analysis, io; tools -> all)"
    status=1
  done < <(grep -HnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$root/$folder"/*.h "$root/$folder"/*.cc 2>/dev/null || true)
done
exit $status
