import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBrief } from '../answers/brief/build-brief.js';
import { loadBriefData } from '../answers/brief/brief-data.js';
import type { ConversationExtracted } from '../domain/annotations.js';
import { EVENT } from '../domain/events.js';
import { scoreWorkspace, type WorkspaceScores } from '../eval/workspace/score-workspace.js';
import { scoreAsk, type AskScores, type ShownAnswer } from '../eval/workspace/score-ask.js';
import { ask } from '../answers/ask/ask.js';
import { parseAsOf } from '../answers/ask/parse-question.js';
import { openAskSources } from '../answers/ask/open-sources.js';
import { makeAppContext } from './app-context.js';
import { graphReadsFromCopy, openGraphForQuery } from './graph.js';
import { ingestAndDrain } from './ingest-and-drain.js';
import {
  goldBriefs,
  loadWorkspaceTruth,
  readerOf,
  type WorkspaceTruth,
} from '../eval/workspace/workspace-truth.js';
import { ConfigSchema, loadConfig, type Config } from './config.js';
import { openStore, type Store } from './store.js';

/** Names beside the exports of an evaluation workspace that are not exports. */
const NOT_EXPORTS = new Set(['truth.json', 'outro.yaml', 'build', 'story', 'README.md']);

/** The export paths of a workspace folder: every entry but the labels, docs and build sources; a zip beside its own unzipped folder is left out. */
export function workspaceExports(dir: string): string[] {
  const names = readdirSync(dir).filter(
    (name) => !NOT_EXPORTS.has(name) && !name.endsWith('.md') && !name.startsWith('.'),
  );
  return names
    .filter(
      (name) =>
        !(
          name.endsWith('.zip') &&
          names.includes(name.slice(0, -4)) &&
          statSync(join(dir, name.slice(0, -4))).isDirectory()
        ),
    )
    .map((name) => join(dir, name));
}

export interface WorkspaceEvalResult {
  dir: string;
  truth: WorkspaceTruth;
  scores: WorkspaceScores;
  ask: AskScores;
  messages: number;
  seconds: { ingestAndAgents: number; score: number };
}

/**
 * Ingests a workspace folder (exports + truth.json) into a temporary store the way `outro ingest`
 * does, runs every agent until the bus drains, and scores what was extracted against the truth.
 * The reader and time zone come from the truth's `me`; an `outro.yaml` beside it is used when present.
 */
export async function evaluateWorkspace(
  dir: string,
  options: {
    keepStore?: (store: Store, truth: WorkspaceTruth, config: Config) => Promise<void>;
    /** Questions to answer instead of the truth's own `ask` list (same row format). */
    askRows?: WorkspaceTruth['ask'];
  } = {},
): Promise<WorkspaceEvalResult> {
  const read = loadWorkspaceTruth(join(dir, 'truth.json'));
  const truth = options.askRows ? { ...read, ask: options.askRows } : read;
  const reader = readerOf(truth);
  const briefs = goldBriefs(truth);
  const periodEnd = endOfDay(truth.period[1]);
  const now = new Date(periodEnd);
  const temp = mkdtempSync(join(tmpdir(), 'outro-workspace-eval-'));
  const paths = {
    dataDir: temp,
    configFile: join(dir, 'outro.yaml'),
    runtimeDir: join(temp, 'run'),
    logDir: join(temp, 'log'),
    cacheDir: join(temp, 'cache'),
    database: join(temp, 'outro.db'),
    graphDir: join(temp, 'graph'),
    backupDir: join(temp, 'backups'),
  };
  // The truth names the reader; an outro.yaml beside the exports, when there is one, says the rest.
  const readerConfig = (file: string): Config => {
    const base = existsSync(file) ? loadConfig(file) : ConfigSchema.parse({});
    return {
      ...base,
      me:
        base.me ??
        [reader.email ?? reader.name, reader.name].filter((entry): entry is string => Boolean(entry)),
      timezone: base.timezone ?? reader.timezone ?? 'UTC',
    };
  };
  const ctx = makeAppContext({ env: {}, paths, now: () => now, loadConfig: readerConfig, openStore });
  try {
    const started = performance.now();
    const result = await ingestAndDrain(
      ctx,
      { inputs: workspaceExports(dir).map((path) => ({ path, shown: path })), agents: true },
      { worker: 'never', traced: false },
    );
    if (result.agentsFailed) throw new Error(`the agents failed on ${dir}: ${result.agentsFailed.message}`);
    const drained = performance.now();
    const store = ctx.store();
    const config = ctx.config();
    const me = config.me;
    const timezone = config.timezone;
    const extraction = {
      data: loadBriefData(store.log),
      conversations: latestConversations(store),
      personOf: truthPeopleOf(store, truth),
      periodBrief: buildBrief(store, {
        since: startOfDay(truth.period[0]),
        until: periodEnd,
        me,
        now,
        timezone,
      }),
      briefs: briefs.map((gold) => ({
        gold,
        brief: buildBrief(store, {
          since: gold.windowUtc[0],
          until: gold.windowUtc[1],
          me,
          now: new Date(gold.asOf),
          timezone,
        }),
      })),
    };
    const scores = scoreWorkspace(truth, extraction);
    const answers = await answerAll(store, truth, config, paths.graphDir);
    await options.keepStore?.(store, truth, config);
    return {
      dir,
      truth,
      scores,
      ask: scoreAsk(truth, answers),
      messages: store.log.count(EVENT.messagePosted),
      seconds: { ingestAndAgents: (drained - started) / 1000, score: (performance.now() - drained) / 1000 },
    };
  } finally {
    ctx.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

function startOfDay(date: string): string {
  return `${date}T00:00:00Z`;
}

/** The end of the period's last day everywhere on Earth it is still that day (the period's dates are local). */
function endOfDay(date: string): string {
  return new Date(Date.parse(`${date}T23:59:59Z`) + 12 * 3_600_000).toISOString();
}

function latestConversations(store: Store): ConversationExtracted[] {
  const latest = new Map<string, ConversationExtracted>();
  for (const event of store.log.iterateTyped([EVENT.conversationExtracted])) {
    const conversation = event.payload;
    latest.set(conversation.conversationId, conversation);
  }
  return [...latest.values()];
}

/** Person key → truth person id, by native user id per source, then by email (calendar attendees). */
function truthPeopleOf(store: Store, truth: WorkspaceTruth): (key: string) => string | undefined {
  const byNative = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const person of truth.people) {
    if (person.slack?.user_id) byNative.set(`slack:${person.slack.user_id}`, person.id);
    if (person.discord?.author_id) byNative.set(`discord:${person.discord.author_id}`, person.id);
    if (person.teams?.user_id) byNative.set(`teams:${person.teams.user_id}`, person.id);
    if (person.email) byEmail.set(person.email.toLowerCase(), person.id);
  }
  const ofKey = new Map<string, string>();
  for (const event of store.log.iterateTyped([EVENT.personUpdated])) {
    const profile = event.payload;
    const id =
      byNative.get(`${profile.source}:${profile.nativeId}`) ??
      profile.emails.map((email) => byEmail.get(email.toLowerCase())).find(Boolean);
    if (id) ofKey.set(profile.key, id);
  }
  return (key) => ofKey.get(key);
}

/** Every `ask` row of the truth, answered the way `outro ask --as-of DATE --no-model` answers it. */
async function answerAll(
  store: Store,
  truth: WorkspaceTruth,
  config: Config,
  graphDir: string,
): Promise<ShownAnswer[]> {
  const me = Array.isArray(config.me) ? config.me : config.me ? [config.me] : [];
  const { sources, close } = await openAskSources({
    db: store.db,
    // As a command reads it: the copy in the store unless OUTRO_GRAPH_READS=kuzu.
    openGraph: async () =>
      (await openGraphForQuery(graphDir, 0, graphReadsFromCopy(process.env) ? store.db : undefined)).graph,
    me,
    now: new Date(),
    timeZone: config.timezone,
  });
  try {
    const answers: ShownAnswer[] = [];
    for (const row of truth.ask) {
      const asOf = parseAsOf(row.as_of, config.timezone) ?? row.as_of;
      const answer = await ask(row.q, { ...sources, now: new Date(asOf) }, { asOf });
      answers.push({
        known: answer.known,
        text: answer.text,
        snippets: answer.evidence.map((item) => item.snippet),
      });
    }
    return answers;
  } finally {
    await close();
  }
}
