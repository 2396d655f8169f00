import { describe, expect, it } from 'vitest';
import { Prng } from '../../../domain/seeded-random.js';
import { readConversation, type ReadMessage } from '../annotate-context.js';
import { conversation } from '../testing/conversation-builder.js';
import { answerable, RESPONSE_WINDOW } from './responses.js';

/** The definition, read literally: every earlier message filtered for each reply (quadratic, kept as the reference). */
function reference(messages: readonly ReadMessage[], later: ReadMessage): ReadMessage[] {
  const { message } = later;
  const before = messages.slice(0, later.index).filter((read) => !read.isBot);
  if (message.replyTo) {
    const chain = before.filter(
      (read) => read.message.id === message.replyTo || read.message.replyTo === message.replyTo,
    );
    if (chain.length > 0) return chain.reverse();
  }
  const thread = message.thread && message.thread !== message.id ? message.thread : undefined;
  if (thread) {
    const inThread = before.filter((read) => read.message.id === thread || read.message.thread === thread);
    if (inThread.length > 0) return inThread.reverse();
  }
  const at = Date.parse(message.ts);
  return before
    .filter((read) => !(read.message.thread && read.message.thread !== read.message.id))
    .slice(-RESPONSE_WINDOW.messages)
    .filter((read) => at - Date.parse(read.message.ts) <= RESPONSE_WINDOW.ms)
    .reverse();
}

describe('answerable', () => {
  it('finds what the literal definition finds, over threads, reply chains, bots and long pauses', () => {
    const random = new Prng(20261206);
    const who = ['dana', 'marco', 'priya', 'lena', 'bot'];
    for (let round = 0; round < 20; round++) {
      const size = 40 + random.int(80);
      const input = conversation(
        Array.from({ length: size }, (_, k): [string, string] => [who[random.int(5)], `line ${k}`]),
      );
      let clock = Date.parse(input.messages[0].ts);
      input.messages.forEach((message, k) => {
        // Pauses from a minute to a day, so the six-hour window matters.
        clock += 60_000 * (1 + (random.int(10) === 0 ? random.int(1_440) : random.int(30)));
        message.ts = new Date(clock).toISOString();
        const pick = random.int(10);
        if (k > 0 && pick < 3) message.thread = input.messages[random.int(k)].id;
        else if (k > 0 && pick < 5) message.replyTo = input.messages[random.int(k)].id;
        else if (pick === 5) message.thread = message.id;
      });
      const { messages } = readConversation(input);
      for (const later of messages) {
        const ids = (reads: ReadMessage[]): number[] => reads.map((read) => read.index);
        expect(ids(answerable(messages, later)), `round ${round}, message ${later.index}`).toEqual(
          ids(reference(messages, later)),
        );
      }
    }
  });
});
