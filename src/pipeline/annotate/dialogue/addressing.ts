import type { AnnotateContext, ReadMessage } from '../annotate-context.js';
import type { ReadUnit } from './unit-acts.js';
import { NEED_BY } from '../lexicon/cues.js';
import { messageById } from '../message-index.js';

/** Words that put a request or question to everyone present ("everyone please…", "@here", "all:"). */
const TO_EVERYONE =
  /(?:^|[\s,(])(?:@?(?:everyone|everybody|here|channel|all)\b|folks\b|y'?all\b|team[,:]|guys\b|you all\b|each of you\b)/i;
/** Words that put it to whoever takes it ("can someone…", "anyone free to…", "who can…"). */
const TO_ANYONE =
  /\b(?:someone|somebody|anyone|anybody|any of you|one of (?:you|us)|who(?:'s| is)? (?:can|could|wants to|is free|free)|who(?:'s| is) (?:looking at|on|taking|handling|doing|covering|picking up|owning))\b/i;

/** Who a unit is put to: named people, everyone present, whoever takes it, or nobody in particular. */
export type Addressing =
  | { to: 'people'; keys: string[]; own: boolean }
  | { to: 'everyone'; keys: string[] }
  | { to: 'anyone' }
  | { to: 'none' };

/**
 * The addressees of one unit: @mentions and a leading or trailing name inside it, else the
 * message's own addressees (a DM's other member, a mention elsewhere in the message); "everyone",
 * "@here", "all:" reach the channel's members when the export lists them; "can someone…" is open
 * to whoever takes it. A `@group` the config defines (`groups:`) reaches its members.
 */
export function unitAddressing(context: AnnotateContext, read: ReadMessage, unit: ReadUnit): Addressing {
  const author = read.message.author;
  // "… before then? Sofia, can you …": a vocative right before the ask.
  const vocative = /(?:^|[.!?:;]\s+|,\s*)([\p{Lu}][\p{L}]+),\s+(?:can|could|would|will)\s+you\b/u.exec(
    unit.text,
  );
  const own = [
    ...context.people.atMentions(unit.text),
    ...context.people.leadingNames(unit.text),
    context.people.leadingName(unit.text),
    context.people.trailingName(unit.text),
    vocative ? context.people.resolve(vocative[1]) : undefined,
  ].filter((key): key is string => key !== undefined && key !== author);
  const groups = groupMembers(context, unit.text).filter((key) => key !== author);
  if (groups.length > 0) return { to: 'everyone', keys: [...new Set([...own, ...groups])] };
  if (own.length > 0) return { to: 'people', keys: [...new Set(own)], own: true };
  if (TO_EVERYONE.test(unit.text) || read.message.mentionsAll)
    return { to: 'everyone', keys: (context.input.channelMembers ?? []).filter((key) => key !== author) };
  if (TO_ANYONE.test(unit.text)) return { to: 'anyone' };
  const message = read.addressees.filter((key) => key !== author);
  if (message.length > 0) return { to: 'people', keys: message, own: false };
  // "can you make it happen?", "I just need the notes by Friday" in a reply speak to whoever it answers.
  const target =
    /\byou\b/i.test(unit.text) || NEED_BY.test(unit.text) ? replyTarget(context, read) : undefined;
  if (target) return { to: 'people', keys: [target], own: false };
  return { to: 'none' };
}

/** The author a reply answers: its reply target, or in a thread the last earlier message of someone else (the root at worst). */
function replyTarget(context: AnnotateContext, read: ReadMessage): string | undefined {
  const { author, replyTo, thread, id } = read.message;
  if (replyTo) {
    const target = messageById(context.messages, replyTo);
    if (target && target.message.author !== author) return target.message.author;
  }
  if (!thread || thread === id) return undefined;
  for (let index = read.index - 1; index >= 0; index--) {
    const other = context.messages[index].message;
    if ((other.thread === thread || other.id === thread) && other.author !== author) return other.author;
  }
  return undefined;
}

/** Members of the `@group`s named in the text (config `groups:`), as person keys. */
function groupMembers(context: AnnotateContext, text: string): string[] {
  const groups = context.input.groups ?? {};
  const out: string[] = [];
  for (const match of text.matchAll(/@([\p{L}\d][\p{L}\d_.-]*)/gu)) {
    const members = groups[match[1].toLowerCase()];
    if (members) out.push(...members);
  }
  return out;
}
