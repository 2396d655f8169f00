import { Argument, Option, type Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import { loadContextModules, type CliContext } from '../context.js';
import { writeLines } from '../output.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;

export function registerCompletion(program: Command, context: () => CliContext): void {
  program
    .command('completion')
    .description(
      'Print a shell completion script (bash, zsh or fish): commands, flags, channel names and people',
    )
    .addArgument(new Argument('[shell]', 'the shell to complete in').choices(SHELLS))
    .addOption(
      new Option('--list <values>', 'print the store values the script completes, one a line')
        .choices(['channels', 'people'])
        .hideHelp(),
    )
    .addHelpText(
      'after',
      `
Commands, subcommands and flags come from this build of outro; \`--channel\` completes the channel
names in the store, \`--me\`, \`--for\` and \`--from\` the people (names and emails), read when you
press Tab.

Install:
  bash   outro completion bash > ~/.local/share/bash-completion/completions/outro
         (or add  source <(outro completion bash)  to ~/.bashrc)
  zsh    outro completion zsh > "\${fpath[1]}/_outro"    (or  source <(outro completion zsh)  in ~/.zshrc after compinit)
  fish   outro completion fish > ~/.config/fish/completions/outro.fish`,
    )
    .action(async (shell: (typeof SHELLS)[number] | undefined, options: { list?: 'channels' | 'people' }) => {
      const ctx = context();
      if (options.list) {
        const [{ completionValues }] = await Promise.all([
          import('../../app/completion-values.js'),
          loadContextModules(),
        ]);
        writeLines(ctx.stdout, completionValues(ctx, options.list));
        return;
      }
      if (!shell)
        throw new OutroError(
          'USAGE',
          'Which shell? Run `outro completion bash`, `outro completion zsh` or `outro completion fish`.',
        );
      const { completionSpec } = await import('../completion/completion-spec.js');
      const specs = completionSpec(program);
      const render = {
        bash: async () => (await import('../completion/bash.js')).bashScript(specs),
        zsh: async () => (await import('../completion/zsh.js')).zshScript(specs),
        fish: async () => (await import('../completion/fish.js')).fishScript(specs),
      }[shell];
      ctx.stdout.write(await render());
    });
}
