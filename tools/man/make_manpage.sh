#!/usr/bin/env bash
# Writes partnergraph's man page from its own help, so the page cannot drift from the program:
# help2man formats `partnergraph --help` and --version (NAME, SYNOPSIS, DESCRIPTION, OPTIONS and
# the subcommand list); the help's "Start here:" examples and exit status go verbatim into
# EXAMPLES (help2man would read each example as an option), and a COMMANDS section gives each
# subcommand's `--help` verbatim. The build runs it when help2man is installed (cmake/PartnergraphManPage.cmake).
# Usage: make_manpage.sh PROGRAM OUTPUT.1
set -euo pipefail
program=${1:?usage: make_manpage.sh PROGRAM OUTPUT.1}
output=${2:?usage: make_manpage.sh PROGRAM OUTPUT.1}
command -v help2man >/dev/null || { echo "make_manpage.sh: help2man is not installed (apt-get install help2man)" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
include=$work/include.h2m

# Help text as roff: verbatim lines; backslashes escaped; a leading . or ' is not a request.
as_roff() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

subcommands=$("$program" --help | awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}')
[ -n "$subcommands" ] || { echo "make_manpage.sh: no subcommands in '$program --help'" >&2; exit 1; }
{
  echo "[COMMANDS]"
  echo "Each command's options, as \\fBpartnergraph\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR prints them."
  for sub in $subcommands; do
    echo ".SS \"partnergraph $sub\""
    echo ".nf"
    "$program" "$sub" --help | as_roff
    echo ".fi"
  done
  echo "[EXAMPLES]"
  echo ".nf"
  "$program" --help | sed -n '/^Start here:/,$p' | sed 1d | as_roff
  echo ".fi"
  echo "[SEE ALSO]"
  echo "README.md in the source tree: the data model, every pass's definition, and embedding the"
  echo "libraries (find_package(partnergraph), pkg-config partnergraph)."
} >"$include"

# help2man runs the program it is given; this stand-in, named like it, stops the help before
# "Start here:" (printed under EXAMPLES above).
mkdir "$work/bin"
printf '#!/usr/bin/env bash\nif [ "$1" = --help ]; then "%s" --help | sed "/^Start here:/,\\$d"; else exec "%s" "$@"; fi\n' \
  "$(realpath "$program")" "$(realpath "$program")" >"$work/bin/partnergraph"
chmod +x "$work/bin/partnergraph"
name=$("$program" --help | sed -n '1s/^[^:]*: *//p')
help2man --no-info --section 1 --name "$name" --include "$include" --output "$output.tmp" "$work/bin/partnergraph"
mv "$output.tmp" "$output"
