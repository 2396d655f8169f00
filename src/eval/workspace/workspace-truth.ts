import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { OutroError } from '../../domain/errors.js';
import { FixtureTruthSchema, fromFixtureTruth } from './fixture-truth.js';

/**
 * The gold labels of an evaluation workspace laid out like `../shared/datasets/workspaces/fernhill`
 * (its README documents the format). Message ids are `slack:<channel id>:<ts>`, `discord:<id>`,
 * `teams:<id>`; people are referred to by a short key (`noor`). Unknown fields are kept, so a later
 * version of the format still loads.
 */
const Ids = z.array(z.string());

const TruthPerson = z.looseObject({
  id: z.string(),
  name: z.string(),
  aka: z.array(z.string()).default([]),
  email: z.string().nullish(),
  timezone: z.string().nullish(),
  is_me: z.boolean().optional(),
  slack: z.looseObject({ user_id: z.string() }).nullish(),
  discord: z.looseObject({ author_id: z.string() }).nullish(),
  teams: z.looseObject({ user_id: z.string() }).nullish(),
});

const BriefEntry = z.looseObject({
  summary: z.string(),
  evidence_message_ids: Ids,
  must_include: z.array(z.string()).default([]),
  assignee: z.string().nullish(),
  due: z.string().nullish(),
});

export const WorkspaceTruthSchema = z.looseObject({
  schema_version: z.number(),
  me: z.string(),
  period: z.tuple([z.string(), z.string()]),
  people: z.array(TruthPerson),
  conversations: z.array(z.looseObject({ id: z.string(), message_ids: Ids })).default([]),
  ownership: z
    .array(
      z.looseObject({
        component: z.string(),
        aliases: z.array(z.string()).default([]),
        owner: z.string(),
        valid_from: z.string().nullish(),
        valid_to: z.string().nullish(),
        evidence_message_ids: Ids,
        confidence: z.string().optional(),
      }),
    )
    .default([]),
  decisions: z
    .array(z.looseObject({ id: z.string(), summary: z.string(), evidence_message_ids: Ids }))
    .default([]),
  action_items: z
    .array(
      z.looseObject({
        id: z.string(),
        summary: z.string(),
        assignee: z.string().nullish(),
        due: z.string().nullish(),
        status: z.string(),
        evidence_message_ids: Ids,
      }),
    )
    .default([]),
  questions_for_me: z
    .array(
      z.looseObject({
        summary: z.string(),
        asked_by: z.string(),
        message_id: z.string(),
        answered: z.boolean(),
        answer_message_id: z.string().nullish(),
      }),
    )
    .default([]),
  ask: z
    .array(
      z.looseObject({
        q: z.string(),
        as_of: z.string(),
        answer_person_id: z.string().optional(),
        answer_person: z.string().optional(),
        answer_contains: z.array(z.string()).optional(),
        answer_contains_any: z.array(z.string()).optional(),
        answer_items: z.array(z.array(z.string())).optional(),
        answer_unknown: z.boolean().optional(),
        must_not_say: z.array(z.string()).optional(),
      }),
    )
    .default([]),
});

export type WorkspaceTruth = z.infer<typeof WorkspaceTruthSchema>;
export type TruthPerson = z.infer<typeof TruthPerson>;
export type TruthBriefEntry = z.infer<typeof BriefEntry>;

export interface GoldBrief {
  date: string;
  windowUtc: [string, string];
  asOf: string;
  needsMe: TruthBriefEntry[];
  decisions: TruthBriefEntry[];
  dueSoon: TruthBriefEntry[];
  shouldNotInclude: TruthBriefEntry[];
}

const GoldBriefSchema = z.looseObject({
  date: z.string(),
  window_utc: z.tuple([z.string(), z.string()]),
  as_of: z.string(),
  needs_me: z.array(BriefEntry).default([]),
  decisions: z.array(BriefEntry).default([]),
  open_action_items_due_soon: z.array(BriefEntry).default([]),
  should_not_include: z.array(BriefEntry).default([]),
});

/** The first five problems zod found, as "path: message; …", for an error that says what to fix. */
export function firstProblems(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    .join('; ');
}

export function loadWorkspaceTruth(file: string): WorkspaceTruth {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new OutroError(
      'NOT_FOUND',
      `${file} could not be read as JSON: ${(cause as Error).message}. An evaluation workspace needs a truth.json beside its exports.`,
      { cause },
    );
  }
  const fixture = isFixtureShape(raw) ? FixtureTruthSchema.safeParse(raw) : null;
  const parsed = WorkspaceTruthSchema.safeParse(fixture?.success ? fromFixtureTruth(fixture.data) : raw);
  if (!parsed.success)
    throw new OutroError(
      'USAGE',
      `${file} is not an evaluation truth file (${firstProblems(parsed.error)}). See the Fernhill workspace README for the format.`,
    );
  return parsed.data;
}

/** The project's fixtures label their truth with a `reader` instead of the workspace format's `me`. */
function isFixtureShape(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'reader' in raw && !('schema_version' in raw);
}

/** The gold briefs (`brief_<date>` keys), oldest first. */
export function goldBriefs(truth: WorkspaceTruth): GoldBrief[] {
  return Object.entries(truth)
    .filter(([key]) => /^brief_\d{4}-\d{2}-\d{2}$/.test(key))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, value]) => {
      const brief = GoldBriefSchema.parse(value);
      return {
        date: brief.date,
        windowUtc: brief.window_utc,
        asOf: brief.as_of,
        needsMe: brief.needs_me,
        decisions: brief.decisions,
        dueSoon: brief.open_action_items_due_soon,
        shouldNotInclude: brief.should_not_include,
      };
    });
}

export function readerOf(truth: WorkspaceTruth): TruthPerson {
  const me =
    truth.people.find((person) => person.id === truth.me) ?? truth.people.find((person) => person.is_me);
  if (!me) throw new OutroError('USAGE', `truth.json names me = "${truth.me}" but lists no such person.`);
  return me;
}
