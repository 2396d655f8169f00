/**
 * Conversations per source (Slack, Discord, Teams): 1-1 overlap, 1 − VI/log2 n and exact-match conversation F,
 * pooled over the channels of each source, for the lines of the eval dataset (what `npm run eval:gate` scores) and,
 * with --agent, for the conversations agent over the ingested exports (what `outro conversations` shows).
 *
 *   npx tsx scripts/eval-conversations.ts                          evals/conversations.jsonl (eval-gate path)
 *   npx tsx scripts/eval-conversations.ts --workspace fixtures/holdout   rows built from that story's truth
 *   npx tsx scripts/eval-conversations.ts --agent                  also ingest the workspace and run the agent
 *   npx tsx scripts/eval-conversations.ts --show 3                 print the 3 worst labelled conversations per source
 *   npx tsx scripts/eval-conversations.ts --options '{"maxGapMinutes":60}'   disentangler options for the dataset rows
 *   npx tsx scripts/eval-conversations.ts --json
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConversationsAgent } from '../src/agents/conversations/conversations-agent.js';
import { ingestPaths } from '../src/app/ingest.js';
import { openStore } from '../src/app/store.js';
import { CONNECTORS } from '../src/connectors/registry.js';
import type { ConversationExtracted } from '../src/domain/annotations.js';
import { EVENT } from '../src/domain/events.js';
import type { MessagePosted } from '../src/domain/message.js';
import { disentangle } from '../src/pipeline/disentangle/disentangle.js';
import { exactMatch, oneToOne, scaledVariationOfInformation } from '../src/eval/conversations/metrics.js';
import type { ChatLine, DisentangleOptions } from '../src/pipeline/disentangle/types.js';
import { buildWorkspace } from './fixtures/build-workspace.js';
import { storyMessages } from '../evals/story-messages.js';
import { buildDatasets } from '../evals/truth-to-datasets.js';
import { TruthFile } from '../fixtures/truth-schema.js';

interface Row {
  channel: string;
  lines: ChatLine[];
  gold: string[][];
}

interface Scores {
  messages: number;
  gold: number;
  predicted: number;
  oneToOne: number;
  vi: number;
  exactF: number;
}

const sourceOf = (channel: string): string => channel.split(':')[0];

function score(gold: string[][], predicted: string[][]): Scores {
  const known = new Set(gold.flat());
  const restricted = predicted.map((c) => c.filter((id) => known.has(id))).filter((c) => c.length > 0);
  const seen = new Set(restricted.flat());
  for (const id of known) if (!seen.has(id)) restricted.push([id]);
  return {
    messages: known.size,
    gold: gold.length,
    predicted: restricted.length,
    oneToOne: oneToOne(gold, restricted),
    vi: scaledVariationOfInformation(gold, restricted),
    exactF: exactMatch(gold, restricted).f1,
  };
}

function rowsFromDataset(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .slice(1)
    .map(
      (line) =>
        JSON.parse(line) as {
          input: { channel: string; lines: ChatLine[] };
          expected: { conversations: string[][] };
        },
    )
    .map((row) => ({ channel: row.input.channel, lines: row.input.lines, gold: row.expected.conversations }));
}

/** The same rows evals/build-datasets.ts writes, built in memory from a workspace's story (the holdout has no jsonl). */
function rowsFromStory(workspace: string): Row[] {
  const { files, story } = buildWorkspace(path.join(workspace, 'story'));
  const truth = TruthFile.parse(JSON.parse(files.get('truth.json') as string));
  const text = buildDatasets(truth, storyMessages(story), { workspace, source: workspace }).get(
    'conversations',
  ) as string;
  return text
    .split('\n')
    .filter((line) => line.trim())
    .slice(1)
    .map(
      (line) =>
        JSON.parse(line) as {
          input: { channel: string; lines: ChatLine[] };
          expected: { conversations: string[][] };
        },
    )
    .map((row) => ({ channel: row.input.channel, lines: row.input.lines, gold: row.expected.conversations }));
}

/** Ingests the workspace's exports and runs the conversations agent; returns its conversations as truth refs. */
async function agentConversations(
  workspace: string,
): Promise<{ predicted: string[][]; gold: string[][]; text: Map<string, string> }> {
  const truth = JSON.parse(readFileSync(path.join(workspace, 'truth.json'), 'utf8')) as {
    now: string;
    conversations: { messages: string[] }[];
  };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'outro-eval-conversations-'));
  const now = new Date(truth.now);
  const store = openStore(path.join(tmp, 'outro.db'), () => now);
  try {
    const exports = ['slack', 'discord', 'teams'].map((name) => path.join(workspace, name));
    await ingestPaths(store, exports, {
      connectors: CONNECTORS,
      connectorOptions: { now, calendarPastDays: 30, calendarFutureDays: 30 },
      worker: 'never',
    });
    const agent = new ConversationsAgent();
    const context = {
      db: store.db,
      log: store.log,
      now: () => now,
      signal: new AbortController().signal,
      step: async <T>(_: string, fn: (s: AbortSignal) => Promise<T> | T) => fn(new AbortController().signal),
    };
    const events = store.log.read({ types: agent.consumes });
    for (let at = 0; at < events.length; at += 200)
      store.log.appendAll(await agent.handle(events.slice(at, at + 200), context));
    const refs = new Map<string, string>();
    const text = new Map<string, string>();
    for (const event of store.log.read({ types: [EVENT.messagePosted] })) {
      const m = event.payload as MessagePosted;
      const ref = `${m.source}:${m.channel}:${m.id}`;
      refs.set(`${event.stream}\u0000${m.id}`, ref);
      text.set(
        ref,
        `${m.author.split(':').pop()}: ${m.text}${m.thread ? ` [thread ${m.thread.slice(-8)}]` : ''}${m.replyTo ? ` [reply ${m.replyTo.slice(-8)}]` : ''}`,
      );
    }
    const latest = new Map<string, ConversationExtracted>();
    for (const event of store.log.read({ types: [EVENT.conversationExtracted] })) {
      const c = event.payload as ConversationExtracted;
      latest.set(c.conversationId, c);
    }
    const predicted = [...latest.values()]
      .filter((c) => c.messages.length > 0)
      .map((c) => c.messages.map((id) => refs.get(`${c.channel}\u0000${id}`) ?? id));
    return { predicted, gold: truth.conversations.map((c) => c.messages), text };
  } finally {
    store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function bySource(gold: string[][], predicted: string[][]): Map<string, Scores> {
  const out = new Map<string, Scores>();
  const sources = [...new Set(gold.map((c) => sourceOf(c[0])))].sort();
  for (const source of [...sources, 'all']) {
    const keep = (c: string[]): boolean => source === 'all' || sourceOf(c[0]) === source;
    out.set(
      source,
      score(
        gold.filter(keep),
        predicted.filter((c) => c.length > 0 && keep(c)),
      ),
    );
  }
  return out;
}

const pct = (v: number): string => (100 * v).toFixed(1).padStart(5);

function printTable(title: string, scores: Map<string, Scores>): void {
  console.log(`\n${title}`);
  console.log('  source     msgs  gold  pred    1-1     VI  convF');
  for (const [source, s] of scores)
    console.log(
      `  ${source.padEnd(9)} ${String(s.messages).padStart(5)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)}  ${pct(s.oneToOne)}  ${pct(s.vi)}  ${pct(s.exactF)}`,
    );
}

/** The `count` labelled conversations per source whose best-matching predicted conversation covers them worst. */
function showWorst(
  gold: string[][],
  predicted: string[][],
  text: (ref: string) => string,
  count: number,
): void {
  const clusterOf = new Map<string, number>();
  predicted.forEach((c, k) => c.forEach((id) => clusterOf.set(id, k)));
  const goldOf = new Map<string, number>();
  gold.forEach((c, k) => c.forEach((id) => goldOf.set(id, k)));
  const ranked = gold
    .map((c, k) => {
      const counts = new Map<number, number>();
      for (const id of c) counts.set(clusterOf.get(id) ?? -1, (counts.get(clusterOf.get(id) ?? -1) ?? 0) + 1);
      const best = Math.max(...counts.values());
      const size = predicted[[...counts.entries()].sort((a, b) => b[1] - a[1])[0][0]]?.length ?? 1;
      return { k, purity: (2 * best) / (c.length + size) };
    })
    .filter(({ k }) => gold[k].length > 1)
    .sort((a, b) => a.purity - b.purity);
  for (const source of [...new Set(gold.map((c) => sourceOf(c[0])))].sort()) {
    for (const { k, purity } of ranked.filter(({ k }) => sourceOf(gold[k][0]) === source).slice(0, count)) {
      console.log(`\n--- ${source} gold #${k} (${gold[k].length} msgs, match ${pct(purity)}) ---`);
      const clusters = new Set(gold[k].map((id) => clusterOf.get(id)));
      const ids = [
        ...new Set([...clusters].flatMap((c) => (c === undefined ? [] : predicted[c])).concat(gold[k])),
      ];
      for (const id of ids)
        console.log(
          `  ${goldOf.get(id) === k ? '*' : ' '} g${String(goldOf.get(id)).padEnd(3)} p${String(clusterOf.get(id)).padEnd(3)} ${id.slice(-10)}  ${text(id).replace(/\s+/g, ' ').slice(0, 150)}`,
        );
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string): string | undefined =>
    args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
  const workspace = value('--workspace');
  const rows = workspace
    ? rowsFromStory(workspace)
    : rowsFromDataset(value('--dataset') ?? 'evals/conversations.jsonl');
  const show = Number(value('--show') ?? 0);
  const lineText = new Map<string, string>();
  for (const row of rows)
    for (const l of row.lines)
      lineText.set(
        l.id,
        `${l.author}: ${l.text}${l.thread ? ` [thread ${l.thread.slice(-8)}]` : ''}${l.replyTo ? ` [reply ${l.replyTo.slice(-8)}]` : ''}`,
      );

  const gold = rows.flatMap((row) => row.gold);
  const options = JSON.parse(value('--options') ?? '{}') as DisentangleOptions;
  const predicted = rows.flatMap((row) => disentangle(row.lines, options).conversations);
  const results: Record<string, Record<string, Scores>> = {
    dataset: Object.fromEntries(bySource(gold, predicted)),
  };
  const perChannel = Object.fromEntries(
    rows.map((row) => [row.channel, score(row.gold, disentangle(row.lines, options).conversations)]),
  );
  let agent: Awaited<ReturnType<typeof agentConversations>> | undefined;
  if (args.includes('--agent')) {
    agent = await agentConversations(workspace ?? 'fixtures/workspace');
    results.agent = Object.fromEntries(bySource(agent.gold, agent.predicted));
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify({ ...results, perChannel }, null, 2));
    return;
  }
  printTable(
    `dataset rows (${workspace ?? value('--dataset') ?? 'evals/conversations.jsonl'}), disentangle(lines) as the eval gate runs it, pooled per source`,
    bySource(gold, predicted),
  );
  const mean = rows.reduce((sum, row) => sum + perChannel[row.channel].oneToOne, 0) / rows.length;
  console.log(`  mean 1-1 over channels (the eval gate's score): ${pct(mean)}`);
  for (const row of rows)
    console.log(
      `    ${row.channel.padEnd(58)} ${pct(perChannel[row.channel].oneToOne)} ${pct(perChannel[row.channel].vi)} ${pct(perChannel[row.channel].exactF)}`,
    );
  if (agent)
    printTable(
      'conversations agent over the ingested exports, pooled per source',
      bySource(agent.gold, agent.predicted),
    );
  if (show > 0) {
    const source = agent ?? { gold, predicted, text: lineText };
    showWorst(source.gold, source.predicted, (ref) => source.text.get(ref) ?? ref, show);
  }
}

await main();
