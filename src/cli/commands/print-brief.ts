// The brief's renderers, loaded only when `brief` prints (brief.ts stays cheap to import).
import type { Brief } from '../../answers/brief/brief-types.js';
import { renderBriefMarkdown } from '../../answers/brief/render-markdown.js';
import { renderBriefText } from '../../answers/brief/render-text.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

/**
 * Like git: a view taller than the terminal goes through $PAGER (default `less -R`, which keeps the
 * colours; `PAGER=cat` or an empty PAGER turns it off). False when no pager could run.
 */
export async function throughPager(text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const pager = env.PAGER === undefined ? 'less' : env.PAGER.trim();
  if (pager === '' || pager === 'cat') return false;
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(pager, {
      shell: true,
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { ...env, LESS: env.LESS ?? 'FRX' },
    });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code !== 127));
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

/** Prints a brief: Ink on a terminal, plain text otherwise, or JSON / markdown on request. */
export async function printBrief(
  ctx: CliContext,
  brief: Brief,
  flags: { json?: boolean; md?: boolean },
): Promise<void> {
  if (flags.json) return writeJson(ctx.stdout, brief);
  if (flags.md) {
    ctx.stdout.write(renderBriefMarkdown(brief));
    return;
  }
  if (ctx.stdout.isTTY && !ctx.env.NO_COLOR) {
    const [{ renderToString }, { createElement }, { BriefView }] = await Promise.all([
      import('ink'),
      import('react'),
      import('../views/brief-view.js'),
    ]);
    const terminal = ctx.stdout as { columns?: number; rows?: number };
    const text = `${renderToString(createElement(BriefView, { brief }), { columns: terminal.columns ?? 80 })}\n`;
    const rows = terminal.rows ?? Number.POSITIVE_INFINITY;
    const tall = text.split('\n').length - 1 > rows;
    // Only on this process's own terminal: the pager writes to it directly.
    if (tall && ctx.stdout === process.stdout && (await throughPager(text, ctx.env))) return;
    ctx.stdout.write(text);
    return;
  }
  writeLines(ctx.stdout, renderBriefText(brief));
}
