import { reversalsOf, summaryInContext } from './answer-items.js';
import type { FactRelation } from '../../domain/fact-relations.js';
import { isValidAt, type FactVersion } from '../../memory/facts/fact-types.js';
import type { ComponentNode } from '../../memory/graph/graph-records.js';
import type { AskAnswer } from './ask-types.js';
import {
  collapseSameHuman,
  componentNames,
  day,
  dueText,
  factEvidence,
  historyOf,
  itemEvidence,
  known,
  names,
  openAt,
  unknown,
  type AnswerContext,
} from './answer-support.js';
import { closestPeople } from './closest-people.js';
import { recentStatements } from './recent-messages.js';
import { resolveComponent } from './resolve-entity.js';
import { wholeNaming } from './whole-naming.js';

const RELATION_WORDS: Record<FactRelation, { now: string; past: string; many: string }> = {
  owns: { now: 'owns', past: 'owned', many: 'own' },
  works_on: { now: 'works on', past: 'worked on', many: 'work on' },
  expert_in: { now: 'knows', past: 'knew', many: 'know' },
  on_call: { now: 'is on call for', past: 'was on call for', many: 'are on call for' },
};

async function componentOr(context: AnswerContext): Promise<{ component: ComponentNode } | AskAnswer> {
  const resolved = await resolveComponent(context.sources.graph, context.target);
  if (!resolved)
    return unknown(context, [
      `components, projects and teams named "${context.target}" (names and aliases): none found`,
    ]);
  return { component: resolved.component };
}

function entityOf(component: ComponentNode): AskAnswer['entity'] {
  return { kind: 'component', id: component.id, name: component.name ?? component.id };
}

/** Who owns X (as of), who works on X, who knows X: the holders valid at as-of, with the slot's history. */
export async function answerHolders(context: AnswerContext, relation: FactRelation): Promise<AskAnswer> {
  const found = await componentOr(context);
  if (!('component' in found)) return found;
  let { component } = found;
  const asked = component.name ?? component.id;
  let versions = collapseSameHuman(
    await context.sources.graph.facts({ object: component.id, relation }),
    context.sources.people,
  );
  const searched = [
    `${relation.replace('_', '-')} facts about ${asked} valid on ${day(context.asOf, context.sources.timeZone)} (${versions.length} on record)`,
  ];
  // "Wen owns the sync service: export worker, import queue, …": a part held with its whole.
  const whole = versions.length === 0 ? await wholeNaming(context, component, relation) : undefined;
  if (whole) {
    component = whole.component;
    versions = whole.versions;
    searched.push(
      `${relation.replace('_', '-')} facts whose statements name ${asked}: about ${component.name ?? component.id} (${versions.length} on record)`,
    );
  }
  const label = whole ? `${component.name ?? component.id} (with ${asked})` : asked;
  const history = await historyOf(versions, context);
  const holders = versions.filter((version) => isValidAt(version, context.asOf));
  if (holders.length === 0) {
    const before = holderBeforeRecord(versions, context);
    if (!before) return unknown(context, searched, { entity: entityOf(component), history });
    const { version, firstSaid } = before;
    const until = version.validTo ? day(version.validTo, context.sources.timeZone) : '';
    return known(context, {
      text: `${context.sources.people.name(version.subject)} ${RELATION_WORDS[relation].past} ${label} until ${until} (the record does not say since when; first said ${day(firstSaid, context.sources.timeZone)}).`,
      confidence: version.confidence * 0.8,
      evidence: factEvidence([version], context),
      entity: entityOf(component),
      history,
      searched,
    });
  }
  const isPast = context.asOf < context.sources.now.toISOString().slice(0, 10);
  const words = RELATION_WORDS[relation];
  const who = holders.map((version) => context.sources.people.name(version.subject));
  const since = holders.length === 1 ? `, since ${day(holders[0].validFrom, context.sources.timeZone)}` : '';
  const verb = isPast ? words.past : holders.length === 1 ? words.now : words.many;
  const hedge = holders.every((version) => version.hedged)
    ? ' (hedged: someone said they might; not confirmed)'
    : '';
  return known(context, {
    text: `${names(who)} ${verb} ${label}${since}${hedge}.`,
    confidence: Math.max(...holders.map((version) => version.confidence)),
    evidence: factEvidence(holders, context),
    entity: entityOf(component),
    history,
    searched,
  });
}

/**
 * The holder at a time before every version of the slot starts: the first version, when its claim
 * states no start (it was said while it already held, so it held before) and it is known to have
 * ended ("my last day on X today", a handover to someone else). A first holder still current, or
 * one whose start was stated ("from Monday Wen owns …"), says nothing about the time before.
 */
function holderBeforeRecord(
  versions: readonly FactVersion[],
  context: AnswerContext,
): { version: FactVersion; firstSaid: string } | undefined {
  const held = versions
    .filter((version) => version.status !== 'retracted' && version.status !== 'alternative')
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const first = held[0];
  if (!first || first.validTo === null || context.asOf >= first.validFrom) return undefined;
  const said = factEvidence([first], context)
    .map((item) => item.time)
    .sort()[0];
  // It starts when it was said: no start was stated ("from Monday", "since May" would move it).
  if (!said || Math.abs(Date.parse(first.validFrom) - Date.parse(said)) > 1000) return undefined;
  return { version: first, firstSaid: said };
}

/** Who should I ask about X: the owner, then those who know it, then who works on it, then the most active participants. */
export async function answerAskWhom(context: AnswerContext): Promise<AskAnswer> {
  const found = await componentOr(context);
  if (!('component' in found)) return found;
  const { component } = found;
  const label = component.name ?? component.id;
  const { graph, people } = context.sources;
  const all = (await graph.facts({ object: component.id })).filter((version) =>
    isValidAt(version, context.asOf),
  );
  const of = (relation: FactRelation): FactVersion[] =>
    all.filter((version) => version.relation === relation).sort((a, b) => b.confidence - a.confidence);
  const ranked = [...of('owns'), ...of('expert_in'), ...of('works_on')];
  const searched = [
    `owners, experts and people working on ${label}`,
    `participants of conversations about ${label}`,
  ];
  const why: Record<FactRelation, string> = {
    owns: `owns ${label}`,
    expert_in: `knows ${label}`,
    works_on: `works on ${label}`,
    on_call: `on call for ${label}`,
  };
  if (ranked.length > 0) {
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const version of ranked) {
      const name = people.name(version.subject);
      if (seen.has(name)) continue;
      seen.add(name);
      lines.push(`${name} (${why[version.relation]})`);
    }
    return known(context, {
      text: `Ask ${lines[0]}.${lines.length > 1 ? ` Also: ${lines.slice(1, 4).join(', ')}.` : ''}`,
      confidence: ranked[0].confidence,
      evidence: factEvidence([ranked[0]], context),
      entity: entityOf(component),
      history: await historyOf(all, context),
      searched,
    });
  }
  const close = (await closestPeople(context, component)).slice(0, 3);
  if (close.length === 0) return unknown(context, searched, { entity: entityOf(component) });
  return known(context, {
    text: `Nobody is recorded as owning or knowing ${label}. Closest to it: ${close
      .map((person) => `${person.name} (${person.why.join(', ')})`)
      .join('; ')}.`,
    confidence: 0.3,
    evidence: close.flatMap((person) => (person.evidence ? [person.evidence] : [])),
    entity: entityOf(component),
    searched: [...searched, `decisions, action items and messages about ${label}`],
  });
}

/** What is PERSON working on: what they work on and own at as-of, and their open action items. */
export async function answerWorkingOn(context: AnswerContext): Promise<AskAnswer> {
  const { graph, people } = context.sources;
  const human = people.find(context.target);
  if (!human) return unknown(context, [`people named "${context.target}": none found`]);
  const entity = { kind: 'person' as const, id: human.keys[0], name: human.name };
  const versions = (await graph.facts({ subjects: human.keys })).filter(
    (version) => isValidAt(version, context.asOf) && version.relation !== 'expert_in',
  );
  const components = await graph.get(
    'component',
    versions.map((version) => version.object),
  );
  const label = (id: string): string => {
    const component = components.get(id);
    const aliases = (component?.aliases ?? []).filter(
      (alias) => alias.toLowerCase() !== (component?.name ?? '').toLowerCase(),
    );
    return `${component?.name ?? id}${aliases.length > 0 ? ` (${aliases.join(', ')})` : ''}`;
  };
  const items = (await graph.actionItems({ people: human.keys })).filter((item) =>
    openAt({ at: item.at, closedAt: item.completedAt }, context.asOf),
  );
  const searched = [
    `works-on and owns facts for ${human.name}`,
    `open action items assigned to ${human.name}`,
  ];
  if (versions.length === 0 && items.length === 0) {
    // No record says it: what they wrote lately, offered as such and at low confidence.
    const lately = recentStatements(context, { id: human.id, keys: human.keys, name: human.name });
    if (!lately)
      return unknown(context, [...searched, `messages by ${human.name} in the last two weeks`], { entity });
    return known(context, {
      text: [
        `Nothing records what ${human.name} works on (no works-on or owns facts, no open action items). Lately:`,
        ...lately.lines,
      ].join('\n'),
      confidence: 0.35,
      evidence: lately.evidence,
      entity,
      searched: [
        ...searched,
        `messages by ${human.name} since ${day(lately.since, context.sources.timeZone)}`,
      ],
    });
  }
  const parts: string[] = [];
  const worksOn = versions.filter((version) => version.relation === 'works_on');
  const owns = versions.filter((version) => version.relation === 'owns');
  if (worksOn.length > 0) parts.push(`works on ${names(worksOn.map((version) => label(version.object)))}`);
  if (owns.length > 0) parts.push(`owns ${names(owns.map((version) => label(version.object)))}`);
  const lines = [`${human.name} ${parts.length > 0 ? parts.join('; ') : 'has open action items'}.`];
  for (const item of items.slice(-5).reverse())
    lines.push(`- ${summaryInContext(item, context)}${item.due ? ` (due ${dueText(item.due)})` : ''}`);
  return known(context, {
    text: lines.join('\n'),
    confidence: Math.max(
      ...versions.map((version) => version.confidence),
      ...items.map((item) => item.confidence),
    ),
    evidence: [...factEvidence(versions, context), ...itemEvidence(items, context)].slice(0, 8),
    entity,
    history: await historyOf(versions, context),
    searched,
  });
}

/** What changed about X in the 7 days before as-of: facts that began or ended, and decisions. */
export async function answerChanged(context: AnswerContext): Promise<AskAnswer> {
  const { graph, people, timeZone } = context.sources;
  const from = new Date(Date.parse(context.asOf) - 7 * 86_400_000).toISOString();
  const inWindow = (time: string | null): boolean => time !== null && time > from && time <= context.asOf;
  const resolved = await resolveComponent(graph, context.target);
  const human = resolved ? undefined : people.find(context.target);
  if (!resolved && !human)
    return unknown(context, [`components and people named "${context.target}": none found`]);
  const versions = resolved
    ? await graph.facts({ object: resolved.component.id })
    : await graph.facts({ subjects: human!.keys });
  const changed = collapseSameHuman(versions, people).filter(
    (version) =>
      version.status !== 'alternative' && (inWindow(version.validFrom) || inWindow(version.validTo)),
  );
  const aboutIt = resolved ? await graph.decisions({ about: resolved.component.id }) : [];
  const decisions = aboutIt.filter((decision) => inWindow(decision.at));
  // A decision about it reversed in the window is a change about it, whatever the reversal was linked to.
  const reversed = aboutIt.filter((decision) => decision.reversedBy && inWindow(decision.reversedAt));
  const reversals = new Map(
    (await reversalsOf(reversed, context)).map((reversal) => [reversal.id, reversal]),
  );
  const label = resolved ? (resolved.component.name ?? resolved.component.id) : human!.name;
  const entity = resolved
    ? entityOf(resolved.component)
    : { kind: 'person' as const, id: human!.keys[0], name: human!.name };
  const window = `${day(from, timeZone)} to ${day(context.asOf, timeZone)}`;
  const searched = [`facts and decisions about ${label} from ${window}`];
  if (changed.length === 0 && decisions.length === 0 && reversed.length === 0)
    return unknown(context, searched, { entity });
  const objects = await componentNames(
    graph,
    changed.map((version) => version.object),
  );
  const events: Array<{ at: string; line: string }> = [];
  for (const version of changed) {
    const what = `${people.name(version.subject)} ${RELATION_WORDS[version.relation].now} ${objects.get(version.object)}`;
    if (version.status === 'retracted')
      events.push({
        at: version.validTo ?? version.validFrom,
        line: `retracted: ${what} (${version.retraction?.reason ?? 'correction'})`,
      });
    else {
      if (inWindow(version.validFrom))
        events.push({ at: version.validFrom, line: `from ${day(version.validFrom, timeZone)}: ${what}` });
      if (inWindow(version.validTo))
        events.push({
          at: version.validTo!,
          line: `until ${day(version.validTo!, timeZone)}: ${what}${version.status === 'ended' ? ' (ended)' : ''}`,
        });
    }
  }
  for (const decision of decisions)
    events.push({ at: decision.at, line: `decided ${day(decision.at, timeZone)}: ${decision.summary}` });
  for (const decision of reversed) {
    const by = reversals.get(decision.reversedBy as string);
    events.push({
      at: decision.reversedAt as string,
      line: `reversed ${day(decision.reversedAt as string, timeZone)}: ${decision.summary}${by ? ` → ${by.summary}` : ''}`,
    });
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return known(context, {
    text: [
      `${events.length} change${events.length === 1 ? '' : 's'} about ${label} from ${window}:`,
      ...events.map((event) => `- ${event.line}`),
    ].join('\n'),
    confidence: Math.max(
      ...changed.map((version) => version.confidence),
      ...decisions.map((decision) => decision.confidence),
      ...[...reversals.values()].map((decision) => decision.confidence),
    ),
    evidence: [
      ...factEvidence(changed, context),
      ...itemEvidence([...decisions, ...reversals.values()], context),
    ].slice(0, 8),
    entity,
    history: await historyOf(changed, context),
    searched,
  });
}
