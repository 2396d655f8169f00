import type { CommandSpec } from './completion-spec.js';

export const key = (spec: CommandSpec): string => spec.path.join(' ');
const words = (values: string[]): string => values.join(' ');

/** A word in single quotes, for bash, zsh and fish alike. */
export const quoted = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** A `case` over command paths ("" for the program, "daemon start"), printing one word list each. */
export function caseTable(name: string, specs: CommandSpec[], list: (spec: CommandSpec) => string[]): string {
  const arms = specs
    .map((spec) => [key(spec), list(spec)] as const)
    .filter(([, values]) => values.length > 0)
    .map(([path, values]) => `    ${quoted(path)}) echo ${quoted(words(values))} ;;`);
  return [`${name}() {`, '  case "$1" in', ...arms, '  esac', '}'].join('\n');
}

export const flagsOf = (spec: CommandSpec, kinds?: string[]): string[] =>
  spec.flags
    .filter((flag) => (kinds ? kinds.includes(flag.takes) : true))
    .flatMap((flag) => (flag.short && kinds ? [flag.long, flag.short] : [flag.long]));

/** The fixed choices of each flag, by "path|--flag". */
export function choicesTable(specs: CommandSpec[]): string {
  const arms = specs.flatMap((spec) =>
    spec.flags
      .filter((flag) => flag.choices.length > 0)
      .map((flag) => `    ${quoted(`${key(spec)}|${flag.long}`)}) echo ${quoted(words(flag.choices))} ;;`),
  );
  return ['_outro_choices() {', '  case "$1" in', ...arms, '  esac', '}'].join('\n');
}

/** `outro completion bash`: completes commands, subcommands, flags, and values from the store. */
export function bashScript(specs: CommandSpec[]): string {
  return `# outro completion for bash. Load it now:   source <(outro completion bash)
# or for every shell:  outro completion bash > ~/.local/share/bash-completion/completions/outro
${caseTable('_outro_subcommands', specs, (spec) => spec.subcommands.map((sub) => sub.name))}
${caseTable('_outro_flags', specs, (spec) => flagsOf(spec))}
${caseTable('_outro_valued', specs, (spec) => flagsOf(spec, ['value', 'file', 'channels', 'people']))}
${caseTable('_outro_args', specs, (spec) => spec.argChoices)}
${choicesTable(specs)}
_outro() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmdpath="" word i skip=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if ((skip)); then skip=0; continue; fi
    case " $(_outro_valued "$cmdpath") " in *" $word "*) skip=1; continue ;; esac
    [[ $word == -* ]] && continue
    case " $(_outro_subcommands "$cmdpath") " in *" $word "*) cmdpath=\${cmdpath:+$cmdpath }$word ;; esac
  done
  local IFS=$'\\n'
  case " $(_outro_valued "$cmdpath") " in
    *" $prev "*)
      case $prev in
        --channel) COMPREPLY=($(compgen -W "$(command outro completion --list channels 2>/dev/null)" -- "$cur")) ;;
        --me | --for | --from)
          COMPREPLY=($(compgen -W "$(command outro completion --list people 2>/dev/null)" -- "$cur"))
          COMPREPLY=("\${COMPREPLY[@]// /\\\\ }") ;;
        *)
          IFS=$' \\t\\n'
          COMPREPLY=($(compgen -W "$(_outro_choices "$cmdpath|$prev")" -- "$cur")) ;;
      esac
      return ;;
  esac
  IFS=$' \\t\\n'
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_outro_flags "$cmdpath")" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$(_outro_subcommands "$cmdpath") $(_outro_args "$cmdpath")" -- "$cur"))
  fi
}
complete -o default -o bashdefault -F _outro outro
`;
}
