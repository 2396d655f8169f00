import type { AnnotatedActionItem, AnnotatedCompletion } from './annotate-types.js';
import { itemId, matchesAny, personZones, type AnnotateContext } from './annotate-context.js';
import { resolveDue, type ResolvedDate } from './due-dates.js';
import { ACK_WINDOW, makeItem, summaryOf, type Found } from './action-item-parts.js';
import { namesNothing, threadRoot } from './thread-context.js';
import {
  acknowledges,
  deliveredItem,
  hasNewRequest,
  isCompletion,
  pickOpen,
  pickPrior,
  sameWorkDone,
  stillOpenElsewhere,
} from './action-matching.js';
import { answerCall, answerReactions, type OpenCall } from './dialogue/open-calls.js';
import { unitAddressing } from './dialogue/addressing.js';
import { promisedAndDone } from './promised-deeds.js';
import { deedsOf } from './two-deeds.js';
import { POINTER, TAKES_WORK, pointedAt, pointedContent } from './pointing-commitments.js';
import type { ReadUnit } from './dialogue/unit-acts.js';
import { notesOwner, planLine, planSteps, selfPlanLine, thirdPersonKey } from './plan-lines.js';
import { relaysDone } from './relays.js';
import {
  BEING,
  EACH_OF_YOU,
  IRONY,
  LISTENERS_WISH,
  SPEAKER_TAKES,
  STANDS_IN,
} from './lexicon/action-forms.js';
import { declinedRequest } from './declined-requests.js';
import { noteToSelf, rosterItems } from './roster-lines.js';
import { repliesKept, reportedItem, soleOpenHere } from './implicit-completions.js';
import {
  APPROVAL_CUES,
  BARE_CALL,
  BLOCKER_CUES,
  COMPLETION_CUES,
  NOT_COMPLETIONS,
  NOT_REQUESTS,
  PROGRESSIVE_COMMITMENT,
  SMALL_TALK,
  STEP_UNDER_WAY,
  TAKES_IT,
  WORK_VERBS,
  HAND_OFF,
} from './lexicon/cues.js';

/** A commitment the classifier alone found must be this sure to become an item (cues are trusted as they are). */
const MODEL_COMMITMENT = 0.8;
/** A request the classifier alone found must be this sure. */
const MODEL_REQUEST = 0.85;
/** "I'll ask Kwame", "I'll tell CS": a hand-off to someone named (a person, or a team's initials). */
function handsOff(context: AnnotateContext, text: string): boolean {
  const name = HAND_OFF.exec(text)?.groups?.name;
  return name !== undefined && (/^[A-Z]{2,}$/.test(name) || context.people.resolve(name) !== undefined);
}

/**
 * "I'll sign it by Wednesday" after "… so the rider document moves to Monday" in the same message: the
 * sentence before says what "it" is, and the item keeps it in brackets (cut short).
 */
function withContext(summary: string, before: string | undefined): string {
  if (!before || !STANDS_IN.test(summary)) return summary;
  const said = summaryOf(before).replace(/[\s,;:]+$/, '');
  return said.length < 3 ? summary : `${summary} (${said.length > 120 ? `${said.slice(0, 119)}…` : said})`;
}

/**
 * Action items, read from the units' acts and how messages answer each other:
 * - a request unit put to named people ("@x can you …", "Marco, could you …", a DM's "can you …",
 *   one line of a plan per @name) is an item for each of them; "Owen will handle …" names its assignee;
 * - a request put to everyone ("everyone please fill in your hours") gives an item to each member
 *   who answers it ("added mine", "done", a ✅), and one put to whoever takes it ("can someone …",
 *   "who's looking at …?") to the first who takes it on ("on it", "taking this one");
 * - a commitment ("I'll …", "checking the logs now") is an item for the speaker;
 * - an acknowledgement by the assignee joins the item's evidence; a later "done", "sent", "merged",
 *   ✅ (also as a reaction) or the deliverable itself completes it, here or in an earlier conversation.
 */
export function extractActionItems(context: AnnotateContext): {
  items: AnnotatedActionItem[];
  completions: AnnotatedCompletion[];
} {
  const zones = personZones(context.input.people);
  // Due dates are read in the speaker's zone when their profile has one, else the configured zone.
  const { input } = context;
  const zoneOf = (author: string): string => zones.get(author) ?? context.input.timezone;
  const found: Found[] = [];
  const completions: AnnotatedCompletion[] = [];
  const calls: OpenCall[] = [];
  const completed = (id: string): boolean => completions.some((completion) => completion.itemId === id);
  const complete = (itemIdToClose: string, messageId: string, by: string): void => {
    if (!completed(itemIdToClose))
      completions.push({ itemId: itemIdToClose, messageId, by, confidence: 0.7 });
  };

  for (const read of context.messages) {
    if (read.isBot) continue;
    const { message } = read;
    const text = read.text;
    const dueOf = (part: string): ResolvedDate | null => resolveDue(part, message.ts, zoneOf(message.author));

    // An answer to a request put to everyone or to anyone: the responder takes (or has done) their part.
    const answered = answerCall(context, calls, read);
    if (answered) {
      const { call, done } = answered;
      const taker = answered.assignee ?? message.author;
      const due =
        resolveDue(call.unit.text, call.read.message.ts, zoneOf(call.read.message.author)) ??
        resolveDue(text, message.ts, zoneOf(message.author));
      const id = itemId(input, call.read.message.id, 'action_item', call.to === 'everyone' ? taker : '');
      found.push({
        at: read.index,
        item: {
          id,
          // "… the accents get stripped. who can take it?": the call keeps what "it" is.
          summary: withContext(
            summaryOf(call.unit.text),
            call.read.units[call.read.units.indexOf(call.unit) - 1]?.text,
          ),
          assignee: taker,
          requestedBy: call.read.message.author,
          due: due?.value ?? null,
          dueText: due?.text ?? null,
          evidence: [call.read.message.id, message.id],
          confidence: 0.7,
        },
      });
      if (done) complete(id, message.id, taker);
      if (!read.units.some((unit) => unit.act === 'request')) continue;
    }

    // "I'll ask Kwame": done once the speaker puts something to Kwame (here or in a later conversation).
    for (const itemIdToClose of relaysDone(context, found, read))
      complete(itemIdToClose, message.id, message.author);
    // "Got it, I'll come back to you Monday": kept by the promiser's next real answer in the channel.
    for (const itemIdToClose of repliesKept(context, found, read))
      complete(itemIdToClose, message.id, message.author);

    // A completion of an open item of this conversation (or an earlier one).
    const delivered =
      message.attachment === true && !/\?/.test(text) && !matchesAny(text, NOT_COMPLETIONS)
        ? deliveredItem(found, context, message.author, text)
        : undefined;
    const saysDone = isCompletion(read);
    const openHere = found.filter((entry) => !completed(entry.item.id));
    // "export staged", "Tested the import": the promised verb, reported done.
    const reported = saysDone || delivered ? undefined : reportedItem(context, openHere, read);
    if ((saysDone || delivered || reported) && !hasNewRequest(read)) {
      const target =
        delivered ??
        reported ??
        pickOpen(
          found.filter(
            (entry) =>
              entry.item.assignee === message.author && entry.at < read.index && !completed(entry.item.id),
          ),
          text,
          read.index,
        ) ??
        pickPrior(context, message.author, text) ??
        soleOpenHere(context, read);
      if (target) {
        complete(target, message.id, message.author);
        for (const same of sameWorkDone(context, message.author, text, target))
          complete(same, message.id, message.author);
        // "both called … @marco can you do that?": a completion may hand on a new request.
        if (!read.units.some((unit) => unit.act === 'request')) continue;
      }
    }

    // "can't this week, sorry": the one asked turns the request down, so it is no item of theirs.
    const declined = declinedRequest(found, read, completed);
    if (declined) {
      found.splice(found.indexOf(declined), 1);
      continue;
    }

    // An acknowledgement by the assignee: "yep, on it", "will do", or an "I'll …" about the same work.
    // An item already done takes no acknowledgement: a promise after it is the next piece of work.
    const open = found.filter(
      (entry) =>
        entry.item.assignee === message.author &&
        read.index - entry.at <= ACK_WINDOW &&
        entry.at < read.index &&
        !completed(entry.item.id),
    );
    const acked =
      open.length > 0 && !/\?/.test(text)
        ? [...open].reverse().find((entry) => acknowledges(context, read, entry))
        : undefined;
    if (acked) {
      if (!acked.item.evidence.includes(message.id)) acked.item.evidence.push(message.id);
      if (!acked.item.due) {
        const due = resolveDue(text, message.ts, zoneOf(message.author));
        if (due) Object.assign(acked.item, { due: due.value, dueText: due.text });
      }
      acked.item.confidence = Math.min(0.95, acked.item.confidence + 0.1);
      // "👍 we'll send it Friday. Lena writes it up, I check": an acknowledgement may hand out work too.
      if (!read.units.some((unit) => thirdPersonKey(context, unit.text, message.author))) continue;
    }

    // "marco — final dish list by Wed; sam — book the room": a roster, one item per line.
    const roster = rosterItems(context, read, zoneOf);
    for (const item of roster.items) found.push({ at: read.index, item });
    let made = roster.items.length;
    for (const [k, unit] of read.units.entries()) {
      if (roster.covered.has(unit)) continue;
      if (k > 0 && BARE_CALL.test(unit.text) && !calls.some((call) => call.read === read)) {
        calls.push({ read, unit: read.units[k - 1], to: 'anyone', members: [], responders: new Set() });
        continue;
      }
      const own = noteToSelf(context, read, unit, made, zoneOf);
      if (own) {
        found.push({ at: read.index, item: own });
        made++;
        continue;
      }
      const named = thirdPersonKey(context, unit.text, message.author) ?? notesOwner(context, read, unit);
      // "Next steps: Priya drafts the RFC, Marco reviews it by Monday": one item per step.
      const steps = named === null ? planSteps(context, read, unit) : [];
      for (const step of steps) {
        // "for the inventory count tomorrow:\n- Marco prints the sheets": the heading's day is the step's.
        const heading = read.units[0]?.text.endsWith(':') ? read.units[0].text : '';
        const stepDue =
          resolveDue(step.text, message.ts, zoneOf(message.author)) ??
          (heading ? resolveDue(heading, message.ts, zoneOf(message.author)) : null);
        found.push({
          at: read.index,
          item: makeItem(context, read, made, summaryOf(step.text), step.key, stepDue, 0.8),
        });
        made++;
      }
      if (steps.length > 0) continue;
      // An ask for approval or sign-off is a question for the approver, not work (extract-questions.ts).
      const request =
        (unit.act === 'request' &&
          !matchesAny(unit.text, NOT_REQUESTS) &&
          !matchesAny(unit.text, APPROVAL_CUES) &&
          !matchesAny(unit.text, BLOCKER_CUES) &&
          (unit.cue === 'request' || unit.confidence >= MODEL_REQUEST)) ||
        named !== null ||
        planLine(read, unit) ||
        selfPlanLine(read, unit) ||
        remindsOfDue(unit) ||
        asksWhoTakes(unit);
      const commitment =
        !request &&
        promisesWork(unit) &&
        !/\?\s*$/.test(unit.text) &&
        !/\b(?:if|otherwise|or else)\b/i.test(unit.text.replace(LISTENERS_WISH, '')) &&
        !BEING.test(unit.text) &&
        !IRONY.test(unit.text) &&
        (unit.cue === 'commitment' || (unit.confidence >= MODEL_COMMITMENT && SPEAKER_TAKES.test(unit.text)));
      if (!request && !commitment) continue;
      const unitDue = resolveDue(unit.text, message.ts, zoneOf(message.author));
      // A dateless "I'll …" is an action item only when it names work ("I'll fix it", "checking the logs"), not "I'll ask Tom".
      if (
        commitment &&
        !unitDue &&
        (unit.cue === 'commitment'
          ? !WORK_VERBS.test(unit.text) &&
            !promisedAndDone(context, read, unit.text) &&
            !PROGRESSIVE_COMMITMENT.test(unit.text) &&
            !TAKES_IT.test(unit.text) &&
            !handsOff(context, unit.text)
          : unit.confidence < MODEL_COMMITMENT)
      )
        continue;
      const due =
        unitDue ??
        resolveDue(
          read.sentences.filter((other) => other !== unit.text).join('. '),
          message.ts,
          zoneOf(message.author),
        );
      if (commitment) {
        // "on it" is an item only when it takes on something asked; "I'll take it" also takes on what the
        // message (or the one before it) says; the item's words are then those.
        const pointing = POINTER.test(unit.text);
        const asked = pointing
          ? (pointedAt(context, read) ??
            (TAKES_WORK.test(unit.text) ? pointedContent(context, read, unit) : undefined))
          : undefined;
        if (pointing && !asked) continue;
        // "would be great if staging got a snapshot before tomorrow's test" → "let me do that now": the ask's day.
        // "let me do that now" answering a request: "that" is the request, and so is its day.
        const taken =
          asked ?? (!due && k === 0 && STANDS_IN.test(unit.text) ? pointedAt(context, read) : undefined);
        const askedIn = taken ? context.messages.find((other) => other.units.includes(taken)) : undefined;
        const askedDue =
          !due && taken && askedIn
            ? resolveDue(taken.text, askedIn.message.ts, zoneOf(askedIn.message.author))
            : null;
        const summary = asked
          ? `${summaryOf(asked.text)} (${summaryOf(unit.text)})`
          : withContext(summaryOf(unit.text), read.units[k - 1]?.text);
        // "I'll look into it" about work already asked of the speaker elsewhere is that item again; a
        // promise with a day ("you'll have an answer Thursday") is news about it and stays an item.
        if (!unitDue && stillOpenElsewhere(context, message.author, asked ? summary : summaryOf(unit.text)))
          continue;
        const confidence = unitDue || WORK_VERBS.test(unit.text) ? 0.75 : 0.6;
        const root = namesNothing(unit.text) ? threadRoot(context, read) : undefined;
        const deeds = asked ? [{ said: summary, own: null }] : deedsOf(unit.text, summary, dueOf);
        for (const { said, own } of deeds) {
          const when = own ?? due ?? askedDue;
          const item = makeItem(context, read, made++, said, message.author, when, confidence);
          if (root) item.evidence.push(root);
          found.push({ at: read.index, item });
        }
        continue;
      }
      if (selfPlanLine(read, unit)) {
        found.push({
          at: read.index,
          item: makeItem(context, read, made, summaryOf(unit.text), message.author, due, 0.7),
        });
        made++;
        continue;
      }
      const addressing = unitAddressing(context, read, unit);
      if (named) {
        found.push({
          at: read.index,
          item: makeItem(context, read, made, summaryOf(unit.text), named, due, 0.8),
        });
        made++;
        continue;
      }
      if (addressing.to === 'everyone' || addressing.to === 'anyone') {
        // "anyone up for ramen?", "please welcome Grace": social, nobody's work.
        if (matchesAny(unit.text, SMALL_TALK) || /\bwelcome\b/i.test(unit.text)) continue;
        calls.push({
          read,
          unit,
          to: addressing.to,
          members: addressing.to === 'everyone' ? addressing.keys : [],
          responders: new Set(),
        });
        continue;
      }
      // One item per request a message makes, unless its lines name their own people (a plan handing out work).
      if (addressing.to !== 'people' || (made > 0 && !addressing.own)) continue;
      // "blocked on the keys from Initech, Dana can you nudge them?": the item says what "them" is.
      const summary = withContext(summaryOf(unit.text), read.units[k - 1]?.text);
      // "@lena @sam can you both add your dates": each of them; "@lena / @sam can you look": one of them.
      const each =
        addressing.keys.length > 1 &&
        (EACH_OF_YOU.test(unit.text) || context.people.leadingNames(unit.text).length > 1)
          ? addressing.keys
          : addressing.keys.slice(0, 1);
      const deeds = each.length === 1 ? deedsOf(unit.text, summary, dueOf) : [{ said: summary, own: null }];
      for (const assignee of each)
        for (const { said, own } of deeds) {
          found.push({
            at: read.index,
            item: makeItem(context, read, made, said, assignee, own ?? due, 0.8),
          });
          made++;
        }
    }
    answerReactions(context, read, calls, found, complete);
  }
  return { items: found.map((entry) => entry.item), completions };
}

/**
 * The unit promises work: the model says so, or the cue does where the model reads only the finished
 * half ("the pricing page is merged, deploying it Wed") or a form it reads as "other" ("thanks,
 * chasing internally", "telling Sam now").
 */
function promisesWork(unit: ReadUnit): boolean {
  if (unit.act === 'commitment') return true;
  if (unit.cue !== 'commitment') return false;
  if (unit.act === 'completion') return true;
  return unit.act === 'other' && (STEP_UNDER_WAY.test(unit.text) || matchesAny(unit.text, COMPLETION_CUES));
}

/** "Reminder @Priya the questionnaire is due Wednesday": a reminder of something due asks for it. */
function remindsOfDue(unit: ReadUnit): boolean {
  return (
    /^[\W_]*(?:(?:friendly|gentle|quick|final|last|small)\s+)?reminder\b/i.test(unit.text) &&
    /\b(?:due|by|before|deadline|closes)\b/i.test(unit.text)
  );
}

/** "who's looking at the failed payouts?", "who is doing the release notes?": work put to whoever has it. */
function asksWhoTakes(unit: ReadUnit): boolean {
  return /^(?:(?:so|ok|also|quick q)[,:]?\s+)?who(?:['’]s| is) (?:looking at|looking into|doing|handling|taking|covering|picking up|on)\b[^?]{3,}\?\s*$/i.test(
    unit.text,
  );
}
