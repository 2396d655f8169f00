import { z } from 'zod';
import type { DatasetRow } from '../dataset.js';
import { matchLists } from '../scorers/list.js';
import { groundingShare } from '../scorers/structure.js';
import { fuzzyScore } from '../scorers/text.js';
import type { EvalTask, ItemScore, TaskContext, TaskRunner } from '../task.js';
import type { AnnotateOutput } from '../../pipeline/annotate/annotate-types.js';
import {
  loadAnnotate,
  type EvalConversation,
  type RosterComponent,
  type RosterPerson,
} from './annotate-adapter.js';
import { Roster } from './roster.js';

/** One predicted or expected item, in truth vocabulary (person and component ids, message refs). */
export interface NormalItem {
  summary: string;
  evidence: string[];
  /** Assignee (action items), addressees (questions), subject (facts). */
  people: string[];
  /** Components (decisions: about; facts: object). */
  components: string[];
  relation?: string;
  due?: string | null;
  /** Raw names the stage wrote, for the grounding share. */
  named: string[];
}

export type AnnotateKind = 'decisions' | 'action_items' | 'questions' | 'facts';

const Conversation = z.object({
  conversation: z.custom<EvalConversation>(
    (value) =>
      typeof value === 'object' && value !== null && Array.isArray((value as EvalConversation).messages),
  ),
});
const Items = z.object({
  items: z.array(z.record(z.string(), z.unknown())),
  /** Items first stated in another conversation with later evidence here: optional to find, never extra. */
  also: z.array(z.record(z.string(), z.unknown())).default([]),
});

interface KindSpec {
  /** Predicted items of this kind, normalised; `ref` turns a native message id into a truth ref. */
  predicted(output: AnnotateOutput, roster: Roster, ref: (id: string) => string): NormalItem[];
  /** Expected truth items, normalised. */
  expected(item: Record<string, unknown>): NormalItem;
  /** Beyond shared evidence, what must agree for a strict match. */
  agrees(expected: NormalItem, actual: NormalItem): boolean;
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
const known = (values: (string | undefined)[]): string[] =>
  values.filter((value): value is string => value !== undefined);

const KINDS: Record<AnnotateKind, KindSpec> = {
  decisions: {
    predicted: (output, roster, ref) =>
      output.decisions.map((d) => ({
        summary: d.summary,
        evidence: d.evidence.map(ref),
        people: known(d.decidedBy.map((p) => roster.person(p))),
        components: known(d.about.map((c) => roster.component(c))),
        named: [...d.decidedBy, ...d.about],
      })),
    expected: (item) => ({
      summary: String(item.summary),
      evidence: list(item.evidence),
      people: [],
      components: list(item.about),
      named: [],
    }),
    agrees: () => true,
  },
  action_items: {
    predicted: (output, roster, ref) =>
      output.actionItems.map((a) => ({
        summary: a.summary,
        evidence: a.evidence.map(ref),
        people: known([roster.person(a.assignee)]),
        components: [],
        due: a.due,
        named: a.assignee ? [a.assignee] : [],
      })),
    expected: (item) => ({
      summary: String(item.summary),
      evidence: list(item.evidence),
      people: list(item.assignee),
      components: [],
      due: (item.due as string | null) ?? null,
      named: [],
    }),
    agrees: (expected, actual) => expected.people.every((person) => actual.people.includes(person)),
  },
  questions: {
    predicted: (output, roster, ref) =>
      output.questions.map((q) => ({
        summary: q.text,
        evidence: q.evidence.map(ref),
        people: known(q.addressees.map((p) => roster.person(p))),
        components: [],
        named: [q.asker, ...q.addressees],
      })),
    expected: (item) => ({
      summary: String(item.summary),
      evidence: list(item.evidence),
      people: list(item.addressee),
      components: [],
      named: [],
    }),
    agrees: (expected, actual) => expected.people.every((person) => actual.people.includes(person)),
  },
  facts: {
    predicted: (output, roster, ref) =>
      output.facts.map((f) => ({
        summary: `${f.subject} ${f.relation} ${f.object}`,
        evidence: f.evidence.map(ref),
        people: known([roster.person(f.subject)]),
        components: known([roster.component(f.object)]),
        relation: f.relation,
        named: [f.subject, f.object],
      })),
    expected: (item) => ({
      summary: `${String(item.subject)} ${String(item.relation)} ${String(item.object)}`,
      evidence: list(item.evidence),
      people: list(item.subject),
      components: list(item.object),
      relation: String(item.relation),
      named: [],
    }),
    agrees: (expected, actual) =>
      expected.relation === actual.relation &&
      expected.people.every((p) => actual.people.includes(p)) &&
      expected.components.every((c) => actual.components.includes(c)),
  },
};

/** Native message ids of a conversation's output to truth refs (`<source>:<channel>:<id>`). */
export function refsOf(conversation: EvalConversation): (id: string) => string {
  const byNative = new Map(conversation.messages.map((m) => [m.id, m.ref]));
  const prefix = conversation.channel;
  return (id) => byNative.get(id) ?? (id.includes(':') ? id : `${prefix}:${id}`);
}

/** Normalises one conversation's stage output for a kind (exported for tests). */
export function predictedItems(
  kind: AnnotateKind,
  output: AnnotateOutput,
  roster: Roster,
  conversation: EvalConversation,
): NormalItem[] {
  return KINDS[kind].predicted(output, roster, refsOf(conversation));
}

function rosterOf(context: TaskContext): Roster {
  const shared = context.header.context as { people?: RosterPerson[]; components?: RosterComponent[] };
  return new Roster(shared.people ?? [], shared.components ?? []);
}

/** Scores one conversation's predicted items of a kind against the truth's. */
export function scoreKind(
  kind: AnnotateKind,
  expectedRaw: readonly Record<string, unknown>[],
  predictedAll: readonly NormalItem[],
  roster: Roster,
  alsoRaw: readonly Record<string, unknown>[] = [],
): ItemScore {
  const spec = KINDS[kind];
  const expected = expectedRaw.map(spec.expected);
  const shares = (e: NormalItem, a: NormalItem) => e.evidence.some((ref) => a.evidence.includes(ref));
  // A prediction that only restates an item from another conversation is neither credited nor extra.
  const also = alsoRaw.map(spec.expected);
  const restates = (a: NormalItem) => also.some((e) => shares(e, a)) && !expected.some((e) => shares(e, a));
  const predicted = predictedAll.filter((item) => !restates(item));
  const overlap = (e: NormalItem, a: NormalItem) =>
    a.evidence.filter((ref) => e.evidence.includes(ref)).length - a.evidence.length / 100;
  const strict = matchLists(expected, predicted, (e, a) => shares(e, a) && spec.agrees(e, a), overlap);
  const loose = matchLists(expected, predicted, shares, overlap);
  const scores: Record<string, number> = {
    precision: strict.scores.precision,
    recall: strict.scores.recall,
    f1: strict.scores.f1,
    evidence_f1: loose.scores.f1,
    grounding: groundingShare(
      predicted.flatMap((item) => item.named),
      new Set(predicted.flatMap((item) => item.named).filter((name) => roster.knows(name))),
    ),
  };
  if (loose.pairs.length > 0)
    scores.summary =
      loose.pairs.reduce((sum, pair) => sum + fuzzyScore(pair.expected.summary, pair.actual.summary), 0) /
      loose.pairs.length;
  if (kind === 'action_items' && strict.pairs.length > 0)
    scores.due =
      strict.pairs.filter((pair) => (pair.expected.due ?? null) === (pair.actual.due ?? null)).length /
      strict.pairs.length;
  const notes = [
    ...strict.missed.map((item) => `missed: ${item.summary}`),
    ...strict.extra.map((item) => `extra: ${item.summary}`),
  ];
  return {
    score: strict.scores.f1,
    scores,
    notes,
    counts: { matched: strict.pairs.length, predicted: predicted.length, expected: expected.length },
  };
}

function annotateTask(kind: AnnotateKind): EvalTask {
  return {
    name: `annotate.${kind}`,
    stage: 'annotate',
    async load(): Promise<TaskRunner | { skipped: string }> {
      const annotate = await loadAnnotate();
      if (typeof annotate !== 'function') return annotate;
      return {
        async run(row: DatasetRow, context: TaskContext) {
          const { conversation } = Conversation.parse(row.input);
          const shared = context.header.context as {
            people?: RosterPerson[];
            components?: RosterComponent[];
            timezone?: string;
          };
          const output = await annotate(conversation, {
            people: shared.people ?? [],
            components: shared.components ?? [],
            timezone: shared.timezone ?? 'UTC',
            now: context.now,
            services: context.services,
            signal: context.signal,
          });
          return { items: predictedItems(kind, output, rosterOf(context), conversation) };
        },
        score(row: DatasetRow, output: unknown, context: TaskContext) {
          const expected = Items.parse(row.expected);
          return scoreKind(
            kind,
            expected.items,
            (output as { items: NormalItem[] }).items,
            rosterOf(context),
            expected.also,
          );
        },
        describe: (output) =>
          (output as { items: NormalItem[] }).items
            .map((item) => `- ${item.summary} [${item.people.join(', ')}]`)
            .join('\n') || '(nothing)',
      };
    },
  };
}

export const annotateDecisionsTask = annotateTask('decisions');
export const annotateActionItemsTask = annotateTask('action_items');
export const annotateQuestionsTask = annotateTask('questions');
export const annotateFactsTask = annotateTask('facts');
