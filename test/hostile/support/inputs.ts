import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';

/**
 * Hostile inputs generated on the fly (nothing large is kept in the repository): Discord channels of
 * any size, long messages and tokens, calendars with runaway recurrences.
 */

export interface DiscordOptions {
  guild?: string;
  channel?: string;
  /** Message count. */
  messages: number;
  /** The text of message `i` (default: a line of chat that names a component now and then). */
  content?: (index: number) => string;
  /** Authors cycled through (default 5). */
  authors?: number;
}

const WORDS = ['billing', 'deploy', 'the invoice service', 'auth', 'search', 'the release', 'payments'];

export function chatLine(index: number): string {
  const thing = WORDS[index % WORDS.length];
  switch (index % 5) {
    case 0:
      return `I'll look at ${thing} tomorrow, can someone review the PR?`;
    case 1:
      return `we decided to ship ${thing} on friday`;
    case 2:
      return `who owns ${thing}?`;
    case 3:
      return `Lena owns ${thing} now`;
    default:
      return `ok thanks, ${thing} looks fine to me`;
  }
}

function author(index: number, count: number): Record<string, unknown> {
  const n = index % count;
  return {
    id: String(900000000000000000n + BigInt(n)),
    name: `user${n}`,
    discriminator: '0000',
    nickname: `User ${String.fromCharCode(65 + (n % 26))}${n}`,
    isBot: false,
  };
}

function message(index: number, options: DiscordOptions): string {
  const base = Date.UTC(2026, 1, 1, 9, 0, 0);
  return JSON.stringify({
    id: String(1500000000000000000n + BigInt(index)),
    type: 'Default',
    timestamp: new Date(base + index * 37_000).toISOString(),
    timestampEdited: null,
    isPinned: false,
    content: (options.content ?? chatLine)(index),
    author: author(index, options.authors ?? 5),
    attachments: [],
    embeds: [],
    reactions: [],
    mentions: [],
  });
}

function head(options: DiscordOptions): string {
  return `{"guild":{"id":"${options.guild ?? '1100000000000000001'}","name":"hostile"},"channel":{"id":"${options.channel ?? '1200000000000000001'}","type":"GuildTextChat","name":"general"},"exportedAt":"2026-03-01T00:00:00Z","messages":[`;
}

/** A small DiscordChatExporter file, as a string. */
export function discordExport(options: DiscordOptions): string {
  const parts: string[] = [];
  for (let index = 0; index < options.messages; index++) parts.push(message(index, options));
  return `${head(options)}${parts.join(',')}]}`;
}

/** A DiscordChatExporter file of any size, streamed to disk (200k messages ≈ 60 MB). */
export async function writeDiscordExport(file: string, options: DiscordOptions): Promise<void> {
  const out = createWriteStream(file);
  const write = async (chunk: string): Promise<void> => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(head(options));
  for (let index = 0; index < options.messages; index++)
    await write((index === 0 ? '' : ',') + message(index, options));
  await write(']}');
  out.end();
  await once(out, 'close');
}

/** A base64-looking token of `length` characters (deterministic). */
export function longToken(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let seed = 7;
  let out = '';
  for (let index = 0; index < length; index++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[seed % 64];
  }
  return out;
}

/** Prose of about `length` characters: sentences that name components and people (worst case for NLP). */
export function longProse(length: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < length; index++) {
    const line = chatLine(index);
    parts.push(line);
    size += line.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

/** A calendar with one event repeating every second from `start`, never ending. */
export function secondlyCalendar(start = '20260301T090000Z'): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//hostile//EN',
    'BEGIN:VEVENT',
    'UID:secondly@hostile',
    `DTSTAMP:${start}`,
    `DTSTART:${start}`,
    'DURATION:PT1S',
    'RRULE:FREQ=SECONDLY',
    'SUMMARY:Tick',
    'ORGANIZER:mailto:lena@example.com',
    'ATTENDEE:mailto:tom@example.com',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

export function writeText(file: string, text: string | Buffer): void {
  writeFileSync(file, text);
}
