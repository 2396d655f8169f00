/** Conversations on a labelled fixture workspace: ingest its exports into a temp store, run the conversations agent
 * over every message event, score against truth.json.
 *   npx tsx scripts/disentangle/fixture-eval.ts [fixtures/workspace …] [--max-gap MINUTES] [--shift BIAS] [--json] */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConversationsAgent,
  type ConversationsAgentOptions,
} from '../../src/agents/conversations/conversations-agent.js';
import { scoreAgainstTruth, type ConversationTruthScores } from '../../src/eval/conversations/truth-score.js';
import { ingestPaths } from '../../src/app/ingest.js';
import { openStore } from '../../src/app/store.js';
import { CONNECTORS } from '../../src/connectors/registry.js';
import type { ConversationExtracted } from '../../src/domain/annotations.js';
import { EVENT } from '../../src/domain/events.js';
import type { MessagePosted } from '../../src/domain/message.js';

interface Truth {
  now: string;
  conversations: { id: string; channel: string; messages: string[] }[];
}

/** The export folders and files of a fixture workspace (everything but the labels and the story). */
function exportPaths(dir: string): string[] {
  return ['slack', 'discord', 'teams']
    .map((name) => path.join(dir, name))
    .filter((p) => {
      try {
        readFileSync(p);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EISDIR';
      }
    });
}

export async function evaluateFixtureWorkspace(
  dir: string,
  options: ConversationsAgentOptions = {},
  batchSize = 200,
): Promise<ConversationTruthScores> {
  const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'outro-fixture-eval-'));
  const now = new Date(truth.now);
  const store = openStore(path.join(tmp, 'outro.db'), () => now);
  try {
    await ingestPaths(store, exportPaths(dir), {
      connectors: CONNECTORS,
      connectorOptions: { now, calendarPastDays: 30, calendarFutureDays: 30 },
      worker: 'never',
    });
    const agent = new ConversationsAgent(options);
    const context = {
      db: store.db,
      log: store.log,
      now: () => now,
      signal: new AbortController().signal,
      step: async <T>(_: string, fn: (s: AbortSignal) => Promise<T> | T) => fn(new AbortController().signal),
    };
    // Deliver the log in batches, as the runtime would, appending what the agent returns after each.
    const events = store.log.read({ types: agent.consumes });
    for (let at = 0; at < events.length; at += batchSize)
      store.log.appendAll(await agent.handle(events.slice(at, at + batchSize), context));

    const refs = new Map<string, string>();
    for (const event of store.log.read({ types: [EVENT.messagePosted] })) {
      const message = event.payload as MessagePosted;
      refs.set(`${event.stream}\u0000${message.id}`, `${message.source}:${message.channel}:${message.id}`);
    }
    const latest = new Map<string, ConversationExtracted>();
    for (const event of store.log.read({ types: [EVENT.conversationExtracted] })) {
      const payload = event.payload as ConversationExtracted;
      latest.set(payload.conversationId, payload);
    }
    return scoreAgainstTruth(
      [...latest.values()],
      truth.conversations,
      (channel, id) => refs.get(`${channel}\u0000${id}`) ?? `${channel}:${id}`,
    );
  } finally {
    store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function describeScores(name: string, s: ConversationTruthScores): string {
  const pct = (value: number): string => (100 * value).toFixed(1);
  return (
    `${name}: ${s.messages} messages, ${s.truthConversations} labelled / ${s.extractedConversations} extracted conversations; ` +
    `VI ${pct(s.vi)}  1-1 ${pct(s.oneToOne)}  exact P/R/F ${pct(s.exact.precision)}/${pct(s.exact.recall)}/${pct(s.exact.f1)}` +
    ` (labelled but not extracted ${s.unmatchedTruth}, extracted but unlabelled ${s.unlabelled})`
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const gapAt = args.indexOf('--max-gap');
  const options: ConversationsAgentOptions =
    gapAt >= 0 ? { maxGapMinutes: Number(args.splice(gapAt, 2)[1]) } : {};
  const shiftAt = args.indexOf('--shift');
  if (shiftAt >= 0) options.unaddressedShift = Number(args.splice(shiftAt, 2)[1]);
  const dirs = args.filter((arg) => !arg.startsWith('--'));
  const results: Record<string, ConversationTruthScores> = {};
  for (const dir of dirs.length ? dirs : ['fixtures/workspace'])
    results[dir] = await evaluateFixtureWorkspace(dir, options);
  if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else for (const [dir, scores] of Object.entries(results)) console.log(describeScores(dir, scores));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
