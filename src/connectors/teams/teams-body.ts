import { decodeEntities, htmlToText, quoteLines } from '../html-text.js';
import { asArray, asId, asRecord, asString, isRecord, type JsonRecord } from '../json-values.js';
import { identityOf, type TeamsIdentity } from './teams-people.js';

export interface TeamsBody {
  text: string;
  links: string[];
  files: Array<{ name: string; mimetype?: string }>;
  /** Person keys from mentions[] (users and applications). */
  mentions: string[];
  /** A mention of a whole channel or team. */
  mentionsAll: boolean;
  /** Native id of the message a quoted reply quotes. */
  quotedId: string | undefined;
}

interface Mention {
  text: string;
  target: TeamsIdentity | undefined;
  /** Channel or team mentions notify everyone in it. */
  conversation: boolean;
}

const CARD_TYPE = /^application\/vnd\.microsoft\.(card\.|teams\.card)/i;

/**
 * A chatMessage body to plain text: HTML rendered, `<at id="N">` resolved through mentions[],
 * quoted replies (messageReference attachments) written as `> quoted text`, card text kept,
 * file attachments listed as files. A thread subject, when set, is the first line.
 */
export function renderBody(raw: JsonRecord): TeamsBody {
  const mentions = new Map<string, Mention>();
  for (const entry of asArray(raw.mentions)) {
    if (!isRecord(entry)) continue;
    const id = asId(entry.id);
    const mentioned = asRecord(entry.mentioned);
    if (id === undefined) continue;
    mentions.set(id, {
      text: asString(entry.mentionText) ?? '',
      target: identityOf(mentioned),
      conversation: isRecord(mentioned?.conversation),
    });
  }
  const attachments = new Map<string, JsonRecord>();
  for (const attachment of asArray(raw.attachments)) {
    if (isRecord(attachment)) attachments.set(asId(attachment.id) ?? `#${attachments.size}`, attachment);
  }

  const used = new Set<string>();
  let quotedId: string | undefined;
  const renderAttachment = (id: string): string => {
    const attachment = attachments.get(id);
    if (!attachment) return '';
    used.add(id);
    const contentType = asString(attachment.contentType) ?? '';
    if (contentType === 'messageReference') {
      const quote = quoteOf(attachment);
      quotedId ??= quote.messageId;
      return quote.text;
    }
    return CARD_TYPE.test(contentType) ? cardText(attachment.content) : '';
  };

  const body = asRecord(raw.body);
  const content = asString(body?.content) ?? '';
  let text: string;
  let links: string[] = [];
  if ((asString(body?.contentType) ?? 'text').toLowerCase() === 'html') {
    const quoted = simplifyReplyQuote(mergeSplitMentions(content, mentions));
    quotedId ??= quoted.quotedId;
    const rendered = htmlToText(quoted.html, {
      attachment: renderAttachment,
      mention: (id, inner) => `@${inner || mentions.get(id)?.text || ''}`,
    });
    text = rendered.text;
    links = rendered.links;
  } else {
    text = content.trim();
  }

  const before: string[] = [];
  const after: string[] = [];
  for (const [id, attachment] of attachments) {
    if (used.has(id)) continue;
    const contentType = asString(attachment.contentType) ?? '';
    if (contentType === 'messageReference') before.push(renderAttachment(id));
    else if (CARD_TYPE.test(contentType)) after.push(renderAttachment(id));
  }
  const subject = asString(raw.subject)?.trim();
  text = [subject, ...before, text, ...after].filter((part) => part).join('\n');

  const mentionKeys = [
    ...new Set([...mentions.values()].flatMap((mention) => (mention.target ? [mention.target.key] : []))),
  ];
  return {
    text,
    links,
    files: filesOf(attachments),
    mentions: mentionKeys,
    mentionsAll: [...mentions.values()].some((mention) => mention.conversation),
    quotedId,
  };
}

/**
 * Teams splits a multi-word mention into one `<at>` per word ("Megan", "Bowen") pointing at the
 * same user; joined again so the text reads "@Megan Bowen".
 */
function mergeSplitMentions(html: string, mentions: ReadonlyMap<string, Mention>): string {
  const pair = /<at id="([^"<]*)">([^<]*)<\/at>((?:\s|&nbsp;)+)<at id="([^"<]*)">([^<]*)<\/at>/g;
  let previous: string;
  let current = html;
  do {
    previous = current;
    current = current.replace(
      pair,
      (whole, firstId: string, first: string, _gap: string, secondId: string, second: string) => {
        const a = mentions.get(firstId)?.target?.key;
        return a !== undefined && a === mentions.get(secondId)?.target?.key
          ? `<at id="${firstId}">${first} ${second}</at>`
          : whole;
      },
    );
  } while (current !== previous);
  return current;
}

/**
 * Channel replies may quote as `<blockquote itemtype="http://schema.skype.com/Reply" itemid="…">`
 * holding the quoted author and time before the preview: those two are dropped, so the quote
 * reads like a messageReference quote, and the quoted message id is kept.
 */
function simplifyReplyQuote(html: string): { html: string; quotedId: string | undefined } {
  if (!html.includes('schema.skype.com/Reply')) return { html, quotedId: undefined };
  const tag = /<blockquote\b[^>]*schema\.skype\.com\/Reply[^>]*>/i.exec(html)?.[0] ?? '';
  const quotedId = /\bitemid="([^"]+)"/i.exec(tag)?.[1];
  const cleaned = html
    .replace(/<strong\b[^>]*itemprop="mri"[^>]*>[^<]*<\/strong>/gi, '')
    .replace(/<span\b[^>]*itemprop="time"[^>]*>[^<]*<\/span>/gi, '');
  return { html: cleaned, quotedId };
}

function quoteOf(attachment: JsonRecord): { text: string; messageId: string | undefined } {
  const content = parseContent(attachment.content);
  const preview = asString(content?.messagePreview) ?? '';
  const text = decodeEntities(preview).replace(/\s+/g, ' ').trim();
  return { text: text ? quoteLines(text) : '', messageId: asId(content?.messageId) ?? asId(attachment.id) };
}

/** The visible strings of an adaptive/hero card: titles and text blocks, in order. */
function cardText(content: unknown): string {
  const lines: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 12 || lines.length > 200) return;
    if (Array.isArray(value)) value.forEach((item) => walk(item, depth + 1));
    else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (
          (key === 'title' || key === 'subtitle' || key === 'text') &&
          typeof child === 'string' &&
          child.trim()
        )
          lines.push(child.trim());
        else if (typeof child === 'object') walk(child, depth + 1);
      }
    }
  };
  walk(parseContent(content) ?? content, 0);
  return lines.join('\n');
}

function parseContent(content: unknown): JsonRecord | undefined {
  if (isRecord(content)) return content;
  if (typeof content !== 'string' || content.trim() === '') return undefined;
  try {
    return asRecord(JSON.parse(content));
  } catch {
    return undefined;
  }
}

function filesOf(attachments: ReadonlyMap<string, JsonRecord>): TeamsBody['files'] {
  const files: TeamsBody['files'] = [];
  for (const attachment of attachments.values()) {
    const contentType = asString(attachment.contentType) ?? '';
    if (contentType === 'messageReference' || CARD_TYPE.test(contentType)) continue;
    if (contentType !== 'reference' && !contentType.includes('/')) continue;
    const url = asString(attachment.contentUrl);
    const name = asString(attachment.name)?.trim() || lastSegment(url) || 'attachment';
    files.push({ name, ...(contentType.includes('/') ? { mimetype: contentType } : {}) });
  }
  return files;
}

function lastSegment(url: string | undefined): string | undefined {
  const segment = url?.split('?')[0].split('/').pop();
  if (!segment) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
