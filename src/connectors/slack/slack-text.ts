/**
 * Slack mrkdwn message text to the plain text outro stores, in one precompiled pass: user,
 * channel and special mentions rendered as names, links as `label (url)`, and the three entities
 * Slack escapes (`&amp;` `&lt;` `&gt;`) decoded. Slack escapes literal `<`, `>` and `&` in text,
 * so every `<...>` is a control sequence.
 */

/** What the normaliser needs to know about the workspace. */
export interface SlackTextContext {
  personKey(userId: string): string;
  /** Display name of a user, when known. */
  displayName(userId: string): string | undefined;
  channelKey(channelId: string): string;
  channelName(channelId: string): string | undefined;
}

export interface SlackText {
  text: string;
  /** Person keys, in order of first mention. */
  mentions: string[];
  /** Channel keys, in order of first mention; undefined when none. */
  channelMentions: string[] | undefined;
  /** Link targets (http and other schemes except mailto), in order, without duplicates; undefined when none. */
  links: string[] | undefined;
  /** `@here`, `@channel` or `@everyone`. */
  mentionsAll: boolean;
}

const TOKEN = /<([^<>]*)>|&(amp|lt|gt);/g;
const ENTITY = /&(amp|lt|gt);/g;
const ENTITY_CHARS: Record<string, string> = { amp: '&', lt: '<', gt: '>' };
const BROADCASTS: Record<string, string> = { here: '@here', channel: '@channel', everyone: '@everyone' };

const decodeEntity = (_whole: string, name: string): string => ENTITY_CHARS[name];

/** Decodes the three entities Slack escapes. */
export function decodeSlackEntities(text: string): string {
  return text.includes('&') ? text.replace(ENTITY, decodeEntity) : text;
}

/** Normalises one message text. Plain text without `<` or `&` is returned as is. */
export function normalizeSlackText(raw: string, context: SlackTextContext): SlackText {
  const result: SlackText = {
    text: raw,
    mentions: [],
    channelMentions: undefined,
    links: undefined,
    mentionsAll: false,
  };
  if (!raw.includes('<') && !raw.includes('&')) return result;
  result.text = raw.replace(TOKEN, (_whole: string, inner: string | undefined, entity: string | undefined) =>
    inner === undefined ? ENTITY_CHARS[entity as string] : renderControl(inner, context, result),
  );
  return result;
}

function renderControl(inner: string, context: SlackTextContext, result: SlackText): string {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decodeSlackEntities(inner.slice(bar + 1));
  const sigil = target.charCodeAt(0);
  if (sigil === 64 /* @ */) {
    const userId = target.slice(1);
    if (userId === '') return label ?? '@';
    addOnce(result.mentions, context.personKey(userId));
    return `@${context.displayName(userId) ?? stripAt(label) ?? userId}`;
  }
  if (sigil === 35 /* # */) {
    const channelId = target.slice(1);
    if (channelId === '') return label ?? '#';
    result.channelMentions = addOnce(result.channelMentions, context.channelKey(channelId));
    return `#${label || context.channelName(channelId) || channelId}`;
  }
  if (sigil === 33 /* ! */) return renderSpecial(target.slice(1), label, result);
  return renderLink(decodeSlackEntities(target), label, result);
}

/** `<!here>`, `<!channel>`, `<!everyone>`, `<!subteam^S1|@team>`, `<!date^...|fallback>`. */
function renderSpecial(command: string, label: string | undefined, result: SlackText): string {
  const broadcast = BROADCASTS[command];
  if (broadcast !== undefined) {
    result.mentionsAll = true;
    return broadcast;
  }
  const caret = command.indexOf('^');
  const name = caret < 0 ? command : command.slice(0, caret);
  if (name === 'date') return label ?? '';
  if (name === 'subteam') return label ? withAt(label) : `@${command.slice(caret + 1) || 'team'}`;
  return label ?? `@${name}`;
}

function renderLink(url: string, label: string | undefined, result: SlackText): string {
  if (url.startsWith('mailto:')) return label || url.slice(7);
  if (url === '') return label ?? '';
  result.links = addOnce(result.links, url);
  return label && label !== url ? `${label} (${url})` : url;
}

function addOnce(list: string[] | undefined, value: string): string[] {
  if (list === undefined) return [value];
  if (!list.includes(value)) list.push(value);
  return list;
}

function stripAt(label: string | undefined): string | undefined {
  if (!label) return undefined;
  return label.charCodeAt(0) === 64 ? label.slice(1) || undefined : label;
}

function withAt(label: string): string {
  return label.charCodeAt(0) === 64 ? label : `@${label}`;
}
