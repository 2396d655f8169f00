import { quoted } from './bash.js';
import type { CommandSpec } from './completion-spec.js';

const STORE_VALUES: Record<string, string> = {
  channels: '(command outro completion --list channels 2>/dev/null)',
  people: '(command outro completion --list people 2>/dev/null)',
};

/** `outro completion fish`: one `complete` line per subcommand and flag, scoped to its command path. */
export function fishScript(specs: CommandSpec[]): string {
  const arms = specs
    .filter((spec) => spec.subcommands.length > 0)
    .map(
      (spec) =>
        `        case ${quoted(spec.path.join(' '))}\n            printf '%s\\n' ${spec.subcommands.map((sub) => quoted(sub.name)).join(' ')}`,
    );
  const lines: string[] = [];
  for (const spec of specs) {
    const at = `-n ${quoted(`__outro_at ${quoted(spec.path.join(' '))}`)}`;
    for (const sub of spec.subcommands)
      lines.push(`complete -c outro ${at} -f -a ${quoted(sub.name)} -d ${quoted(sub.description)}`);
    if (spec.argChoices.length > 0)
      lines.push(`complete -c outro ${at} -f -a ${quoted(spec.argChoices.join(' '))}`);
    if (spec.argFiles) lines.push(`complete -c outro ${at} -F`);
    for (const flag of spec.flags) {
      const names = `-l ${flag.long.slice(2)}${flag.short ? ` -s ${flag.short.slice(1)}` : ''}`;
      const value =
        flag.takes === 'none'
          ? ''
          : flag.takes === 'file'
            ? ' -r -F'
            : STORE_VALUES[flag.takes]
              ? ` -x -a ${quoted(STORE_VALUES[flag.takes])}`
              : flag.choices.length > 0
                ? ` -x -a ${quoted(flag.choices.join(' '))}`
                : ' -x';
      lines.push(`complete -c outro ${at} ${names}${value} -d ${quoted(flag.description)}`);
    }
  }
  return `# outro completion for fish. Load it now:  outro completion fish | source
# or for every shell:  outro completion fish > ~/.config/fish/completions/outro.fish
function __outro_subcommands
    switch "$argv[1]"
${arms.join('\n')}
    end
end
function __outro_at
    set -l path
    for word in (commandline -opc)[2..-1]
        string match -q -- '-*' $word; and continue
        contains -- $word (__outro_subcommands "$path"); and set path (string trim -- "$path $word")
    end
    test "$path" = "$argv[1]"
end
complete -c outro -f
${lines.join('\n')}
`;
}
