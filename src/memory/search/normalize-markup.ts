/**
 * Chat markup to the plain words a reader sees, before a text is indexed: Slack `<@U1|dana>`,
 * `<#C1|billing>`, `<https://x|label>`, `<!here>`; Discord `<@123>`, `<:name:123>`, `<t:…>`;
 * `:emoji_code:`; `*bold*`, `_italic_`, `~strike~` (and the doubled Discord forms); code spans keep
 * their text. Connectors already render most markup, so most texts come back unchanged.
 *
 * The tokenizer drops punctuation anyway; what this adds is the words hidden in markup (a link's
 * label and host, an emoji's name) and readable snippets.
 */
export function normalizeMarkup(text: string): string {
  if (!MAYBE_MARKUP.test(text)) return text;
  // Each pattern needs a character that may be missing (checked on the text as the steps before left it).
  let out = text;
  if (out.includes('<')) out = out.replace(ANGLE, angle);
  if (out.includes(':')) out = out.replace(EMOJI, (_match, code: string) => code.replace(/[_-]+/g, ' '));
  if (out.includes('`')) out = out.replace(FENCE, '').replace(CODE_SPAN, '$1');
  if (MAYBE_EMPHASIS.test(out)) out = out.replace(EMPHASIS, '$1$3');
  if (out.includes('&')) out = out.replace(ENTITY, (entity) => ENTITIES[entity] ?? entity);
  return out;
}

/** A quick test that rules out the common case of a text without any markup. */
const MAYBE_MARKUP = /[<:*_~`&|]/;
const MAYBE_EMPHASIS = /[*_~|]/;

/** `<…>` without nested angle brackets. */
const ANGLE = /<([^<>\s][^<>]*)>/g;
/** `:white_check_mark:`, `:+1:` — not the `:30:` in 10:30:45. */
const EMOJI = /(?<![\p{L}\p{N}]):([a-z0-9+'_-]*[a-z][a-z0-9+'_-]*|[+-]1):(?![\p{L}\p{N}])/gu;
/** ``` fences (and a language tag right after the opening one). */
const FENCE = /```[a-z0-9+-]*\n?/gi;
const CODE_SPAN = /`([^`\n]+)`/g;
/** `*bold*`, `**bold**`, `_it_`, `__it__`, `~st~`, `~~st~~`, `||spoiler||` around text, at word edges. */
const EMPHASIS = /(^|[\s([{"'])(\*\*|__|~~|\|\||[*_~])(?=\S)([^\n]*?\S)\2(?=$|[\s)\]}"'.,!?:;])/g;
const ENTITY = /&(?:amp|lt|gt|quot|#39);/g;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** One `<…>` as plain words (exported for the test that checks the steps against one another). */
export function angle(match: string, inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? '' : inner.slice(bar + 1).trim();
  const sigil = target[0];
  if (sigil === '@' || sigil === '#') return label.replace(/^[@#]/, ''); // a mention without a name has no words to find
  if (sigil === '!') return label !== '' ? label.replace(/^@/, '') : target.slice(1).split('^')[0];
  const custom = /^a?:([\w-]+):\d+$/.exec(target);
  if (custom) return custom[1].replace(/[_-]+/g, ' ');
  if (/^t:\d+(?::\w)?$/.test(target)) return '';
  const url = /^(?:https?|ftp|mailto):/i.test(target) ? target : undefined;
  if (url === undefined) return match;
  if (label === '') return url;
  const host = hostOf(url);
  return host === undefined || label.includes(host) ? label : `${label} (${host})`;
}

function hostOf(url: string): string | undefined {
  const mail = /^mailto:[^@]*@(.+)$/i.exec(url);
  if (mail) return mail[1];
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
