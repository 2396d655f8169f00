/**
 * Annotations on the labelled fixture workspaces: ingest the exports into a temp store, run the
 * annotations agent over the TRUTH conversations (so the numbers do not depend on the disentangler),
 * and print precision/recall/F1 per item type.
 *   npm run eval:fixtures [-- fixtures/workspace …] [--json] [--misses] [--show CONVERSATION_ID,…]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnnotationsAgent } from '../src/agents/annotations/annotations-agent.js';
import { loadConfig } from '../src/app/config.js';
import { ingestPaths } from '../src/app/ingest.js';
import { openStore } from '../src/app/store.js';
import { CONNECTORS } from '../src/connectors/registry.js';
import type { ConversationExtracted } from '../src/domain/annotations.js';
import { EVENT, type StoredEvent } from '../src/domain/events.js';
import type { MessagePosted } from '../src/domain/message.js';
import type { PersonUpdated } from '../src/domain/person.js';
import { scoreAnnotations, type Produced, type Truth, type TypeScores } from './annotate/truth-match.js';

function exportPaths(dir: string): string[] {
  return ['slack', 'discord', 'teams'].map((name) => path.join(dir, name)).filter((p) => existsSync(p));
}

export async function evaluateAnnotations(
  dir: string,
  show?: string[],
): Promise<TypeScores & { conversations: number; seconds: number }> {
  const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'outro-annotate-eval-'));
  const now = new Date(truth.now);
  const store = openStore(path.join(tmp, 'outro.db'), () => now);
  try {
    // The workspace's outro.yaml `people:` links identities the way `outro ingest` does.
    const config = existsSync(path.join(dir, 'outro.yaml'))
      ? loadConfig(path.join(dir, 'outro.yaml'))
      : undefined;
    await ingestPaths(store, exportPaths(dir), {
      connectors: CONNECTORS,
      connectorOptions: { now, calendarPastDays: 30, calendarFutureDays: 30 },
      aliases: config?.people ?? [],
      worker: 'never',
    });
    const byRef = new Map<string, { channelKey: string; message: MessagePosted }>();
    const refOfKey = new Map<string, string>();
    for (const event of store.log.iterate({ types: [EVENT.messagePosted] })) {
      const message = event.payload as MessagePosted;
      const ref = `${message.source}:${message.channel}:${message.id}`;
      byRef.set(ref, { channelKey: event.stream, message });
      refOfKey.set(`${event.stream}\u0000${message.id}`, ref);
    }
    const personOfKey = new Map<string, string>();
    const profiles = [...store.log.iterate({ types: [EVENT.personUpdated] })].map(
      (event) => event.payload as PersonUpdated,
    );
    for (const person of truth.people) {
      for (const identity of person.identities) {
        const [source, ...rest] = identity.split(':');
        const native = rest.join(':');
        for (const profile of profiles) {
          if (
            (profile.source === source && profile.nativeId === native) ||
            (source === 'email' && profile.emails.includes(native))
          )
            personOfKey.set(profile.key, person.id);
        }
      }
    }
    const agent = new AnnotationsAgent({ timezone: config?.timezone ?? truth.timezone });
    const context = {
      db: store.db,
      log: store.log,
      now: () => now,
      signal: new AbortController().signal,
      step: async <T>(_: string, fn: (s: AbortSignal) => Promise<T> | T) => fn(new AbortController().signal),
    };
    const conversations = truth.conversations
      .map((conversation) => ({
        conversation,
        refs: conversation.messages.map((ref) => byRef.get(ref)).filter((hit) => hit !== undefined),
      }))
      .filter((entry) => entry.refs.length > 0)
      .sort((a, b) => a.refs[0].message.ts.localeCompare(b.refs[0].message.ts));
    const started = performance.now();
    let seq = 1_000_000;
    for (const { conversation, refs } of conversations) {
      const payload: ConversationExtracted = {
        conversationId: `truth:${conversation.id}`,
        channel: refs[0].channelKey,
        messages: refs.map((hit) => hit.message.id),
        participants: [...new Set(refs.map((hit) => hit.message.author))],
        start: refs[0].message.ts,
        end: refs[refs.length - 1].message.ts,
        provenance: { stage: 'truth', version: '1', strategy: 'heuristic' },
      };
      const event: StoredEvent<ConversationExtracted> = {
        id: `truth-${conversation.id}`,
        type: EVENT.conversationExtracted,
        stream: payload.channel,
        occurredAt: payload.end,
        causationId: null,
        schemaVersion: 1,
        payload,
        seq: seq++,
        recordedAt: now.toISOString(),
      };
      const produced = await agent.handle([event], context);
      if (show?.includes(conversation.id)) {
        console.log(`── ${conversation.id}`);
        for (const hit of refs)
          console.log(
            `   ${hit.message.ts.slice(5, 16)} ${hit.message.author.split(':').pop()}: ${hit.message.text.slice(0, 160)}`,
          );
        for (const item of produced)
          if (item.type === EVENT.conversationAnnotated) {
            const a = item.payload as { topic: string; noise: boolean; summary: string };
            console.log(`   → topic "${a.topic}" noise=${a.noise} summary=${JSON.stringify(a.summary)}`);
          }
        for (const item of produced)
          if (item.type !== EVENT.entityNamed && item.type !== EVENT.conversationAnnotated)
            console.log(
              `   → ${item.type} ${JSON.stringify(item.payload, (k, v) => (k === 'evidence' || k === 'provenance' ? undefined : v)).slice(0, 300)}`,
            );
      }
      store.log.appendAll(produced);
    }
    const seconds = (performance.now() - started) / 1000;
    const latest = <P>(type: string, key: (payload: P) => string): P[] => {
      const map = new Map<string, P>();
      for (const event of store.log.iterate({ types: [type] }))
        map.set(key(event.payload as P), event.payload as P);
      return [...map.values()];
    };
    const produced: Produced = {
      decisions: latest<Produced['decisions'][number]>(EVENT.decisionRecorded, (p) => p.decisionId),
      items: latest<Produced['items'][number]>(EVENT.actionItemAssigned, (p) => p.itemId),
      completions: latest<Produced['completions'][number]>(EVENT.actionItemCompleted, (p) => p.itemId),
      questions: latest<Produced['questions'][number]>(EVENT.questionAsked, (p) => p.questionId),
      answers: latest<Produced['answers'][number]>(EVENT.questionAnswered, (p) => p.questionId),
      facts: latest<Produced['facts'][number]>(EVENT.factAsserted, (p) => p.factId),
      retractions: latest<Produced['retractions'][number]>(EVENT.factRetracted, (p) => p.factId),
      entities: latest<Produced['entities'][number]>(EVENT.entityNamed, (p) => p.entityId),
    };
    const scores = scoreAnnotations(
      truth,
      produced,
      (channelKey, id) => refOfKey.get(`${channelKey}\u0000${id}`) ?? `${channelKey}:${id}`,
      (key) => (key ? (personOfKey.get(key) ?? key) : null),
    );
    return { ...scores, conversations: conversations.length, seconds };
  } finally {
    store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

const pct = (value: number): string => (100 * value).toFixed(1).padStart(5);

export function describeAnnotationScores(
  name: string,
  s: TypeScores & { conversations: number; seconds: number },
): string {
  const row = (
    label: string,
    p: { precision: number; recall: number; f1: number; tp: number; predicted: number; truth: number },
    extra = '',
  ): string =>
    `  ${label.padEnd(13)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   (${p.tp}/${p.truth} found, ${p.predicted} predicted)${extra ? `  ${extra}` : ''}`;
  return [
    `${name}: ${s.conversations} labelled conversations annotated in ${s.seconds.toFixed(2)} s`,
    row('decisions', s.decisions, `reversals ${s.decisions.reversals}`),
    row(
      'action items',
      s.actionItems,
      `assignee ${s.actionItems.assignee}  due ${s.actionItems.due}  completed ${s.actionItems.completed}`,
    ),
    row(
      'questions',
      s.questions,
      `addressee ${s.questions.addressee}  answered ${s.questions.answered}  kind ${s.questions.kind}`,
    ),
    row('facts', s.facts, `valid_from ${s.facts.validFrom}  retracted ${s.facts.retracted}`),
    row('ownership', s.ownership),
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const showMisses = args.includes('--misses');
  const named = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--show');
  const dirs =
    named.length > 0
      ? named
      : ['fixtures/workspace', 'fixtures/holdout'].filter((dir) => existsSync(path.join(dir, 'truth.json')));
  const results: Record<string, unknown> = {};
  for (const dir of dirs) {
    const showAt = args.indexOf('--show');
    const scores = await evaluateAnnotations(dir, showAt >= 0 ? args[showAt + 1]?.split(',') : undefined);
    results[dir] = scores;
    if (!json) {
      const label = dir.includes('holdout') ? `${dir} (holdout: not tuned on)` : dir;
      console.log(describeAnnotationScores(label, scores));
      if (showMisses) for (const miss of scores.misses) console.log(`    · ${miss}`);
    }
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
