import { describe, expect, it } from 'vitest';
import { disentangle } from './disentangle.js';
import { medianPauseSeconds, streamPace } from './stream-pace.js';
import type { ChatLine } from './types.js';

const T0 = Date.UTC(2026, 10, 16, 8, 0);
const MIN = 60_000;

const NAMES: Record<string, string[]> = {
  elena: ['Elena Novak', 'Elena'],
  tom: ['Hughes, Tom', 'Tom'],
  grace: ['Grace Liu', 'Grace'],
  marco: ['Marco Rossi', 'Marco'],
  dana: ['Dana Whitfield', 'Dana'],
};

/** A line `minutes` after T0; `extra` carries Teams' thread and replyToId (a Teams reply names its thread's root). */
function line(
  id: string,
  minutes: number,
  author: string,
  text: string,
  extra: Partial<ChatLine> = {},
): ChatLine {
  return { id, author, authorNames: NAMES[author] ?? [author], text, ts: T0 + minutes * MIN, ...extra };
}
const reply = (root: string): Partial<ChatLine> => ({ thread: root, replyTo: root });

const sorted = (conversations: string[][]): string[][] =>
  conversations.map((c) => [...c].sort()).sort((a, b) => a[0].localeCompare(b[0]));

describe('team chat: Teams channel reply threads', () => {
  // Two posts whose reply threads interleave; the replies' words and addressing point the wrong way on purpose
  // (a reply in A thanks the author of B), so only the thread structure splits them correctly.
  const channel: ChatLine[] = [
    line('a', 0, 'grace', 'Brightwave says the invoice PDF export times out for them since this morning', {
      thread: 'a',
    }),
    line('b', 3, 'tom', 'who is covering the support rota next week? I am out Monday and Tuesday', {
      thread: 'b',
    }),
    line('a1', 5, 'marco', 'looking', reply('a')),
    line('b1', 7, 'grace', 'I can take Monday', reply('b')),
    line(
      'a2',
      9,
      'marco',
      '@Tom thanks for the heads up earlier, the PDF worker was stuck, redeployed now',
      reply('a'),
    ),
    line('b2', 11, 'elena', 'Tuesday is mine then', reply('b')),
    line('a3', 14, 'grace', 'confirmed, their export works again 🎉', reply('a')),
    line('b3', 16, 'tom', 'thank you both!', reply('b')),
    // Replies to a post that is not in the export (older than the window) stay together, even when a top-level post
    // in between is what the later reply's words and addressing point at.
    line('d1', 18, 'dana', 'the dunning emails went out twice for some accounts', {
      thread: 'gone',
      replyTo: 'gone',
    }),
    line('u', 20, 'tom', '@Elena can you check the SMB renewal list today?'),
    line('d2', 22, 'elena', '@Tom yes, the renewal reminder job ran twice, fixed it', {
      thread: 'gone',
      replyTo: 'gone',
    }),
    // A new top-level post a day later starts its own conversation.
    line('c', 24 * 60, 'elena', 'reminder: customer success all-hands at 3pm today'),
  ];

  it('splits the channel along its reply threads', () => {
    const result = disentangle(channel);
    expect(sorted(result.conversations)).toEqual(
      sorted([['a', 'a1', 'a2', 'a3'], ['b', 'b1', 'b2', 'b3'], ['d1', 'd2'], ['u'], ['c']]),
    );
    expect(result.parent.get('a2')).toBe('a');
    expect(result.parent.get('d2')).toBe('d1');
    expect(result.parent.get('c')).toBe('c');
  });

  it('depends on the thread evidence: without it the same lines are split differently', () => {
    const bare = channel.map(({ thread: _thread, replyTo: _replyTo, ...rest }) => rest);
    expect(sorted(disentangle(bare).conversations)).not.toEqual(sorted(disentangle(channel).conversations));
  });
});

describe('team chat: unthreaded chatter', () => {
  // A group chat without threads: two interleaved exchanges, then a long silence and a new topic.
  const chat: ChatLine[] = [
    line('q1', 0, 'elena', '@Tom any news on the VAT rounding bug? Brightwave keeps asking'),
    line('r1', 2, 'grace', '@Marco can you regenerate the Nordlicht invoice with the new address?'),
    line('q2', 4, 'tom', '@Elena Priya is on the VAT rounding fix, should ship tomorrow'),
    line('r2', 6, 'marco', '@Grace sure, regenerating the Nordlicht invoice now'),
    line('q3', 8, 'elena', '@Tom great, I will tell Brightwave the VAT fix lands tomorrow'),
    line('r3', 10, 'marco', '@Grace done, the new Nordlicht invoice is in their portal'),
    line('n1', 10 * 60, 'dana', 'is anyone going to the Berlin meetup on Thursday?'),
  ];

  it('still splits by addressing, words and silences', () => {
    const result = disentangle(chat);
    expect(sorted(result.conversations)).toEqual(sorted([['q1', 'q2', 'q3'], ['r1', 'r2', 'r3'], ['n1']]));
  });
});

describe('stream pace', () => {
  it('reads minute-apart lines as team chat and busy IRC-like lines as IRC', () => {
    const busy = Array.from({ length: 10 }, (_, k) => line(`i${k}`, Math.floor(k / 4), 'tom', 'hi'));
    expect(medianPauseSeconds(busy)).toBe(0);
    expect(streamPace(busy)).toBe('irc');
    const slow = Array.from({ length: 5 }, (_, k) => line(`s${k}`, k * 3, 'tom', 'hi'));
    expect(medianPauseSeconds(slow)).toBe(180);
    expect(streamPace(slow)).toBe('chat');
    expect(disentangle(slow).version).toMatch(/\+chat$/);
    expect(disentangle(busy).version).toMatch(/\+irc$/);
  });

  it('applies the team-chat shift only to slow streams, and lets the caller override it and the gap limit', () => {
    // Unaddressed follow-ups: team-chat pace leans towards joining, IRC pace keeps the trained bias.
    const slow = [
      line('x', 0, 'ana', 'the nightly export failed again'),
      line('y', 5, 'ben', 'restarting it'),
      line('z', 9, 'cy', 'lunch at noon?'),
    ];
    expect(disentangle(slow).conversations.length).toBeLessThan(
      disentangle(slow, { pace: 'irc' }).conversations.length,
    );
    expect(disentangle(slow, { pace: 'irc' }).conversations).toEqual(
      disentangle(slow, { unaddressedShift: 0 }).conversations,
    );
    // Three hours apart: team chat's gap limit forbids linking across it; a caller may lift it, IRC pace has none.
    const apart = [
      line('p', 0, 'ana', 'ben: is the staging db back up?'),
      line('q', 180, 'ana', 'ben: is the staging db back up now?'),
    ];
    expect(disentangle(apart).parent.get('q')).toBe('q');
    expect(disentangle(apart, { maxGapMinutes: Infinity }).parent.get('q')).toBe('p');
    expect(disentangle(apart, { pace: 'irc' }).parent.get('q')).toBe('p');
  });

  it('never links a line without text', () => {
    const lines = [
      line('p', 0, 'ana', 'the build is red again'),
      line('e', 1, 'ben', ''),
      line('f', 2, 'ana', 'fixed the build'),
    ];
    const result = disentangle(lines);
    expect(result.parent.get('e')).toBe('e');
    expect(result.parent.get('f')).toBe('p');
  });
});
