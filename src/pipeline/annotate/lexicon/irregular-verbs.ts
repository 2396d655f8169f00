/**
 * Past forms of English work verbs that do not end in -ed, to their base: a report ("sent", "wrote it up",
 * "the offer went out") is compared with the promise it keeps ("I'll send", "write up", "go out").
 */
const PAST_TO_BASE: Record<string, string> = {
  began: 'begin',
  begun: 'begin',
  bought: 'buy',
  brought: 'bring',
  built: 'build',
  caught: 'catch',
  chose: 'choose',
  chosen: 'choose',
  dealt: 'deal',
  drew: 'draw',
  drawn: 'draw',
  drove: 'drive',
  driven: 'drive',
  found: 'find',
  gave: 'give',
  given: 'give',
  held: 'hold',
  kept: 'keep',
  lent: 'lend',
  made: 'make',
  met: 'meet',
  paid: 'pay',
  ran: 'run',
  rang: 'ring',
  rewrote: 'rewrite',
  rewritten: 'rewrite',
  rode: 'ride',
  sent: 'send',
  sold: 'sell',
  spent: 'spend',
  spoke: 'speak',
  spoken: 'speak',
  took: 'take',
  taken: 'take',
  taught: 'teach',
  told: 'tell',
  wrote: 'write',
  written: 'write',
};

/** The base form of an irregular past ("sent" → "send"), else undefined. */
export function irregularBase(word: string): string | undefined {
  return Object.hasOwn(PAST_TO_BASE, word) ? PAST_TO_BASE[word] : undefined;
}
