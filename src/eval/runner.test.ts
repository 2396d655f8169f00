import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEvalStore } from '../memory/traces/sqlite-eval-store.js';
import { SqliteSpanStore } from '../memory/traces/sqlite-span-store.js';
import { openTraceDatabase } from '../memory/traces/test-support/trace-database.js';
import { clearIdentityCache } from '../llm/ollama-identity-cache.js';
import { fakeClient } from '../pipeline/testing/demo-stage.js';
import { FakeOllama } from '../llm/testing/fake-ollama.js';
import { StoreSpanSink } from '../observability/store-sink.js';
import { Tracer } from '../observability/tracer.js';
import { compareRuns } from './compare.js';
import { parseDataset, serializeDataset, type Dataset } from './dataset.js';
import { runEval } from './runner.js';
import type { EvalTask } from './task.js';
import { EVAL_TASKS } from './task-registry.js';

const meta = { gitCommit: 'abc123', configHash: 'cfg1', modelName: null, modelDigest: null };

/** A task that answers `input.answer` and scores exact equality with `expected`. */
function echoTask(name = 'echo', answers?: Map<string, string>): EvalTask {
  return {
    name,
    stage: 'test',
    async load() {
      return {
        async run(row) {
          const answer = answers?.get(row.id) ?? (row.input as { answer: string }).answer;
          if (answer === 'throw') throw new Error('the stage crashed');
          return answer;
        },
        score: (row, output) => ({
          score: output === row.expected ? 1 : 0,
          scores: { exact: output === row.expected ? 1 : 0 },
        }),
      };
    },
  };
}

const missingTask: EvalTask = {
  name: 'missing',
  stage: 'annotate',
  load: async () => ({ skipped: 'stage missing: src/pipeline/annotate' }),
};

function dataset(name: string, task: string, rows: [string, string, string][]): Dataset {
  const text = serializeDataset(
    { kind: 'dataset', name, version: '1', task, description: '', context: {} },
    rows.map(([id, answer, expected]) => ({ id, input: { answer }, expected, tags: [], curator: 'test' })),
  );
  return parseDataset(text, `${name}.jsonl`);
}

describe('runEval', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());
  const open = () => {
    const opened = openTraceDatabase();
    cleanup = opened.cleanup;
    return opened.db;
  };

  it('scores datasets, reports a skipped task as skipped (never 0), and stores the run with its metadata', async () => {
    const db = open();
    const store = new SqliteEvalStore(db);
    const tasks = new Map([
      ['echo', echoTask()],
      ['missing', missingTask],
    ]);
    const report = await runEval({
      datasets: [
        dataset('answers', 'echo', [
          ['a', 'x', 'x'],
          ['b', 'y', 'z'],
        ]),
        dataset('decisions', 'missing', [['c', 'x', 'x']]),
      ],
      tasks,
      meta,
      store,
      threshold: 0.4,
    });
    expect(report.score).toBe(0.5);
    expect(report.passed).toBe(true);
    const [answers, decisions] = report.datasets;
    expect(answers).toMatchObject({
      status: 'scored',
      score: 0.5,
      scored: 2,
      errors: 0,
      passed: true,
      scores: { exact: 0.5 },
    });
    expect(decisions).toMatchObject({
      status: 'skipped',
      reason: 'stage missing: src/pipeline/annotate',
      score: null,
      scored: 0,
    });
    expect(decisions.passed).toBeUndefined();
    const stored = store.findRun('latest')!;
    expect(stored).toMatchObject({
      id: report.id,
      gitCommit: 'abc123',
      configHash: 'cfg1',
      score: 0.5,
      threshold: 0.4,
      trials: 1,
    });
    expect(
      store.items(report.id).map((item) => [item.dataset, item.itemId, item.status, item.score]),
    ).toEqual([
      ['answers', 'a', 'scored', 1],
      ['answers', 'b', 'scored', 0],
      ['decisions', 'c', 'skipped', null],
    ]);
  });

  it('fails the threshold when a dataset is under it, has errors, or nothing was scored', async () => {
    const tasks = new Map([
      ['echo', echoTask()],
      ['missing', missingTask],
    ]);
    const under = await runEval({
      datasets: [
        dataset('d', 'echo', [
          ['a', 'x', 'x'],
          ['b', 'y', 'z'],
        ]),
      ],
      tasks,
      meta,
      threshold: 0.6,
    });
    expect(under.passed).toBe(false);
    const crashed = await runEval({
      datasets: [
        dataset('d', 'echo', [
          ['a', 'x', 'x'],
          ['b', 'throw', 'z'],
        ]),
      ],
      tasks,
      meta,
      threshold: 0.5,
    });
    expect(crashed.datasets[0]).toMatchObject({ score: 1, errors: 1, passed: false });
    const nothing = await runEval({
      datasets: [dataset('d', 'missing', [['a', 'x', 'x']])],
      tasks,
      meta,
      threshold: 0,
    });
    expect(nothing.score).toBeNull();
    expect(nothing.passed).toBe(false);
    const noThreshold = await runEval({ datasets: [dataset('d', 'echo', [['a', 'x', 'y']])], tasks, meta });
    expect(noThreshold.passed).toBeNull();
  });

  it('averages trials per item and records a span per item under the run', async () => {
    const db = open();
    let calls = 0;
    const flaky: EvalTask = {
      name: 'flaky',
      stage: 'test',
      load: async () => ({
        run: async () => (calls++ % 2 === 0 ? 'x' : 'no'),
        score: (_row, output) => ({ score: output === 'x' ? 1 : 0, scores: {} }),
      }),
    };
    const spans = new SqliteSpanStore(db);
    const sink = new StoreSpanSink(spans);
    const report = await runEval({
      datasets: [dataset('d', 'flaky', [['a', '', '']])],
      tasks: new Map([['flaky', flaky]]),
      meta,
      trials: 4,
      tracer: new Tracer({ sinks: [sink] }),
    });
    sink.flush();
    expect(report.datasets[0].score).toBe(0.5);
    const [traceId] = spans.resolve(report.id);
    const names = spans.trace(traceId).map((span) => span.name);
    expect(names[0]).toBe(`eval run ${report.id}`);
    expect(names.filter((name) => name === 'eval item d/a')).toHaveLength(4);
  });

  it('compares two runs item by item', async () => {
    const db = open();
    const store = new SqliteEvalStore(db);
    const rows: [string, string, string][] = [
      ['a', 'x', 'x'],
      ['b', 'y', 'y'],
      ['c', 'n', 'z'],
    ];
    const first = await runEval({
      datasets: [dataset('d', 'echo', rows)],
      tasks: new Map([['echo', echoTask()]]),
      meta,
      store,
      now: () => new Date('2026-11-20T10:00:00Z'),
      runId: 'eval-1',
    });
    const answers = new Map([
      ['b', 'wrong'],
      ['c', 'z'],
    ]);
    const second = await runEval({
      datasets: [dataset('d', 'echo', rows)],
      tasks: new Map([['echo', echoTask('echo', answers)]]),
      meta: { ...meta, gitCommit: 'def456' },
      store,
      now: () => new Date('2026-11-20T11:00:00Z'),
      runId: 'eval-2',
    });
    expect(store.findRun('latest')!.id).toBe(second.id);
    expect(store.findRun('latest~1')!.id).toBe(first.id);
    const comparison = compareRuns(
      store.findRun('eval-1')!,
      store.items('eval-1'),
      store.findRun('eval-2')!,
      store.items('eval-2'),
    );
    expect(comparison.counts).toMatchObject({ improved: 1, regressed: 1, unchanged: 1 });
    expect(comparison.items.map((item) => [item.itemId, item.change, item.before, item.after])).toEqual([
      ['b', 'regressed', 1, 0],
      ['c', 'improved', 0, 1],
    ]);
    expect(comparison.after.gitCommit).toBe('def456');
    const third = await runEval({
      datasets: [dataset('other', 'echo', rows)],
      tasks: new Map([['echo', echoTask()]]),
      meta,
      store,
      runId: 'eval-3',
    });
    const disjoint = compareRuns(
      store.findRun('eval-2')!,
      store.items('eval-2'),
      store.findRun(third.id)!,
      store.items(third.id),
    );
    expect(disjoint).toMatchObject({ items: [], onlyBefore: ['d'], onlyAfter: ['other'] });
  });

  it('stores judge verdicts beside the scores, and a judge failure as an error', async () => {
    clearIdentityCache();
    const fake = await FakeOllama.start();
    try {
      const db = open();
      const store = new SqliteEvalStore(db);
      const vote = (verdict: string) => ({
        content: JSON.stringify({ verdict, score: verdict === 'pass' ? 1 : 0, reason: 'r' }),
      });
      fake.enqueue(
        vote('pass'),
        vote('pass'),
        vote('fail'),
        { status: 500 },
        { status: 500 },
        { status: 500 },
      );
      const report = await runEval({
        datasets: [
          dataset('d', 'echo', [
            ['a', 'x', 'x'],
            ['b', 'y', 'y'],
          ]),
        ],
        tasks: new Map([['echo', echoTask()]]),
        meta,
        store,
        judge: fakeClient(fake, { retries: 0 }),
      });
      expect(report.datasets[0].judge).toEqual({ passed: 1, failed: 0, errors: 1 });
      expect(report.datasets[0].score).toBe(1);
      const [a, b] = store.items(report.id);
      expect(a.judge).toMatchObject({ status: 'ok', verdict: 'pass', promptId: 'eval-judge.v1' });
      expect(b.judge).toMatchObject({ status: 'error' });
      expect(b.score).toBe(1);
    } finally {
      await fake.close();
    }
  });

  it('pools the counts of list tasks, so items with nothing to find do not inflate the score', async () => {
    // Nine conversations with nothing to find (each scores 1), one with two items of which one is found.
    const list: EvalTask = {
      name: 'list',
      stage: 'test',
      load: async () => ({
        run: async (row) => row.input,
        score: (row) =>
          row.id === 'busy'
            ? { score: 0.5, scores: { f1: 0.5 }, counts: { matched: 1, predicted: 2, expected: 2 } }
            : { score: 1, scores: { f1: 1 }, counts: { matched: 0, predicted: 0, expected: 0 } },
      }),
    };
    const rows: [string, string, string][] = [
      ...Array.from({ length: 9 }, (_, i): [string, string, string] => [`quiet${i}`, '', '']),
      ['busy', '', ''],
    ];
    const report = await runEval({
      datasets: [dataset('d', 'list', rows)],
      tasks: new Map([['list', list]]),
      meta,
    });
    expect(report.datasets[0].score).toBeCloseTo(0.5);
    expect(report.datasets[0].scores).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, item_f1: 0.95 });
    expect(report.datasets[0].counts).toEqual({ matched: 1, predicted: 2, expected: 2 });
  });

  it('runs the annotate stage on a dataset conversation and scores what it finds', async () => {
    const message = (id: string, author: string, text: string) => ({
      ref: `slack:C1:${id}`,
      source: 'slack',
      workspace: 'slack',
      channel: 'C1',
      id,
      author,
      authorName: author === 'slack:U1' ? 'Priya Nair' : 'Marco Rossi',
      text,
      ts: `2026-11-10T09:0${id}:00Z`,
      thread: null,
      replyTo: null,
    });
    const text = serializeDataset(
      {
        kind: 'dataset',
        name: 'action-items',
        version: '1',
        task: 'annotate.action_items',
        description: '',
        context: {
          people: [
            { id: 'priya', name: 'Priya Nair', identities: ['slack:U1'] },
            { id: 'marco', name: 'Marco Rossi', identities: ['slack:U2'] },
          ],
          components: [],
          timezone: 'UTC',
        },
      },
      [
        {
          id: 'c1',
          input: {
            conversation: {
              id: 'c1',
              channel: 'slack:C1',
              messages: [
                message('1', 'slack:U2', '@Priya Nair can you send the refund report to finance by Friday?'),
                message('2', 'slack:U1', "sure, I'll send it by Friday"),
              ],
            },
          },
          expected: {
            items: [
              {
                id: 'a1',
                summary: 'Priya sends the refund report to finance',
                assignee: 'priya',
                due: '2026-11-13',
                evidence: ['slack:C1:1', 'slack:C1:2'],
              },
            ],
          },
          tags: [],
          curator: 'test',
        },
      ],
    );
    const report = await runEval({
      datasets: [parseDataset(text)],
      tasks: EVAL_TASKS,
      meta,
      now: () => new Date('2026-11-10T12:00:00Z'),
    });
    const [result] = report.datasets;
    expect(result.status).toBe('scored');
    expect(result.errors).toBe(0);
    expect(result.counts?.expected).toBe(1);
    expect(result.score).toBeGreaterThan(0);
  });

  it('skips ask rows, with the reason, when the workspace store holds no facts', async () => {
    const ask = parseDataset(
      serializeDataset(
        {
          kind: 'dataset',
          name: 'ask',
          version: '1',
          task: 'ask',
          description: '',
          context: { workspace: 'fixtures/workspace' },
        },
        [
          {
            id: 'k1',
            input: { question: 'who owns billing', as_of: null },
            expected: { unknown: false, answer_contains: ['Marco'], answer_excludes: [] },
            tags: [],
            curator: 'test',
          },
        ],
      ),
    );
    let opened = 0;
    const services = { workspace: async () => (opened++, { sources: {}, facts: 0 }) };
    const report = await runEval({ datasets: [ask], tasks: EVAL_TASKS, meta, services });
    expect(report.datasets[0]).toMatchObject({
      status: 'skipped',
      skipped: 1,
      errors: 0,
      score: null,
      reason: expect.stringMatching(/^stage missing: the workspace store has no facts/),
    });
    expect(opened).toBe(1);
  });
});
