import { describe, expect, it } from 'vitest';
import { disentangle, MAX_CONVERSATION_LINES } from './disentangle.js';
import type { ChatLine } from './types.js';

const T0 = Date.UTC(2024, 0, 8, 9, 0);

/** Builds lines from `[author, text]` pairs, 20 seconds apart. */
function chat(rows: [string, string, Partial<ChatLine>?][]): ChatLine[] {
  return rows.map(([author, text, extra], k) => ({
    id: `m${k}`,
    author,
    authorNames: [author],
    text,
    ts: T0 + k * 20_000,
    ...extra,
  }));
}

function sameConversation(result: ReturnType<typeof disentangle>, ids: string[]): boolean {
  return result.conversations.some((conversation) => ids.every((id) => conversation.includes(id)));
}

describe('disentangle', () => {
  it('splits two interleaved conversations held together by addressing', () => {
    const lines = chat([
      ['alice', 'anyone know how to get my intel wifi card working on ubuntu?'],
      ['bob', 'carol: did the nightly build pass?'],
      ['dave', 'alice: which card exactly? run lspci and check'],
      ['carol', 'bob: yes it passed, deploying it now'],
      ['alice', 'dave: intel 3945, lspci lists it but no wlan0'],
      ['bob', 'carol: great, thanks'],
      ['dave', 'alice: install the linux-firmware package and reboot'],
    ]);
    const result = disentangle(lines);
    expect(result.conversations).toHaveLength(2);
    expect(result.conversations).toContainEqual(['m0', 'm2', 'm4', 'm6']);
    expect(result.conversations).toContainEqual(['m1', 'm3', 'm5']);
    expect(result.parent.get('m2')).toBe('m0');
    expect(result.parent.get('m0')).toBe('m0');
  });

  it('follows native threads and replies even when the text gives no hint', () => {
    const lines = chat([
      ['ana', 'release checklist for 2.4', { thread: 'm0' }],
      ['ben', 'lunch anyone?'],
      ['cy', 'done', { thread: 'm0' }],
      ['dee', 'me!', { replyTo: 'm1' }],
      ['ben', 'ok', { thread: 'm0' }],
    ]);
    const result = disentangle(lines);
    expect(result.parent.get('m2')).toBe('m0');
    expect(result.parent.get('m4')).toBe('m2');
    expect(result.parent.get('m3')).toBe('m1');
    expect(sameConversation(result, ['m0', 'm2', 'm4'])).toBe(true);
    expect(sameConversation(result, ['m1', 'm3'])).toBe(true);
    expect(sameConversation(result, ['m1', 'm2'])).toBe(false);
  });

  it('never glues system lines into a conversation', () => {
    const lines = chat([
      ['erin', 'how do I mount an iso file?'],
      ['fred', 'fred has joined #help', { system: true }],
      ['gus', 'erin: sudo mount -o loop file.iso /mnt'],
      ['fred', 'fred is now known as fred_', { system: true }],
      ['erin', 'gus: thanks, that worked'],
    ]);
    const result = disentangle(lines);
    expect(result.parent.get('m1')).toBe('m1');
    expect(result.parent.get('m3')).toBe('m3');
    expect(result.conversations).toContainEqual(['m1']);
    expect(result.conversations).toContainEqual(['m3']);
    expect(result.conversations).toContainEqual(['m0', 'm2', 'm4']);
  });

  it('gives the same answer every time and for any input order of the same timeline', () => {
    const lines = chat([
      ['alice', 'is the vpn down for anyone else?'],
      ['bob', 'who has the keys to the lab'],
      ['carol', 'alice: works for me'],
      ['dan', 'bob: I do'],
      ['alice', 'carol: ok, must be my laptop'],
    ]);
    const first = disentangle(lines);
    const again = disentangle(lines);
    const reversed = disentangle([...lines].reverse());
    expect(again).toEqual(first);
    expect(reversed.conversations).toEqual(first.conversations);
    expect([...reversed.parent.entries()].sort()).toEqual([...first.parent.entries()].sort());
    expect(first.version).toMatch(/^disentangle-\d+\+/);
  });

  it('links nothing across a gap longer than maxGapMinutes, except native threads and replies', () => {
    const HOUR = 3_600_000;
    const lines: ChatLine[] = [
      { id: 'a', author: 'ana', authorNames: ['ana'], text: 'ben: is the staging db back up?', ts: T0 },
      {
        id: 'b',
        author: 'ben',
        authorNames: ['ben'],
        text: 'ana: not yet, restoring the snapshot',
        ts: T0 + 60_000,
      },
      {
        id: 'c',
        author: 'ana',
        authorNames: ['ana'],
        text: 'ben: is the staging db back up now?',
        ts: T0 + 3 * HOUR,
      },
      {
        id: 'd',
        author: 'ben',
        authorNames: ['ben'],
        text: 'restored, sorry for the wait',
        ts: T0 + 6 * HOUR,
        replyTo: 'c',
      },
      {
        id: 'e',
        author: 'cy',
        authorNames: ['cy'],
        text: 'follow-up on this',
        ts: T0 + 9 * HOUR,
        thread: 'a',
      },
    ];
    const unlimited = disentangle(lines, { pace: 'irc' });
    expect(unlimited.parent.get('c')).not.toBe('c');
    const capped = disentangle(lines, { pace: 'irc', maxGapMinutes: 60 });
    // A stream this slow is team chat: the 60-minute limit is its default.
    expect(disentangle(lines).parent).toEqual(disentangle(lines, { pace: 'chat' }).parent);
    expect(disentangle(lines, { pace: 'chat' }).parent.get('c')).toBe('c');
    expect(capped.parent.get('c')).toBe('c');
    expect(capped.parent.get('d')).toBe('c');
    expect(capped.parent.get('e')).toBe('a');
  });

  it('shifts the new-conversation bias of lines that name nobody: lower joins more, higher splits more', () => {
    const lines = chat([
      ['ana', 'the deploy pipeline is stuck on the lint step'],
      ['ben', 'seen it, a cache key changed'],
      ['cy', 'standup moved to 10:30 today'],
    ]);
    const count = (shift: number): number =>
      disentangle(lines, { unaddressedShift: shift }).conversations.length;
    expect(count(-20)).toBe(1);
    expect(count(20)).toBe(3);
  });

  it('starts a new conversation when one reaches maxLines, for learned links and native threads alike', () => {
    // One author answering the other every 20 s about the same thing: read as one long conversation.
    const busy = chat(
      Array.from({ length: 25 }, (_, k): [string, string] => [
        k % 2 ? 'bob' : 'alice',
        `${k % 2 ? 'alice' : 'bob'}: the deploy of build ${k} is still failing on the same test`,
      ]),
    );
    expect(disentangle(busy).conversations).toHaveLength(1);
    const capped = disentangle(busy, { maxLines: 10 });
    expect(capped.conversations.map((c) => c.length)).toEqual([10, 10, 5]);
    expect(capped.parent.get('m10')).toBe('m10');
    expect(capped.parent.get('m11')).toBe('m10');

    const thread = chat(
      Array.from({ length: 12 }, (_, k): [string, string, Partial<ChatLine>] => [
        k % 2 ? 'bob' : 'alice',
        k === 0 ? 'release notes thread' : 'ok',
        { thread: 'm0' },
      ]),
    );
    expect(disentangle(thread).conversations).toHaveLength(1);
    expect(disentangle(thread, { maxLines: 5 }).conversations.map((c) => c.length)).toEqual([5, 5, 2]);
    expect(MAX_CONVERSATION_LINES).toBeGreaterThanOrEqual(500);
  });

  it('returns nothing for no lines', () => {
    const result = disentangle([]);
    expect(result.conversations).toEqual([]);
    expect(result.parent.size).toBe(0);
  });
});
