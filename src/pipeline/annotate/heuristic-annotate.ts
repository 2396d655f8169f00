import type { AnnotateInput, AnnotateOutput } from './annotate-types.js';
import { handoverDecisions } from './handover-decisions.js';
import { personZones, readConversation, type GivenActs, type ReadOptions } from './annotate-context.js';
import { withoutTakenOver } from './dialogue/taken-over.js';
import { applyNegotiatedDues } from './dialogue/negotiated-dues.js';
import { decisionsByDelegation } from './dialogue/delegated-choices.js';
import { acceptedOffers } from './dialogue/accepted-offers.js';
import { conversationEntities, extractDecisions } from './extract-decisions.js';
import { extractActionItems } from './extract-actions.js';
import { extractFacts } from './extract-facts.js';
import { extractSchedule } from './extract-schedule.js';
import { extractQuestions } from './extract-questions.js';
import { isNoise, summaryOf, topicOf } from './topic-summary.js';
import { decisionsByAgreement } from './dialogue/decision-pairs.js';
import {
  decisionsByApproval,
  decisionsByCallingOff,
  decisionsByChoice,
  decisionsByConfirmation,
} from './dialogue/answered-asks.js';
import { mergeDecisions } from './dialogue/merge-decisions.js';
import { dialogueActModel } from './dialogue/act-model-once.js';

/**
 * The heuristic annotate strategy: every extractor over one conversation, deterministic and
 * offline. `given`: the units' acts as a model read them (classify-acts), in place of the learned ones.
 */
export function annotateHeuristically(
  input: AnnotateInput,
  given?: GivenActs,
  options?: ReadOptions,
): AnnotateOutput {
  const context = readConversation(input, dialogueActModel().model, given, options);
  for (const read of context.messages) if (!read.isBot) context.entities.discover(read.text);
  const ranked = conversationEntities(context);
  // "it" in a fact names the conversation's main entity, preferring one known from earlier conversations.
  const known = (id: string): boolean => context.entities.isKnown(id);
  const fromChannel = input.channelName
    ? context.entities.mentionedIn(input.channelName.replace(/[-_]/g, ' ')).find(known)
    : undefined;
  const mentions = (id: string): number =>
    context.messages.filter((read) => context.entities.mentionedIn(read.text).includes(id)).length;
  const main = (): string | undefined =>
    ranked.find((id) => known(id) && mentions(id) >= 2) ?? fromChannel ?? ranked.find(known) ?? ranked[0];
  const { facts, retractions } = extractFacts(context, main);
  facts.push(...extractSchedule(context));
  const decisions = mergeDecisions(extractDecisions(context), [
    ...decisionsByAgreement(context),
    ...decisionsByApproval(context),
    ...decisionsByChoice(context),
    ...decisionsByConfirmation(context),
    ...decisionsByCallingOff(context),
    ...decisionsByDelegation(context),
  ]);
  decisions.push(...handoverDecisions(context, facts, decisions));
  const { items, completions } = extractActionItems(context);
  // "I can take X if that helps" / "yes please": the offerer's work, unless the offer already made an item.
  // The people's zones are read only when an offer was taken up (extract-actions reads its own).
  let zones: ReadonlyMap<string, string> | undefined;
  const zoneOf = (author: string): string =>
    (zones ??= personZones(input.people)).get(author) ?? input.timezone;
  for (const offer of acceptedOffers(context, zoneOf))
    if (!items.some((item) => item.evidence[0] === offer.evidence[0])) items.push(offer);
  applyNegotiatedDues(context, items, zoneOf);
  // "sam pls call them" → "I can take that one" (priya) → "ok priya takes it then": Sam's ask is Priya's now.
  const kept = withoutTakenOver(context, items);
  const dropped = new Set(items.filter((item) => !kept.includes(item)).map((item) => item.id));
  items.splice(0, items.length, ...kept);
  completions.splice(
    0,
    completions.length,
    ...completions.filter((completion) => !dropped.has(completion.itemId)),
  );
  const questions = extractQuestions(context);
  const mentioned = new Set<string>();
  for (const read of context.messages) for (const key of read.addressees) mentioned.add(key);
  for (const read of context.messages)
    for (const hit of context.people.namedIn(read.text)) mentioned.add(hit.key);
  const participants = [...new Set(input.messages.map((message) => message.author))];
  for (const fact of facts) context.entities.markUsed(fact.object);
  for (const id of ranked) context.entities.markUsed(id);
  const entityList = context.entities.usedEntities();
  const keyMessages = [
    ...decisions.map((d) => d.evidence[0]),
    ...items.map((i) => i.evidence[0]),
    ...questions.map((q) => q.evidence[0]),
  ];
  const partialMessages = context.messages.filter((read) => read.partial).length;
  return {
    ...(partialMessages > 0 ? { partialMessages } : {}),
    topic: topicOf(context, ranked),
    summary: summaryOf(context, keyMessages),
    noise: isNoise(
      context,
      facts.length +
        decisions.length +
        items.length +
        questions.filter((q) => q.addressees.length > 0).length,
      ranked.some(known),
    ),
    participants,
    mentioned: [...mentioned].filter(
      (key) => !participants.includes(key) || context.messages.some((read) => read.addressees.includes(key)),
    ),
    entities: entityList,
    decisions,
    actionItems: items,
    questions,
    completions,
    facts,
    retractions,
  };
}
