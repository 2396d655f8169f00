import type { AskSources } from '../../answers/ask/answer-support.js';
import { ask } from '../../answers/ask/ask.js';
import { parseAsOf } from '../../answers/ask/parse-question.js';
import { ItemSkipped, type TaskContext } from '../task.js';

/**
 * The one seam between `outro eval` and the ask stage (src/answers/ask/ask.ts). The caller's
 * TaskServices.workspace(dir) gives an AskWorkspace: the dataset's fixture workspace ingested into
 * a temporary store, the agents run until drained, the graph caught up (see
 * src/app/eval-workspaces.ts). When that store holds no facts (the stage that extracts
 * them is not built yet), rows are skipped with that reason, never scored 0.
 */
export interface AskWorkspace {
  sources: AskSources;
  /** fact.asserted events in the store. */
  facts: number;
}

/** What the ask dataset scores. */
export interface AskResult {
  /** The answer as worded for the reader. */
  answer: string;
  /** True when outro said "I don't know". */
  unknown: boolean;
  confidence: number;
  intent: string | null;
}

export async function answerRow(
  question: string,
  asOfText: string | null,
  context: TaskContext,
): Promise<AskResult> {
  const shared = context.header.context as { workspace?: string; now?: string; timezone?: string };
  if (!shared.workspace)
    throw new Error('the ask dataset header needs context.workspace (the fixture folder to ingest)');
  if (!context.services.workspace)
    throw new ItemSkipped(
      'no workspace store: run it through `outro eval run`, which ingests the dataset workspace',
    );
  const workspace = (await context.services.workspace(shared.workspace)) as AskWorkspace;
  if (workspace.facts === 0)
    throw new ItemSkipped(
      'stage missing: the workspace store has no facts (nothing extracts fact.asserted events from conversations yet)',
    );
  const now = shared.now ? new Date(shared.now) : context.now;
  const asOf = asOfText ? parseAsOf(asOfText, shared.timezone) : undefined;
  if (asOfText && !asOf) throw new Error(`as_of ${asOfText} is not a date`);
  const answer = await ask(
    question,
    { ...workspace.sources, now, timeZone: shared.timezone ?? workspace.sources.timeZone },
    { asOf },
  );
  return {
    answer: answer.text,
    unknown: !answer.known,
    confidence: answer.confidence,
    intent: answer.intent,
  };
}
