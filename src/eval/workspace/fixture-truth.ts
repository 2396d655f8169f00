import { z } from 'zod';

/**
 * The project's own fixture workspaces (`fixtures/workspace`, `fixtures/holdout`) label their truth
 * in an older shape (`reader`, `now`, `window`, `questions`, `facts`, `waiting_on_me`). This reads
 * that shape into the evaluation-workspace format (`me`, `period`, `questions_for_me`, `ownership`,
 * a gold brief) so `npm run eval:workspace` and the eval gate score both kinds alike.
 */
const Ids = z.array(z.string());

export const FixtureTruthSchema = z.looseObject({
  reader: z.string(),
  now: z.string(),
  timezone: z.string().optional(),
  window: z.object({ since: z.string(), until: z.string() }),
  people: z.array(z.looseObject({ id: z.string(), name: z.string(), identities: Ids.default([]) })),
  components: z.array(z.looseObject({ id: z.string(), names: Ids.default([]) })).default([]),
  conversations: z.array(z.looseObject({ id: z.string(), messages: Ids })).default([]),
  decisions: z.array(z.looseObject({ id: z.string(), summary: z.string(), evidence: Ids })).default([]),
  action_items: z
    .array(
      z.looseObject({
        id: z.string(),
        summary: z.string(),
        assignee: z.string().nullish(),
        due: z.string().nullish(),
        evidence: Ids,
        completed_by: z.string().nullish(),
      }),
    )
    .default([]),
  questions: z
    .array(
      z.looseObject({
        asker: z.string(),
        addressee: z.string().nullish(),
        summary: z.string(),
        evidence: z.string(),
        answered_by: z.string().nullish(),
      }),
    )
    .default([]),
  facts: z
    .array(
      z.looseObject({
        subject: z.string(),
        relation: z.string(),
        object: z.string(),
        valid_from: z.string().nullish(),
        valid_to: z.string().nullish(),
        hedged: z.boolean().optional(),
        retracted: z.boolean().optional(),
        evidence: Ids,
      }),
    )
    .default([]),
  waiting_on_me: z.array(z.looseObject({ summary: z.string(), evidence: z.string() })).default([]),
  ask: z
    .array(
      z.looseObject({
        question: z.string(),
        as_of: z.string().nullish(),
        expect: z.looseObject({
          unknown: z.boolean().optional(),
          answer_contains: Ids.optional(),
          answer_excludes: Ids.optional(),
        }),
      }),
    )
    .default([]),
});

export type FixtureTruth = z.infer<typeof FixtureTruthSchema>;

/** `discord:<channel>:<id>` and `teams:<thread>:<id>` name a message by its last part, as the workspace format does. */
export function workspaceMessageId(id: string): string {
  if (id.startsWith('slack:')) return id;
  const source = id.slice(0, id.indexOf(':'));
  return `${source}:${id.slice(id.lastIndexOf(':') + 1)}`;
}

const ids = (list: readonly string[]): string[] => list.map(workspaceMessageId);

/** How many days before `now` the period of a fixture starts: its stories span a few weeks. */
const PERIOD_DAYS = 60;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function nativeIdentities(identities: readonly string[]): Record<string, unknown> {
  const of = (source: string) =>
    identities.find((identity) => identity.startsWith(`${source}:`))?.slice(source.length + 1);
  const slack = of('slack');
  const discord = of('discord');
  const teams = of('teams');
  return {
    email: of('email') ?? null,
    slack: slack ? { user_id: slack } : null,
    discord: discord ? { author_id: discord } : null,
    teams: teams ? { user_id: teams } : null,
  };
}

/** The fixture truth in the evaluation-workspace format (see workspace-truth.ts). */
export function fromFixtureTruth(fixture: FixtureTruth): Record<string, unknown> {
  const now = new Date(fixture.now);
  const aliases = new Map(fixture.components.map((component) => [component.id, component.names]));
  return {
    schema_version: 1,
    corpus: 'fixture',
    me: fixture.reader,
    period: [isoDate(new Date(now.getTime() - PERIOD_DAYS * 86_400_000)), isoDate(now)],
    people: fixture.people.map((person) => ({
      id: person.id,
      name: person.name,
      aka: [],
      is_me: person.id === fixture.reader,
      timezone: fixture.timezone ?? null,
      ...nativeIdentities(person.identities),
    })),
    conversations: fixture.conversations.map((conversation) => ({
      id: conversation.id,
      message_ids: ids(conversation.messages),
    })),
    ownership: fixture.facts
      .filter((fact) => fact.relation === 'owns' && !fact.retracted && !fact.hedged)
      .map((fact) => ({
        component: fact.object,
        aliases: aliases.get(fact.object) ?? [],
        owner: fact.subject,
        valid_from: fact.valid_from ?? null,
        valid_to: fact.valid_to ?? null,
        evidence_message_ids: ids(fact.evidence),
      })),
    decisions: fixture.decisions.map((decision) => ({
      id: decision.id,
      summary: decision.summary,
      evidence_message_ids: ids(decision.evidence),
    })),
    action_items: fixture.action_items.map((item) => ({
      id: item.id,
      summary: item.summary,
      assignee: item.assignee ?? null,
      due: item.due ?? null,
      status: item.completed_by ? 'done' : 'open',
      evidence_message_ids: ids(item.evidence),
    })),
    questions_for_me: fixture.questions
      .filter((question) => question.addressee === fixture.reader)
      .map((question) => ({
        summary: question.summary,
        asked_by: question.asker,
        message_id: workspaceMessageId(question.evidence),
        answered: Boolean(question.answered_by),
        answer_message_id: question.answered_by ? workspaceMessageId(question.answered_by) : null,
      })),
    ask: fixture.ask.map((row) => ({
      q: row.question,
      as_of: row.as_of ?? fixture.now,
      answer_contains: row.expect.answer_contains ?? [],
      answer_unknown: row.expect.unknown ?? false,
      must_not_say: row.expect.answer_excludes ?? [],
    })),
    [`brief_${isoDate(now)}`]: {
      date: isoDate(now),
      window_utc: [
        new Date(fixture.window.since).toISOString(),
        new Date(fixture.window.until).toISOString(),
      ],
      as_of: now.toISOString(),
      needs_me: fixture.waiting_on_me.map((entry) => ({
        summary: entry.summary,
        evidence_message_ids: [workspaceMessageId(entry.evidence)],
      })),
    },
  };
}
