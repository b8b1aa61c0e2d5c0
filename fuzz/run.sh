#!/usr/bin/env bash
# Runs the libFuzzer targets of a PG_FUZZ build, one after another, each for a bounded time.
#   fuzz/run.sh BUILD_DIR SECONDS [TARGET...]      (make fuzz, make fuzz-smoke)
# Each target's corpus is assembled in BUILD_DIR/corpus/TARGET from fuzz/seeds/TARGET and the
# matching files of tests/data and examples; what libFuzzer learns stays there for the next run.
# Crashes, leaks, timeouts and out-of-memory inputs go to BUILD_DIR/artifacts/TARGET/.
# Prints executions, coverage (cov) and features (ft) per target; exits 1 if any target failed.
# FUZZ_ARGS adds libFuzzer flags, e.g. FUZZ_ARGS="-fork=2 -ignore_crashes=1" to go on past a
# known crash (every crash still lands in the artifacts folder).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_csv_table fuzz_xlsx fuzz_json_model fuzz_values fuzz_dot fuzz_snapshot)

# Copies the files named by `find ARGS` into a corpus folder; big ones keep their first 8 KiB
# (fuzzing is faster on small inputs; the 10k-row bench tables add nothing a head does not).
add_files() {
  local corpus=$1
  shift
  find "$@" -type f 2>/dev/null | while read -r file; do
    local name
    name=$(echo "$file" | tr '/' '_')
    [ -e "$corpus/$name" ] && continue
    if [ "$(stat -c %s "$file")" -gt 65536 ]; then head -c 8192 "$file" > "$corpus/$name"; else cp "$file" "$corpus/$name"; fi
  done
}

# Each cell of the example tables as one input: amounts, percentages, dates, types as people type them.
add_cells() {
  local corpus=$1 i=0
  for table in examples/ai-cloud-2026/*.csv; do
    tail -n +2 "$table" | tr ',' '\n' | sort -u | while IFS= read -r cell; do
      [ -n "$cell" ] && printf '%s' "$cell" > "$corpus/cell_$(basename "$table" .csv)_$(printf '%s' "$cell" | cksum | cut -d' ' -f1)"
    done
  done
}

# The example's node ids and labels, one per line, as fuzz_dot reads them.
add_names() {
  tail -n +2 examples/ai-cloud-2026/nodes.csv | cut -d, -f1,2 | tr ',' '\n' > "$1/example_nodes"
}

# Snapshots of the example and the Kumu fixture, written afresh by this checkout's partnergraph
# (a committed .pgraph would go stale with every format version). Without a binary the target
# starts from an empty corpus; its harness still makes the header right.
add_snapshots() {
  local corpus=$1 tool
  for tool in "$build/bin/partnergraph" build/bin/partnergraph; do
    [ -x "$tool" ] || continue
    "$tool" convert examples/ai-cloud-2026 -o "$corpus/example.pgraph" > /dev/null 2>&1 || true
    "$tool" convert tests/data/kumu_ai_infra -o "$corpus/kumu_ai_infra.pgraph" > /dev/null 2>&1 || true
    return 0
  done
  echo "fuzz: no partnergraph binary to write seed snapshots; fuzz_snapshot starts from an empty corpus" >&2
}

assemble() {
  local target=$1 corpus=$2
  mkdir -p "$corpus"
  [ -d "fuzz/seeds/$target" ] && cp -n fuzz/seeds/"$target"/* "$corpus"/ 2>/dev/null || true
  case "$target" in
    fuzz_csv_table) add_files "$corpus" tests/data examples -name '*.csv' ;;
    fuzz_xlsx) add_files "$corpus" tests/data examples -name '*.xlsx' ;;
    fuzz_json_model) add_files "$corpus" tests/data examples -name '*.json' ;;
    fuzz_values) add_cells "$corpus" ;;
    fuzz_dot) add_names "$corpus" ;;
    fuzz_snapshot) add_snapshots "$corpus" ;;
  esac
}

dictionary() {
  case "$1" in
    fuzz_csv_table) echo fuzz/dict/csv.dict ;;
    fuzz_xlsx) echo fuzz/dict/xlsx.dict ;;
    fuzz_json_model) echo fuzz/dict/json.dict ;;
    *) echo fuzz/dict/values.dict ;;
  esac
}

# Sanitizers stop at the first report; leaks inside Graphviz and friends are suppressed with the
# same justified list as make check-sanitize.
export ASAN_OPTIONS="${ASAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-print_stacktrace=1:suppressions='$PWD/tests/sanitize/lsan.supp'}"

failed=()
summary=()
for target in "${targets[@]}"; do
  binary="$build/bin/$target"
  [ -x "$binary" ] || { echo "fuzz: $binary is missing (build the fuzz_all target first)" >&2; exit 2; }
  corpus="$build/corpus/$target"
  artifacts="$build/artifacts/$target"
  log="$build/logs/$target.log"
  mkdir -p "$artifacts" "$(dirname "$log")"
  assemble "$target" "$corpus"
  echo "fuzz: $target for ${seconds}s (corpus $corpus, $(ls "$corpus" | wc -l) inputs)"
  status=0
  "$binary" "$corpus" -dict="$(dictionary "$target")" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} > "$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  [ -n "$runs" ] || runs=$(echo "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')  # fork mode: no final stats
  cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  line=$(printf '%-16s execs %-9s cov %-6s ft %-6s' "$target" "${runs:-?}" "${cov:-?}" "${ft:-?}")
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    line+=" FAILED (exit $status; see $log)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' "$log" | head -8 >&2 || true
  fi
  summary+=("$line")
  echo "$line"
done

echo "fuzz summary (${seconds}s each):"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${failed[*]} failed; reproduce with: $build/bin/TARGET $build/artifacts/TARGET/<file>" >&2
  exit 1
fi
