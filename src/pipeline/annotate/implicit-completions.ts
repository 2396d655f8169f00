import type { Found } from './action-item-parts.js';
import { matchesAny, stem, type AnnotateContext, type ReadMessage } from './annotate-context.js';
import type { OpenItem } from './annotate-types.js';
import { irregularBase } from './lexicon/irregular-verbs.js';
import { COMPLETION_CUES } from './lexicon/cues.js';

/**
 * Work reported done in other words than "done": the past form of the verb the item promised
 * ("I'll stage the export" … "export staged", "will test it" … "Tested the import"), a bare "sent ✅"
 * where the item was asked, and the reply a "let me come back to you" promised.
 */

const DAY_MS = 86_400_000;
/** How long after an item (or its due date) a bare "done" in its channel may still be about it. */
const SAME_CHANNEL_WINDOW_MS = 7 * DAY_MS;
/** A clause that plans, doubts or asks: "once it is tested", "not sent yet", "has anyone tested it?". */
const NOT_A_REPORT =
  /\?|\b(?:will|i'?ll|we'?ll|going to|gonna|once|when|until|if|not|n['’]t|never|yet|should|could|would|might|need|needs|to be)\b/i;
/** "Got it, I'll come back to you Monday", "will get back to you": the promise is the next answer (not "come back with a number"). */
const REPLY_PROMISE =
  /\b(?:i['’]?ll|i will|will)\s+(?:come back|get back|circle back|report back)\b(?!\s+(?:with|on)\b)/i;
/** The verb an item promises or asks for: "I'll stage …", "can you review …", "will test …", "fixing it now". */
const PROMISED_VERB =
  /\b(?:i['’]?ll|i will|we['’]?ll|we will|will|can (?:you|u)|could (?:you|u)|would (?:you|u)|please|pls|to|gonna|going to|let me|lemme)\s+(?:(?:also|just|quickly|then|first|finally)\s+|double[- ]?)?(\p{L}{3,})|(?:^|[,;:—–]\s*)(\p{L}{3,}ing)\b/giu;

/** Reports that keep a promise in another verb: an approval is the review asked for. */
const KEEPS = new Map([[stem('approved'), stem('review')]]);

function promisedVerbs(summary: string): Set<string> {
  const verbs = new Set<string>();
  for (const match of summary.toLowerCase().matchAll(PROMISED_VERB)) verbs.add(stem(match[1] ?? match[2]));
  return verbs;
}
/** The least a message needs to be the answer promised, not an aside. */
const ANSWER_WORDS = 8;

/** Open items by their assignee's name (one human's keys share it), per knowledge list: built once, not per message. */
const byHolder = new WeakMap<readonly OpenItem[], { people: unknown; index: Map<string, OpenItem[]> }>();

/** The speaker's open items from earlier conversations, whichever source the speaker wrote them from. */
export function priorOf(context: AnnotateContext, author: string): OpenItem[] {
  const items = context.input.openItems;
  if (!items || items.length === 0) return [];
  let index = byHolder.get(items)?.people === context.people ? byHolder.get(items)?.index : undefined;
  if (!index) {
    index = new Map();
    for (const item of items) {
      if (item.assignee === null) continue;
      const name = context.people.nameOf(item.assignee);
      const list = index.get(name);
      if (list) list.push(item);
      else index.set(name, [item]);
    }
    byHolder.set(items, { people: context.people, index });
  }
  return (index.get(context.people.nameOf(author)) ?? []).filter(
    (item) => item.assignee !== null && context.people.samePerson(item.assignee, author),
  );
}

/** Stems of the past forms the message's first clause reports ("export staged", "Tested the import"). */
function reportedStems(text: string): Set<string> {
  const clause = text.split(/[.!?;\n]/)[0] ?? '';
  if (NOT_A_REPORT.test(clause) || /\?/.test(text.slice(0, 160))) return new Set();
  const stems = new Set<string>();
  for (const word of clause.toLowerCase().match(/\p{L}+/gu) ?? [])
    if ((word.length >= 5 && word.endsWith('ed')) || irregularBase(word)) {
      stems.add(stem(word));
      const kept = KEEPS.get(stem(word));
      if (kept) stems.add(kept);
    }
  return stems;
}

/**
 * The open item (here, or earlier and still open) whose verb the message reports in the past: the
 * speaker's, asked or promised before it. The most recent wins.
 */
export function reportedItem(
  context: AnnotateContext,
  found: readonly Found[],
  read: ReadMessage,
): string | undefined {
  const stems = reportedStems(read.text);
  if (stems.size === 0) return undefined;
  const reports = (summary: string): boolean => [...promisedVerbs(summary)].some((verb) => stems.has(verb));
  const here = [...found]
    .reverse()
    .find(
      (entry) =>
        entry.at < read.index && entry.item.assignee === read.message.author && reports(entry.item.summary),
    );
  if (here) return here.item.id;
  return priorOf(context, read.message.author)
    .filter((item) => item.at < read.message.ts && reports(item.summary))
    .sort((a, b) => b.at.localeCompare(a.at))[0]?.itemId;
}

/** "sent ✅ …", "demo done", "correction sent to all …": the message opens by saying something is done. */
export function opensWithCompletion(text: string): boolean {
  return matchesAny(text.split(/\s+/).slice(0, 3).join(' '), COMPLETION_CUES);
}

/**
 * "sent ✅", "demo done": a completion that opens the message and names nothing, said where the
 * speaker's one open item of the past week was asked or promised.
 */
export function soleOpenHere(context: AnnotateContext, read: ReadMessage): string | undefined {
  if (!opensWithCompletion(read.text)) return undefined;
  const at = Date.parse(read.message.ts);
  const here = priorOf(context, read.message.author).filter(
    (item) =>
      item.channel === context.input.channel &&
      item.at < read.message.ts &&
      at - Math.max(Date.parse(item.at), Date.parse(item.due ?? '') || 0) <= SAME_CHANNEL_WINDOW_MS,
  );
  return here.length === 1 ? here[0].itemId : undefined;
}

/**
 * Promises to come back to someone that this message keeps: the promiser's next substantive
 * statement in the channel, in a later conversation, or hours later in this one.
 */
export function repliesKept(context: AnnotateContext, found: readonly Found[], read: ReadMessage): string[] {
  const text = read.text;
  if (/\?/.test(text) || REPLY_PROMISE.test(text) || text.split(/\s+/).length < ANSWER_WORDS) return [];
  const at = Date.parse(read.message.ts);
  const out: string[] = [];
  for (const entry of found) {
    if (entry.at >= read.index || entry.item.assignee !== read.message.author) continue;
    const promisedAt = Date.parse(context.messages[entry.at]?.message.ts ?? read.message.ts);
    if (REPLY_PROMISE.test(entry.item.summary) && at - promisedAt >= 4 * 3_600_000) out.push(entry.item.id);
  }
  for (const item of priorOf(context, read.message.author))
    if (
      item.channel === context.input.channel &&
      item.at < read.message.ts &&
      REPLY_PROMISE.test(item.summary)
    )
      out.push(item.itemId);
  return out;
}
