import type { AnnotateInput, AnnotateMessage, AnnotatePerson } from '../annotate-types.js';

/** People of the test team: Slack keys with full names. */
export const TEAM: AnnotatePerson[] = [
  { key: 'slack:T1:UDANA', name: 'Dana Whitfield', aliases: ['dana'] },
  { key: 'slack:T1:UMARCO', name: 'Marco Rossi', aliases: ['marco'] },
  { key: 'slack:T1:UPRIYA', name: 'Priya Nair', aliases: ['pj_dev'] },
  { key: 'slack:T1:ULENA', name: 'Lena Vogel', aliases: ['lena'] },
  { key: 'slack:T1:USAM', name: 'Sam Park', aliases: ['sam'] },
  { key: 'slack:T1:UBOT', name: 'CI Bot', isBot: true },
];

export const key = (first: string): string => `slack:T1:U${first.toUpperCase()}`;

/** A conversation starting Monday 2026-11-09 09:00 Berlin; each line is `[author, text]`, one minute apart. */
export function conversation(
  lines: Array<[string, string]>,
  overrides: Partial<AnnotateInput> = {},
): AnnotateInput {
  const start = Date.parse('2026-11-09T08:00:00Z');
  const messages: AnnotateMessage[] = lines.map(([author, text], index) => ({
    id: `m${index + 1}`,
    author: key(author),
    authorName: author,
    ts: new Date(start + index * 60_000).toISOString(),
    text,
    kind: author === 'bot' ? 'bot' : 'message',
    mentions: [],
    replyTo: null,
    thread: null,
  }));
  return {
    conversationId: 'conv-1',
    channel: 'slack:T1:CENG',
    ref: { source: 'slack', workspace: 'T1', channel: 'CENG' },
    timezone: 'Europe/Berlin',
    dm: false,
    messages,
    people: TEAM,
    entities: [],
    ...overrides,
  };
}
