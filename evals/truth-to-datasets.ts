/**
 * Turns a fixture truth file plus the story's messages into eval datasets (pure; used by
 * build-datasets.ts). Each dataset's header names the pipeline task it exercises.
 */
import { createHash } from 'node:crypto';
import type { TruthFile } from '../fixtures/truth-schema.js';
import { serializeDataset, type DatasetHeader, type DatasetRow } from '../src/eval/dataset.js';

export interface StoryMessage {
  ref: string;
  source: string;
  channel: string;
  channelName: string;
  id: string;
  /** Truth person id. */
  author: string;
  authorNames: string[];
  text: string;
  /** Epoch ms. */
  at: number;
  thread: string | null;
  replyTo: string | null;
  bot: boolean;
}

const CURATOR = 'generated from truth.json (labels curated in fixtures/workspace/story/labels.yaml)';

export function buildDatasets(
  truth: TruthFile,
  messages: readonly StoryMessage[],
  options: { workspace: string; source: string },
): Map<string, string> {
  const byRef = new Map(messages.map((m) => [m.ref, m]));
  const identity = (person: string, source: string): string =>
    truth.people.find((p) => p.id === person)?.identities.find((id) => id.startsWith(`${source}:`)) ??
    `${source}:${person}`;
  const roster = {
    people: truth.people,
    components: truth.components,
    timezone: truth.timezone,
    reader: truth.reader,
    now: truth.now,
  };
  const out = new Map<string, string>();
  const emit = (
    name: string,
    task: string,
    description: string,
    rows: DatasetRow[],
    context: Record<string, unknown>,
  ) => {
    const hash = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 8);
    const header: DatasetHeader = {
      kind: 'dataset',
      name,
      version: `1+${hash}`,
      task,
      description,
      source: options.source,
      context,
    };
    out.set(name, serializeDataset(header, rows));
  };

  // Conversations: one row per channel, every message of it as a disentangler line.
  const channels = [...new Set(truth.conversations.map((c) => c.channel))].sort();
  emit(
    'conversations',
    'disentangle',
    'Split each channel into conversations; scored by one-to-one overlap, with 1 − VI/log2 n and exact-match F beside it.',
    channels.map((channel) => {
      const lines = messages
        .filter((m) => `${m.source}:${m.channel}` === channel)
        .sort((a, b) => a.at - b.at);
      const gold = truth.conversations.filter((c) => c.channel === channel);
      return {
        id: channel,
        input: {
          channel,
          lines: lines.map((m) => ({
            id: m.ref,
            author: m.author,
            authorNames: m.authorNames,
            text: m.text,
            ts: m.at,
            thread: m.thread,
            replyTo: m.replyTo,
          })),
        },
        expected: { conversations: gold.map((c) => c.messages) },
        tags: [channel.split(':')[0], `conversations:${gold.length}`],
        curator: CURATOR,
      };
    }),
    {},
  );

  // Annotations: one row per labelled conversation, expected = the items whose first evidence is in it.
  const conversationOf = new Map<string, string>();
  for (const c of truth.conversations) for (const ref of c.messages) conversationOf.set(ref, c.id);
  const conversationInput = (c: TruthFile['conversations'][number]) => {
    const source = c.channel.split(':')[0];
    return {
      conversation: {
        id: c.id,
        channel: c.channel,
        channelName: byRef.get(c.messages[0])?.channelName,
        messages: c.messages.map((ref) => {
          const m = byRef.get(ref);
          if (!m) throw new Error(`truth conversation ${c.id} names ${ref}, which the story does not have`);
          return {
            ref,
            source,
            workspace: source,
            channel: m.channel,
            id: m.id,
            author: identity(m.author, source),
            authorName: m.authorNames[0] ?? m.author,
            text: m.text,
            ts: new Date(m.at).toISOString(),
            thread: m.thread,
            replyTo: m.replyTo,
          };
        }),
      },
    };
  };
  const annotate = (
    name: string,
    kind: 'decisions' | 'action_items' | 'questions' | 'facts',
    description: string,
    tagsOf: (item: Record<string, unknown>) => string[],
  ) => {
    const items = truth[kind] as unknown as Record<string, unknown>[];
    const evidenceOf = (item: Record<string, unknown>): string[] =>
      Array.isArray(item.evidence) ? item.evidence.map(String) : [String(item.evidence)];
    const firstEvidence = (item: Record<string, unknown>): string => evidenceOf(item)[0];
    emit(
      name,
      `annotate.${kind}`,
      description,
      truth.conversations.map((c) => {
        const expected = items.filter((item) => conversationOf.get(firstEvidence(item)) === c.id);
        // Items first stated elsewhere whose later evidence is here (a restatement, a handover
        // confirmed): finding them here is not required, and not counted as extra either.
        const also = items.filter(
          (item) =>
            !expected.includes(item) && evidenceOf(item).some((ref) => conversationOf.get(ref) === c.id),
        );
        return {
          id: c.id,
          input: conversationInput(c),
          expected: { items: expected, ...(also.length > 0 ? { also } : {}) },
          tags: [
            c.channel.split(':')[0],
            expected.length > 0 ? 'has-items' : 'no-items',
            ...expected.flatMap(tagsOf),
          ].filter((tag, i, all) => all.indexOf(tag) === i),
          curator: CURATOR,
        };
      }),
      roster,
    );
  };
  annotate(
    'decisions',
    'decisions',
    'Decisions per conversation (reversals included); strict match = shared evidence message.',
    (d) => (d.reverses ? ['reversal'] : []),
  );
  annotate(
    'action-items',
    'action_items',
    'Action items per conversation; strict match = shared evidence and the right assignee (due date scored beside it).',
    (a) => [a.due ? 'has-due' : 'no-due', a.completed_by ? 'completed' : 'open'],
  );
  annotate(
    'questions',
    'questions',
    'Questions, approvals and blockers per conversation; strict match = shared evidence and the right addressee.',
    (q) => [String(q.kind), q.answered_by ? 'answered' : 'unanswered'],
  );
  annotate(
    'facts',
    'facts',
    'Ownership, works-on and expertise facts per conversation; strict match = shared evidence and the same subject, relation and object.',
    (f) => [String(f.relation), ...(f.hedged ? ['hedged'] : []), ...(f.retracted ? ['retracted'] : [])],
  );

  emit(
    'ask',
    'ask',
    'Questions to `outro ask` against the ingested fixture workspace; scored on answer contents and on abstaining exactly when the truth is unknown.',
    truth.ask.map((k) => ({
      id: k.id,
      input: { question: k.question, as_of: k.as_of },
      expected: k.expect,
      tags: [k.expect.unknown ? 'unknown' : 'known', k.as_of ? 'as-of' : 'now'],
      curator: CURATOR,
    })),
    { workspace: options.workspace, now: truth.now, reader: truth.reader, timezone: truth.timezone },
  );
  return out;
}
