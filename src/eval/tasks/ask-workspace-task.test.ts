import { describe, expect, it } from 'vitest';
import type { DatasetRow } from '../dataset.js';
import type { TaskContext } from '../task.js';
import type { AskScores } from '../workspace/score-ask.js';
import { askWorkspaceTask, scoreAskWorkspace } from './ask-workspace-task.js';

const scores = (right: number, total: number, abstained: number, unanswerable: number): AskScores => ({
  rows: [],
  right,
  total,
  answerable: total - unanswerable,
  answerableRight: right - abstained,
  unanswerable,
  abstained,
  rightInLine: right,
});
const row = (workspace: string): DatasetRow => ({
  id: 'w',
  input: { workspace },
  expected: { all_abstain: true },
  tags: [],
  curator: 'test',
});
const context = (askWorkspace?: (dir: string) => Promise<unknown>): TaskContext => ({
  header: {
    kind: 'dataset',
    name: 'ask-workspace',
    version: '1',
    task: 'ask-workspace',
    description: '',
    context: {},
  },
  now: new Date('2026-11-20T08:00:00Z'),
  services: askWorkspace ? { askWorkspace } : {},
});

describe('ask-workspace task', () => {
  it('scores the share right, and 0 when an unanswerable question was answered', () => {
    expect(scoreAskWorkspace({}, { workspace: 'w', scores: scores(24, 30, 4, 4) }).score).toBeCloseTo(0.8);
    expect(scoreAskWorkspace({}, { workspace: 'w', scores: scores(24, 30, 3, 4) }).score).toBe(0);
    expect(
      scoreAskWorkspace({ all_abstain: false }, { workspace: 'w', scores: scores(24, 30, 3, 4) }).score,
    ).toBeCloseTo(0.8);
  });

  it('runs the fixture workspace through the service and skips a folder that is absent, saying why', async () => {
    const runner = await askWorkspaceTask.load();
    if ('skipped' in runner) throw new Error(runner.skipped);
    const seen: string[] = [];
    const output = await runner.run(
      row('fixtures/workspace'),
      context(async (dir) => {
        seen.push(dir);
        return scores(1, 2, 1, 1);
      }),
    );
    expect(seen[0]).toMatch(/fixtures\/workspace$/);
    expect(runner.score(row('fixtures/workspace'), output, context()).score).toBe(0.5);
    await expect(
      runner.run(
        row('no/such/workspace'),
        context(async () => scores(0, 0, 0, 0)),
      ),
    ).rejects.toThrow(/no\/such\/workspace is absent/);
  });
});
