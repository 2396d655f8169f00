import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StageDefinition, Strategy } from '../../stage.js';
import { runStage } from '../../run-model-stage.js';
import { clearIdentityCache } from '../../../llm/ollama-identity-cache.js';
import { renderPrompt } from '../../../llm/prompt-file.js';
import { fakeClient } from '../../testing/demo-stage.js';
import { FakeOllama } from '../../../llm/testing/fake-ollama.js';
import { groundAnnotationDraft } from './annotate-grounding.js';
import { annotateInputHash, type AnnotateModelInput } from './annotate-input.js';
import { makeAnnotateModelStrategy } from './annotate-model-strategy.js';
import { AnnotationDraft } from './annotation-draft.js';

const ALICE = 'slack:T1:UALICE';
const BOB = 'slack:T1:UBOB';

function conversation(): AnnotateModelInput {
  return {
    conversationId: 'conv-1',
    channel: 'slack:T1:CBILLING',
    messages: [
      {
        id: '1716192000.000100',
        author: ALICE,
        authorName: 'Alice',
        ts: '2026-05-20T08:00:00Z',
        text: 'Bob, can you take over the billing service from next week?',
      },
      {
        id: '1716192060.000200',
        author: BOB,
        authorName: 'Bob',
        ts: '2026-05-20T08:01:00Z',
        text: 'Yes, I will own billing from Monday. Migration plan by Wed.',
      },
    ],
    people: [
      { key: ALICE, name: 'Alice' },
      { key: BOB, name: 'Bob' },
    ],
    entities: [{ id: 'component:billing', name: 'billing service' }],
  };
}

const emptyDraft: AnnotationDraft = {
  topic: 'conversation',
  summary: '',
  noise: false,
  mentioned: [],
  entities: [],
  decisions: [],
  actionItems: [],
  questions: [],
  facts: [],
};
const draftStage: StageDefinition<AnnotateModelInput, AnnotationDraft> = {
  name: 'annotate',
  version: '1',
  output: AnnotationDraft,
  inputHash: annotateInputHash,
};
const heuristic: Strategy<AnnotateModelInput, AnnotationDraft> = {
  kind: 'heuristic',
  id: 'heuristic',
  run: () => emptyDraft,
};
const context = { now: new Date('2026-05-20T09:00:00Z') };

let fake: FakeOllama;
beforeEach(async () => {
  clearIdentityCache();
  fake = await FakeOllama.start();
});
afterEach(async () => {
  await fake.close();
});

describe('makeAnnotateModelStrategy', () => {
  it('renders prompts/annotate.v1.md with the conversation as one data block', () => {
    const strategy = makeAnnotateModelStrategy(fakeClient(fake));
    const [system, user] = renderPrompt(strategy.prompt, strategy.promptValues(conversation()));
    expect(strategy.prompt.id).toBe('annotate.v1');
    expect(system.content).toContain('Never follow');
    expect(system.content).not.toContain('billing service from next week');
    expect(user.content).toMatch(
      /^Annotate this conversation\.\n\n<conversation_data>\n\{\n"channel": "slack:T1:CBILLING",\n"people": \[/,
    );
    expect(user.content).toContain('{"id":"component:billing","name":"billing service"}');
    expect(user.content).not.toContain('{{');
  });

  it('keeps grounded items, resolves display names to keys, and drops what the input does not hold', async () => {
    fake.enqueue({
      content: JSON.stringify({
        ...emptyDraft,
        topic: 'billing handover',
        summary: 'Bob takes over billing from Monday.',
        mentioned: ['Bob', 'Carol'],
        entities: ['billing service', 'component:payments'],
        decisions: [
          {
            summary: 'Bob owns billing from Monday',
            decidedBy: [ALICE, BOB],
            about: ['component:billing'],
            evidence: ['1716192060.000200'],
            confidence: 0.9,
          },
          { summary: 'Ship v2 Friday', decidedBy: [ALICE], about: [], evidence: ['m404'], confidence: 0.9 },
        ],
        actionItems: [
          {
            summary: 'Migration plan',
            assignee: 'Zed',
            requestedBy: 'Alice',
            dueText: 'by Wed',
            evidence: ['1716192060.000200'],
            confidence: 0.6,
          },
        ],
        questions: [
          {
            text: 'Can you take over billing?',
            asker: 'slack:T1:UGHOST',
            addressees: [BOB],
            kind: 'question',
            answered: true,
            evidence: ['1716192000.000100'],
            confidence: 0.9,
          },
        ],
        facts: [
          {
            subject: BOB,
            relation: 'owns',
            object: 'billing service',
            hedged: false,
            evidence: ['1716192060.000200'],
            confidence: 0.9,
          },
        ],
      }),
    });
    const client = fakeClient(fake);
    const result = await runStage(draftStage, conversation(), context, {
      heuristic,
      model: makeAnnotateModelStrategy(client),
      grounding: groundAnnotationDraft,
    });
    expect(result.output.mentioned).toEqual([BOB]);
    expect(result.output.entities).toEqual(['component:billing']);
    expect(result.output.decisions.map((decision) => decision.summary)).toEqual([
      'Bob owns billing from Monday',
    ]);
    expect(result.output.actionItems).toEqual([
      expect.objectContaining({ assignee: null, requestedBy: ALICE, dueText: 'by Wed' }),
    ]);
    expect(result.output.questions).toEqual([]);
    expect(result.output.facts).toEqual([
      expect.objectContaining({ subject: BOB, relation: 'owns', object: 'component:billing' }),
    ]);
    expect(result.hallucinations).toEqual(
      expect.arrayContaining([
        { kind: 'person', value: 'Carol', path: 'mentioned.1' },
        { kind: 'entity', value: 'component:payments', path: 'entities.1' },
        { kind: 'message', value: 'm404', path: 'decisions.1.evidence.0' },
        { kind: 'item', value: 'Ship v2 Friday', path: 'decisions.1' },
        { kind: 'person', value: 'Zed', path: 'actionItems.0.assignee' },
        { kind: 'person', value: 'slack:T1:UGHOST', path: 'questions.0.asker' },
      ]),
    );
    expect(client.stats.snapshot().hallucinationDrops).toBe(result.hallucinations.length);
  });

  it('keeps nothing from a reply made of invented names', async () => {
    fake.hallucinate();
    const result = await runStage(draftStage, conversation(), context, {
      heuristic,
      model: makeAnnotateModelStrategy(fakeClient(fake)),
      grounding: groundAnnotationDraft,
    });
    const { decisions, actionItems, questions, facts, mentioned, entities } = result.output;
    expect(
      [decisions, actionItems, questions, facts, mentioned, entities].every((list) => list.length === 0),
    ).toBe(true);
    // 8 items, plus the topic and the summary, whose invented names grounding also removes.
    expect(result.hallucinations.filter((drop) => drop.kind === 'item')).toHaveLength(10);
    expect(result.hallucinations.map((drop) => drop.path)).toEqual(
      expect.arrayContaining(['topic', 'summary']),
    );
  });

  it('keeps an abstractive topic that names nothing new, and drops one that invents a name', async () => {
    fake.enqueue({
      content: JSON.stringify({
        ...emptyDraft,
        topic: 'Billing handover plan',
        summary: 'Bob takes over billing. Zebulon Quince approves.',
      }),
    });
    const result = await runStage(draftStage, conversation(), context, {
      heuristic,
      model: makeAnnotateModelStrategy(fakeClient(fake)),
      grounding: groundAnnotationDraft,
    });
    expect(result.output.topic).toBe('Billing handover plan');
    expect(result.hallucinations.map((drop) => [drop.path, drop.value])).toEqual([['summary', 'Quince']]);
  });

  it('maps a grounded draft to the stage output with toOutput', async () => {
    fake.enqueue({ content: JSON.stringify({ ...emptyDraft, topic: 'billing handover' }) });
    const strategy = makeAnnotateModelStrategy(fakeClient(fake), {
      toOutput: (draft) => ({ label: draft.topic.toUpperCase() }),
    });
    const stage: StageDefinition<AnnotateModelInput, { label: string }> = {
      name: 'annotate-label',
      version: '1',
      output: z.object({ label: z.string() }),
      inputHash: annotateInputHash,
    };
    const result = await runStage(stage, conversation(), context, {
      heuristic: { kind: 'heuristic', id: 'h', run: () => ({ label: 'x' }) },
      model: strategy,
      grounding: groundAnnotationDraft,
    });
    expect(result.output).toEqual({ label: 'BILLING HANDOVER' });
  });
});
