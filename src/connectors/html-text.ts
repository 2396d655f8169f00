/**
 * HTML message bodies (Teams, and any export that stores HTML) to the plain text outro stores:
 * block tags become line breaks, links `label (href)`, images `[image]`, entities decoded,
 * whitespace collapsed. Source-specific elements (`<at>` mentions, `<attachment>` placeholders)
 * are rendered through hooks. A small tolerant scanner, not a full HTML parser: message bodies
 * are short fragments, and unclosed or stray tags must not lose text.
 */

export interface HtmlTextHooks {
  /** `<at id="N">inner</at>`: the text to write; default `@inner`. */
  mention?(id: string, inner: string): string;
  /** `<attachment id="X">`: the text to write (may span lines); default nothing. */
  attachment?(id: string): string;
}

export interface HtmlText {
  text: string;
  /** Hrefs of links, in order, without duplicates. */
  links: string[];
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'address',
]);
const SKIPPED_TAGS = new Set(['script', 'style', 'head', 'title', 'template']);
const CAPTURING_TAGS = new Set(['a', 'at', 'blockquote', ...SKIPPED_TAGS]);
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>"']*(?:(?:"[^"<]*"|'[^'<]*')[^<>"']*)*)>|<|[^<]+/g;
/** Tags whose attributes matter; others are not parsed. */
const ATTRIBUTE_TAGS = new Set(['a', 'at', 'attachment', 'img', 'emoji', 'customemoji']);
const ATTRIBUTE = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

interface Frame {
  tag: string;
  attributes: Record<string, string>;
  parts: string[];
}

export function htmlToText(html: string, hooks: HtmlTextHooks = {}): HtmlText {
  const links: string[] = [];
  const stack: Frame[] = [{ tag: '#root', attributes: {}, parts: [] }];
  /** Open block elements, remembering which were styled inline, so their end tag matches. */
  const blocks: Array<{ tag: string; inline: boolean }> = [];
  const top = () => stack[stack.length - 1];
  const write = (text: string) => top().parts.push(text);

  if (!html.includes('<')) return { text: normalizeLines(inlineText(html)), links };
  const scanner = new RegExp(TOKEN.source, 'g');
  for (let match = scanner.exec(html); match !== null; match = scanner.exec(html)) {
    const [token, slash, rawTag, rawAttributes = ''] = match;
    if (rawTag === undefined) {
      if (!token.startsWith('<!--')) write(inlineText(token));
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (slash) {
      closeTag(tag);
      continue;
    }
    const attributes = ATTRIBUTE_TAGS.has(tag)
      ? parseAttributes(rawAttributes)
      : rawAttributes.includes('inline')
        ? { style: parseAttributes(rawAttributes).style ?? '' }
        : NO_ATTRIBUTES;
    if (CAPTURING_TAGS.has(tag) && !/\/\s*$/.test(rawAttributes)) {
      stack.push({ tag, attributes, parts: [] });
      continue;
    }
    openTag(tag, attributes);
  }
  while (stack.length > 1) closeFrame();
  return { text: normalizeLines(top().parts.join('')), links };

  function openTag(tag: string, attributes: Record<string, string>): void {
    if (tag === 'img' || tag === 'emoji' || tag === 'customemoji') {
      write(imageText(tag, attributes));
    } else if (tag === 'attachment') {
      const rendered = hooks.attachment?.(attributes.id ?? '') ?? '';
      if (rendered) write(`\n${rendered}\n`);
    } else if (tag === 'li') {
      write('\n- ');
    } else if (BLOCK_TAGS.has(tag) && tag !== 'br' && tag !== 'hr') {
      const inline = isInline(attributes);
      blocks.push({ tag, inline });
      if (!inline) write('\n');
    } else if (tag === 'br' || tag === 'hr') {
      write('\n');
    }
  }

  function closeTag(tag: string): void {
    if (CAPTURING_TAGS.has(tag)) {
      if (!stack.some((frame, index) => index > 0 && frame.tag === tag)) return;
      while (top().tag !== tag) closeFrame();
      closeFrame();
    } else if (BLOCK_TAGS.has(tag) && tag !== 'br' && tag !== 'hr') {
      const index = blocks.map((block) => block.tag).lastIndexOf(tag);
      const inline = index >= 0 && blocks[index].inline;
      if (index >= 0) blocks.splice(index);
      if (!inline) write('\n');
    }
  }

  function closeFrame(): void {
    const frame = stack.pop()!;
    const inner = frame.parts.join('');
    if (SKIPPED_TAGS.has(frame.tag)) return;
    if (frame.tag === 'at') {
      const name = collapse(inner).trim();
      write(hooks.mention?.(frame.attributes.id ?? '', name) ?? `@${name}`);
    } else if (frame.tag === 'a') {
      write(linkText(collapse(inner).trim(), frame.attributes.href));
    } else if (frame.tag === 'blockquote') {
      const quoted = normalizeLines(inner);
      if (quoted) write(`\n${quoteLines(quoted)}\n`);
    }
  }

  function linkText(label: string, rawHref: string | undefined): string {
    const href = rawHref?.trim();
    if (!href || /^(javascript|data):/i.test(href)) return label;
    if (!links.includes(href)) links.push(href);
    if (!label || label === href || label === href.replace(/^mailto:/i, '')) return href;
    return `${label} (${href})`;
  }
}

/** Prefixes every line with `> `. */
export function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** Decodes named (the common ones), decimal and hex character references; unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return '\uFFFD';
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
    return named === undefined || (!whole.endsWith(';') && !LEGACY_WITHOUT_SEMICOLON.has(body))
      ? whole
      : named;
  });
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '',
  zwj: '\u200d',
  zwnj: '\u200c',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  iexcl: '¡',
  iquest: '¿',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  rArr: '⇒',
  le: '≤',
  ge: '≥',
  ne: '≠',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  micro: 'µ',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ntilde: 'ñ',
  oacute: 'ó',
  iacute: 'í',
  uacute: 'ú',
  Eacute: 'É',
  oslash: 'ø',
  aring: 'å',
  aelig: 'æ',
  Oslash: 'Ø',
  Aring: 'Å',
  AElig: 'Æ',
};
/** Names browsers also decode without a trailing semicolon. */
const LEGACY_WITHOUT_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = match[1].toLowerCase();
    if (!(name in attributes)) attributes[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** Teams wraps inline content in `<div style="display:inline">`. */
function isInline(attributes: Record<string, string>): boolean {
  return /display\s*:\s*inline\b/i.test(attributes.style ?? '');
}

function imageText(tag: string, attributes: Record<string, string>): string {
  const alt = attributes.alt?.trim();
  const isEmoji = tag !== 'img' || /emoji/i.test(`${attributes.itemtype ?? ''} ${attributes.class ?? ''}`);
  if (isEmoji) return alt || (attributes.title ? `:${attributes.title}:` : '');
  return '[image]';
}

/** Source whitespace is not significant: one space; zero-width characters dropped. */
function inlineText(raw: string): string {
  return collapse(decodeEntities(raw));
}

function collapse(text: string): string {
  return text.replace(/[\u200b\ufeff]+/g, '').replace(/[ \t\r\n\f\u00a0]{2,}|[\t\r\n\f\u00a0]/g, ' ');
}

/** Trims every line, drops empty ones and spaces left around line breaks. */
function normalizeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
