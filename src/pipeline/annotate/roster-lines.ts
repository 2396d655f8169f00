import type { AnnotatedActionItem } from './annotate-types.js';
import type { AnnotateContext, ReadMessage } from './annotate-context.js';
import { makeItem, summaryOf } from './action-item-parts.js';
import { resolveDue } from './due-dates.js';
import type { ReadUnit } from './dialogue/unit-acts.js';
import { NOTE_TO_SELF } from './lexicon/action-forms.js';

/** "marco — final dish list by Wednesday", "- Sam: pick up the generator", "3. me: sign the renewal". */
const ROSTER_LINE =
  /^\W*(?:\d{1,2}[.)]\s*)?@?(?<name>[\p{L}][\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’-]+)?)\s*(?::|—|–|\s-\s|->|→)\s*(?<task>[^?]{3,})$/u;
const ROSTER_MARK = /[:—–→]|\s-\s|->/;
/** A heading before the first line on the same unit: "for the Xmas tasting: marco — …". */
const HEADING = /^[^:—–]{3,60}:\s+(?=@?[\p{L}][\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’-]+)?\s*(?::|—|–|\s-\s))/u;

interface RosterLine {
  key: string;
  task: string;
  /** The line as written, bullet and heading gone. */
  text: string;
}

/** The lines of a message that hand a task to a named person (or "me"): its lines, split at semicolons. */
function rosterLines(context: AnnotateContext, read: ReadMessage): RosterLine[] {
  const out: RosterLine[] = [];
  for (const raw of read.message.text.split(/\n+|;\s+/)) {
    const text = raw
      .replace(/^\s*(?:[-*•·‣◦▪]|\d{1,2}[.)]|\(\d{1,2}\))\s+/, '')
      .replace(HEADING, '')
      .trim();
    const line = ROSTER_LINE.exec(text);
    if (!line?.groups) continue;
    // "Validra: config file by Oct 28 (Fatima)": a heading and its owner in brackets (plan-lines.ts reads those).
    const bracketed = /\(([^()]+)\)/.exec(line.groups.task)?.[1];
    if (bracketed && context.people.namedIn(bracketed).length > 0) continue;
    const name = line.groups.name.replace(/^@/, '');
    const key = /^(?:me|i|myself)$/i.test(name) ? read.message.author : context.people.resolve(name);
    if (key) out.push({ key, task: line.groups.task.trim(), text });
  }
  return out;
}

/**
 * A message that hands out work as a roster — two or more "Name — task" lines ("marco — final dish
 * list by Wed; sam — book the room", "- Priya: confirm catering", "me: sign the renewal"): an item
 * per line for that person (the speaker for "me"), and the units those lines cover, which need no
 * other reading. Nothing when fewer than two lines name someone.
 */
export function rosterItems(
  context: AnnotateContext,
  read: ReadMessage,
  zone: (author: string) => string,
): { items: AnnotatedActionItem[]; covered: Set<ReadUnit> } {
  // Most messages hold no colon, dash or arrow: neither a roster nor a headed list.
  if (!ROSTER_MARK.test(read.message.text)) return { items: [], covered: new Set() };
  const headed = headedList(context, read, zone);
  if (headed.items.length > 0) return headed;
  const lines = rosterLines(context, read);
  if (lines.length < 2) return { items: [], covered: new Set() };
  const { message } = read;
  // "quarterly walkthrough, split: … findings in the sheet by friday": a day said around the lines is each line's.
  const around = message.text
    .split(/\n+/)
    .filter((raw) => !lines.some((line) => raw.includes(line.text)))
    // "for the visit next week:" dates the occasion; "by friday", "target EOW" set the work's day.
    .filter((raw) => /\b(?:by|before|due|target|deadline|eod|eow|end of (?:day|week))\b/i.test(raw))
    .join('. ');
  const aroundDue = around.trim() ? resolveDue(around, message.ts, zone(message.author)) : null;
  const items = lines.map((line, k) =>
    makeItem(
      context,
      read,
      k,
      summaryOf(line.task),
      line.key,
      resolveDue(line.task, message.ts, zone(message.author)) ?? aroundDue,
      0.8,
    ),
  );
  const covered = new Set(
    read.units.filter((unit) => lines.some((line) => line.text.includes(unit.text.replace(/[;.]\s*$/, '')))),
  );
  return { items, covered };
}

/**
 * "Marco, for the demo please:\n1) fix the save corruption\n2) finish the controller remap": a
 * heading put to one person, then two or more list items that name nobody — each is theirs.
 */
function headedList(
  context: AnnotateContext,
  read: ReadMessage,
  zone: (author: string) => string,
): { items: AnnotatedActionItem[]; covered: Set<ReadUnit> } {
  const none = { items: [], covered: new Set<ReadUnit>() };
  const [heading, ...rest] = read.units;
  if (!heading || heading.unit.listIndex !== undefined || !/:\s*$/.test(heading.text)) return none;
  const to = context.people.atMentions(heading.text)[0] ?? context.people.leadingName(heading.text);
  if (!to || to === read.message.author) return none;
  const listed = rest.filter(
    (unit) => unit.unit.listIndex !== undefined && context.people.namedIn(unit.text).length === 0,
  );
  if (listed.length < 2 || listed.length !== rest.length) return none;
  const { message } = read;
  const items = listed.map((unit, k) =>
    makeItem(
      context,
      read,
      k,
      summaryOf(unit.text),
      to,
      resolveDue(unit.text, message.ts, zone(message.author)),
      0.8,
    ),
  );
  return { items, covered: new Set([heading, ...listed]) };
}

/** "note to self: update the receiver by the 20th": the speaker's own item. */
export function noteToSelf(
  context: AnnotateContext,
  read: ReadMessage,
  unit: ReadUnit,
  made: number,
  zone: (author: string) => string,
): AnnotatedActionItem | undefined {
  const toSelf = NOTE_TO_SELF.exec(unit.text);
  if (!toSelf) return undefined;
  const own = unit.text.slice(toSelf[0].length);
  const due = resolveDue(own, read.message.ts, zone(read.message.author));
  return makeItem(context, read, made, summaryOf(own), read.message.author, due, 0.75);
}
