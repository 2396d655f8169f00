// The brief's renderers, loaded only when `brief` prints (brief.ts stays cheap to import).
import type { Brief } from '../../answers/brief/brief-types.js';
import { renderBriefMarkdown } from '../../answers/brief/render-markdown.js';
import { renderBriefText } from '../../answers/brief/render-text.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

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
    const [{ render }, { createElement }, { BriefViewOnce }] = await Promise.all([
      import('ink'),
      import('react'),
      import('../views/brief-view.js'),
    ]);
    const app = render(createElement(BriefViewOnce, { brief }), {
      stdout: ctx.stdout as NodeJS.WriteStream,
      patchConsole: false,
    });
    await app.waitUntilExit();
    return;
  }
  writeLines(ctx.stdout, renderBriefText(brief));
}
