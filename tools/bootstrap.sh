#!/usr/bin/env bash
# Installs, only where missing, the Debian packages partnergraph needs to build, test and run.
# Idempotent: a machine that has everything is left alone and no package index is fetched.
# fonts-noto-cjk: diagrams name "Noto Sans CJK SC" (Latin, Hangul and Han glyphs), so Korean and
# Chinese labels render as glyphs in PNG and PDF instead of empty boxes.
# python3-networkx, python3-igraph: the export tests read GraphML, GEXF and node-link JSON back
# with the real readers.
#   tools/bootstrap.sh           build + test dependencies
#   tools/bootstrap.sh --bench   also the Python peers and Node.js (DuckDB peer) used by `make bench`
#   tools/bootstrap.sh --fixtures  also LibreOffice Calc (only to remake XLSX test fixtures)
#   tools/bootstrap.sh --fuzz    also clang 14 and its runtimes (libFuzzer, sanitizers) for `make fuzz`
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev
  libgraphviz-dev graphviz
  chromium  # tests open `report`'s HTML in headless Chromium (tests/tools/report_command_test.cc)
  fonts-noto-cjk
  nlohmann-json3-dev libsimdjson-dev
  libgtest-dev libgmock-dev
  libcli11-dev libfmt-dev
  libcsv-dev
  libzip-dev libexpat1-dev libxlsxwriter-dev
  libbenchmark-dev
  help2man
  python3
  python3-networkx python3-igraph
)
for arg in "$@"; do
  case "$arg" in
    --bench)
      packages+=(python3-pandas python3-numpy)
      # The DuckDB peer runs on Node.js; bench/run_bench.py installs its npm package under the build folder.
      command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm) ;;
    --fixtures) packages+=(libreoffice-calc-nogui) ;;
    --fuzz) packages+=(clang-14 clang libclang-rt-14-dev) ;;
    *) echo "bootstrap.sh: unknown option '$arg' (use --bench, --fixtures or --fuzz)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "bootstrap: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "bootstrap: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
