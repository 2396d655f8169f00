import { caseTable, choicesTable, flagsOf, key, quoted } from './bash.js';
import type { CommandSpec } from './completion-spec.js';

/** "name:description" lines for _describe, per command path. */
function describedTable(name: string, specs: CommandSpec[], list: (spec: CommandSpec) => string[]): string {
  const arms = specs
    .map((spec) => [key(spec), list(spec)] as const)
    .filter(([, values]) => values.length > 0)
    .map(([path, values]) => `    ${quoted(path)}) print -rl -- ${values.map(quoted).join(' ')} ;;`);
  return [`${name}() {`, '  case "$1" in', ...arms, '  esac', '}'].join('\n');
}

const describe = (text: string): string => text.replace(/:/g, '\\:');

/** `outro completion zsh`: the same tables as bash, with descriptions for commands and flags. */
export function zshScript(specs: CommandSpec[]): string {
  return `#compdef outro
# outro completion for zsh. Load it now:  source <(outro completion zsh)
# or for every shell:  outro completion zsh > "\${fpath[1]}/_outro"   (then restart zsh)
${describedTable('_outro_described', specs, (spec) => spec.subcommands.map((sub) => `${sub.name}:${describe(sub.description)}`))}
${describedTable('_outro_described_flags', specs, (spec) => spec.flags.map((flag) => `${flag.long}:${describe(flag.description)}`))}
${caseTable('_outro_subcommands', specs, (spec) => spec.subcommands.map((sub) => sub.name))}
${caseTable('_outro_valued', specs, (spec) => flagsOf(spec, ['value', 'file', 'channels', 'people']))}
${caseTable('_outro_files', specs, (spec) => flagsOf(spec, ['file']))}
${caseTable('_outro_args', specs, (spec) => spec.argChoices)}
${choicesTable(specs)}
_outro_pathargs() { echo ${quoted(
    specs
      .filter((spec) => spec.argFiles)
      .map((spec) => spec.path.join(' '))
      .join(' '),
  )}; }
_outro() {
  local cmdpath="" word i skip=0 cur=\${words[CURRENT]} prev=\${words[CURRENT-1]}
  local -a values
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    if ((skip)); then skip=0; continue; fi
    if [[ " $(_outro_valued "$cmdpath") " == *" $word "* ]]; then skip=1; continue; fi
    [[ $word == -* ]] && continue
    [[ " $(_outro_subcommands "$cmdpath") " == *" $word "* ]] && cmdpath=\${cmdpath:+$cmdpath }$word
  done
  if [[ " $(_outro_valued "$cmdpath") " == *" $prev "* ]]; then
    case $prev in
      --channel) values=(\${(f)"$(command outro completion --list channels 2>/dev/null)"}) ;;
      --me | --for | --from) values=(\${(f)"$(command outro completion --list people 2>/dev/null)"}) ;;
      *)
        if [[ " $(_outro_files "$cmdpath") " == *" $prev "* ]]; then _files; return; fi
        values=(\${=$(_outro_choices "$cmdpath|$prev")}) ;;
    esac
    (( \${#values} )) && compadd -a values
    return
  fi
  if [[ $cur == -* ]]; then
    values=(\${(f)"$(_outro_described_flags "$cmdpath")"})
    _describe -t flags 'flag' values
  else
    values=(\${(f)"$(_outro_described "$cmdpath")"})
    (( \${#values} )) && _describe -t commands 'command' values
    values=(\${=$(_outro_args "$cmdpath")})
    (( \${#values} )) && compadd -a values
    [[ " $(_outro_pathargs) " == *" $cmdpath "* ]] && _files
  fi
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then _outro "$@"; else compdef _outro outro; fi
`;
}
