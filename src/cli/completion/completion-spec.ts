import type { Command } from 'commander';

/** What a flag's value is completed with: nothing, files, the store's channels or people, or fixed choices. */
export type ValueKind = 'none' | 'value' | 'file' | 'channels' | 'people';

export interface FlagSpec {
  /** `--since` */
  long: string;
  /** `-v`, where the flag has one. */
  short?: string;
  description: string;
  takes: ValueKind;
  choices: string[];
}

export interface CommandSpec {
  /** The words after `outro`: [] for the program, ['daemon', 'start'] for a subcommand. */
  path: string[];
  description: string;
  subcommands: Array<{ name: string; description: string }>;
  flags: FlagSpec[];
  /** Fixed choices of the first argument (`outro completion bash|zsh|fish`). */
  argChoices: string[];
  /** The first argument is a path (`outro ingest PATH...`): complete files. */
  argFiles: boolean;
}

/** Flags whose values come from the store (names, handles), and flags that take a file or folder. */
const VALUE_KINDS: Record<string, ValueKind> = {
  '--channel': 'channels',
  '--me': 'people',
  '--for': 'people',
  '--from': 'people',
  '--config': 'file',
  '--out': 'file',
  '--dir': 'file',
  '--file': 'file',
};

/**
 * The commands, subcommands and flags of the commander program, read from the program itself so a
 * new command or flag is completed without touching the shell scripts. Hidden commands and flags
 * are left out.
 */
export function completionSpec(program: Command): CommandSpec[] {
  const specs: CommandSpec[] = [];
  const visit = (command: Command, path: string[]): void => {
    const visible = command.commands.filter((sub) => !isHidden(sub));
    specs.push({
      path,
      description: firstLine(command.description()),
      subcommands: visible.map((sub) => ({ name: sub.name(), description: firstLine(sub.description()) })),
      flags: [
        ...command.options
          .filter((option) => !option.hidden && option.long)
          .map((option) => ({
            long: option.long!,
            ...(option.short ? { short: option.short } : {}),
            description: firstLine(option.description),
            takes:
              option.required || option.optional ? (VALUE_KINDS[option.long!] ?? 'value') : ('none' as const),
            choices: option.argChoices ?? [],
          })),
        { long: '--help', short: '-h', description: 'show help', takes: 'none', choices: [] },
      ],
      argChoices: command.registeredArguments[0]?.argChoices ?? [],
      argFiles: /path|file|dir/i.test(command.registeredArguments[0]?.name() ?? ''),
    });
    for (const sub of visible) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return specs;
}

function isHidden(command: Command): boolean {
  return (command as unknown as { _hidden?: boolean })._hidden === true;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0].trim();
  return line.length > 90 ? `${line.slice(0, 87)}…` : line;
}
