# bash completion for partnergraph: subcommands, each subcommand's options, pass names after
# --pass and --highlight (comma lists too), the choices an option lists ({table,json}) and file
# paths. Everything is read from the program's own --help and `partnergraph passes` (once per
# shell), so the completion keeps step with the CLI. The program is the one being completed
# (./build/bin/partnergraph works as well as the installed one).
# Installed to share/bash-completion/completions/partnergraph; or: source partnergraph.bash

declare -gA _partnergraph_cache

# Prints the output of `PROGRAM ARGS...` (2>/dev/null), run once per shell for the same words.
_partnergraph_run() {
  local key="$*"
  if [[ -z ${_partnergraph_cache[$key]+set} ]]; then
    _partnergraph_cache[$key]=$("$@" 2>/dev/null)
  fi
  printf '%s\n' "${_partnergraph_cache[$key]}"
}

# Subcommand names: the lines under "Subcommands:" in `PROGRAM --help`.
_partnergraph_subcommands() {
  _partnergraph_run "$1" --help | awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}'
}

# One line per option of `PROGRAM [SUBCOMMAND] --help`: "NAMES<TAB>VALUE", e.g.
# "-f,--format<TAB>TEXT:{table,json}=table" or "--no-legend<TAB>" (a flag takes no value).
_partnergraph_option_specs() {
  _partnergraph_run "$@" --help | awk '/^  +-/ {
      sub(/^ +/, ""); names = $1; rest = substr($0, length(names) + 2)
      i = index(rest, "  "); value = (i ? substr(rest, 1, i - 1) : rest)
      if (substr($0, length(names) + 1, 2) == "  ") value = ""
      print names "\t" value }'
}

# The pass names: the first column of `PROGRAM passes`.
_partnergraph_passes() {
  _partnergraph_run "$1" passes | awk '/^[a-z]/ {print $1}'
}

# Fills COMPREPLY with the values option OPT of SUBCOMMAND takes, for the word CUR.
# Returns 1 when OPT is not an option that takes a value.
_partnergraph_values() {
  local prog=$1 sub=$2 opt=$3 cur=$4 names value=""
  while IFS=$'\t' read -r names value; do
    [[ ",$names," == *",$opt,"* ]] && break
    names="" value=""
  done < <(_partnergraph_option_specs "$prog" "$sub")
  [[ -n $names && -n $value ]] || return 1
  case "$value" in
    NAME*|PASS*)    # a comma list of passes: complete the last item
      local head="" item=$cur
      [[ $cur == *,* ]] && head=${cur%,*}, item=${cur##*,}
      COMPREPLY=($(compgen -P "$head" -W "$(_partnergraph_passes "$prog")" -- "$item")) ;;
    *\{*\}*)        # TEXT:{table,json}=table
      local choices=${value#*\{}; choices=${choices%%\}*}
      COMPREPLY=($(compgen -W "${choices//,/ }" -- "$cur")) ;;
    FILE*|OUT*|PATH*|DIR*)
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur")) ;;
    *) COMPREPLY=() ;;  # a date, an amount, a node: nothing to offer
  esac
  return 0
}

_partnergraph() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local prog=${COMP_WORDS[0]/#\~/$HOME} sub="" i
  command -v "$prog" >/dev/null 2>&1 || prog=partnergraph
  for ((i = 1; i < COMP_CWORD; i++)); do
    [[ ${COMP_WORDS[i]} != -* ]] && { sub=${COMP_WORDS[i]}; break; }
  done
  COMPREPLY=()
  if [[ -z $sub ]]; then  # the top level: no option there takes a value
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "$(_partnergraph_option_specs "$prog" | cut -f1 | tr , ' ')" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$(_partnergraph_subcommands "$prog")" -- "$cur"))
    fi
    return 0
  fi
  # --opt=value arrives as three words (--opt, =, value) because = breaks words.
  if [[ $cur == = ]]; then
    _partnergraph_values "$prog" "$sub" "$prev" "" && return 0
  elif [[ $prev == = && COMP_CWORD -ge 2 ]]; then
    _partnergraph_values "$prog" "$sub" "${COMP_WORDS[COMP_CWORD-2]}" "$cur" && return 0
  elif [[ $prev == -* ]]; then
    _partnergraph_values "$prog" "$sub" "$prev" "$cur" && return 0
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_partnergraph_option_specs "$prog" "$sub" | cut -f1 | tr , ' ')" -- "$cur"))
  else  # inputs: CSV files, folders, workbooks, JSON models
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
  return 0
}

complete -F _partnergraph partnergraph
