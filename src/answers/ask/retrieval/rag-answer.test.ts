import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackProfile } from '../test-support/slack-people.js';
import { indexedSources, messageDoc } from '../test-support/search-docs.js';
import { clearIdentityCache } from '../../../llm/ollama-identity-cache.js';
import { FakeOllama } from '../../../llm/testing/fake-ollama.js';
import type { SearchDocInput } from '../../../memory/search/search-types.js';
import { fakeClient } from '../../../pipeline/testing/demo-stage.js';
import { MemoryStageCache } from '../../../pipeline/stage-cache.js';
import { PeopleDirectory } from '../../people/people-directory.js';
import type { AskSources } from '../answer-support.js';
import { ask } from '../ask.js';
import { checkRagReply, unsupportedTerm } from './rag-answer.js';

const profile = slackProfile;
const ASOF = '2026-10-23T23:59:59.999Z';
const AUDIT_QUESTION = 'When is the HIPAA review?';

const PEOPLE = new PeopleDirectory([
  profile('UHEL', 'Helena Marsh'),
  profile('UPRI', 'Priya Raman'),
  profile('UDAV', 'Dave Kowalski'),
  profile('UMAR', 'Marcus Webb'),
]);

const message = (author: string, at: string, text: string) => messageDoc(author, at, text);

const DOCS: SearchDocInput[] = [
  message(
    'UDAV',
    '2026-10-15T10:00:00.000Z',
    'Hello all, for the HIPAA readiness review the assessors have Nov 16–20 or Dec 7–11 open. Please choose one by Friday.',
  ),
  message('UMAR', '2026-10-16T09:00:00.000Z', 'Initech asked about a discount on the renewal'),
  message('UHEL', '2026-10-16T09:05:00.000Z', 'maybe ~10% as a draft? nothing agreed yet'),
];

function sources(): AskSources {
  return indexedSources(DOCS, PEOPLE, ASOF);
}

const reply = (answer: string, cites: string[], answerable = true): { content: string } => ({
  content: JSON.stringify({ answer, cites, answerable }),
});
/** The question-understanding call comes first: the model does not recognise a structured kind either. */
const UNKNOWN = { content: JSON.stringify({ intent: 'unknown', target: '', when: null, sure: false }) };
const GOOD =
  'The HIPAA readiness review can be Nov 16–20 or Dec 7–11, and Dave Kowalski needs a choice by Friday.';

let fake: FakeOllama;
/** The chat requests that asked for an answer from passages (not the question-understanding ones). */
const passageRequests = (): unknown[] =>
  fake.chatRequests().filter((request) => String(request.messages[1].content).includes('<passages_data>'));
beforeEach(async () => {
  clearIdentityCache();
  fake = await FakeOllama.start();
});
afterEach(async () => {
  await fake.close();
});

describe('ask with a model: answers from the retrieved passages', () => {
  it('keeps a grounded answer with the passages it cites as evidence', async () => {
    const extractive = await ask(AUDIT_QUESTION, sources(), { asOf: ASOF });
    fake.enqueue(UNKNOWN, reply(`${GOOD} [p1]`, ['p1']));
    const answer = await ask(AUDIT_QUESTION, sources(), { asOf: ASOF, model: { client: fakeClient(fake) } });
    expect(answer).toMatchObject({
      known: true,
      text: GOOD,
      understoodBy: 'retrieval',
      answeredBy: 'model',
      extractive: extractive.text,
      degraded: false,
      wording: null,
      // One call to understand the question (no structured kind), one to answer from the passages.
      model: { calls: 2, cached: 0, hallucinationDrops: 0 },
    });
    expect(answer.evidence).toHaveLength(1);
    expect(answer.evidence[0].snippet).toContain('HIPAA readiness review');
    expect(extractive.answeredBy).toBe('extractive');
    const [request] = passageRequests() as Array<{
      format: { required: string[] };
      messages: Array<{ content: string }>;
    }>;
    expect(request.format.required).toEqual(expect.arrayContaining(['answer', 'cites', 'answerable']));
    expect(request.messages[1].content).toContain('<passages_data>');
    expect(request.messages[1].content).toContain('"id":"p1"');
    expect(request.messages[1].content).toContain('Dec 7–11');
  });

  it('rejects an answer that names someone its cited passages do not, and returns the extractive answer, degraded', async () => {
    fake.enqueue(UNKNOWN, reply('The HIPAA review is Nov 16–20, booked by Zebulon Quince.', ['p1']));
    const answer = await ask(AUDIT_QUESTION, sources(), { asOf: ASOF, model: { client: fakeClient(fake) } });
    expect(answer).toMatchObject({ known: true, answeredBy: 'extractive', degraded: true });
    expect(answer.text.startsWith('Nov 16–20')).toBe(true);
    expect(answer.text).not.toContain('Zebulon');
    expect(answer.degradedReason).toContain('it wrote a name that is not in the passages it cites');
    expect(answer.degradedReason).not.toContain('Zebulon');
    expect(answer.model?.hallucinationDrops).toBe(1);
  });

  it('rejects a person of the directory who is not in the cited passages, and a date the passages do not give', async () => {
    fake.enqueue(
      UNKNOWN,
      reply('Priya Raman said the HIPAA review is Nov 16–20.', ['p1']),
      UNKNOWN,
      reply('The HIPAA review is Nov 16–21.', ['p1']),
    );
    const client = fakeClient(fake);
    const named = await ask(AUDIT_QUESTION, sources(), { asOf: ASOF, model: { client } });
    expect(named.degradedReason).toContain('a name that is not in the passages');
    const dated = await ask(AUDIT_QUESTION, sources(), { asOf: ASOF, model: { client } });
    expect(dated).toMatchObject({ answeredBy: 'extractive', degraded: true });
    expect(dated.degradedReason).toContain('a number that is not in the passages');
  });

  it('rejects an uncited answer, and one citing a passage that does not exist', async () => {
    fake.enqueue(UNKNOWN, reply(GOOD, []), UNKNOWN, reply(GOOD, ['p1', 'p9']));
    const client = fakeClient(fake);
    const uncited = await ask(AUDIT_QUESTION, sources(), { asOf: ASOF, model: { client } });
    expect(uncited).toMatchObject({ answeredBy: 'extractive', degraded: true });
    expect(uncited.degradedReason).toContain('cited no passage');
    expect(uncited.model?.hallucinationDrops).toBe(0);
    const invented = await ask(AUDIT_QUESTION, sources(), { asOf: ASOF, model: { client } });
    expect(invented).toMatchObject({ answeredBy: 'extractive', degraded: true });
    expect(invented.degradedReason).toContain('an id that is not one of the passages');
    expect(invented.model?.hallucinationDrops).toBe(1);
  });

  it('returns the extractive answer, degraded, when the model times out', async () => {
    fake.enqueue(UNKNOWN, { hang: true });
    const client = fakeClient(fake, { timeoutMs: 300, retries: 0 });
    const answer = await ask(AUDIT_QUESTION, sources(), { asOf: ASOF, model: { client } });
    expect(answer).toMatchObject({ known: true, answeredBy: 'extractive', degraded: true });
    expect(answer.text.startsWith('Nov 16–20')).toBe(true);
    expect(answer.degradedReason).toMatch(/could not answer from the passages \(TIMEOUT/);
  });

  it('keeps the extractive answer, degraded, when the model finds no answer in the passages', async () => {
    fake.enqueue(UNKNOWN, reply('', [], false));
    const answer = await ask(AUDIT_QUESTION, sources(), { asOf: ASOF, model: { client: fakeClient(fake) } });
    expect(answer).toMatchObject({ answeredBy: 'extractive', degraded: true });
    expect(answer.degradedReason).toContain('found no answer');
    expect(answer.model?.hallucinationDrops).toBe(0);
  });

  it('says "I don\'t know" on weak evidence without calling the model', async () => {
    fake.enqueue(UNKNOWN);
    const answer = await ask('What discount did we give Initech?', sources(), {
      asOf: ASOF,
      model: { client: fakeClient(fake) },
    });
    expect(answer.known).toBe(false);
    expect(answer.text.startsWith("I don't know.")).toBe(true);
    expect(answer.degraded).toBe(false);
    expect(passageRequests()).toHaveLength(0);
  });

  it('caches the answer: asking again makes no model call', async () => {
    fake.enqueue(UNKNOWN, reply(GOOD, ['p1']));
    const cache = new MemoryStageCache();
    const first = await ask(AUDIT_QUESTION, sources(), {
      asOf: ASOF,
      model: { client: fakeClient(fake), cache },
    });
    const second = await ask(AUDIT_QUESTION, sources(), {
      asOf: ASOF,
      model: { client: fakeClient(fake), cache },
    });
    expect(first.text).toBe(GOOD);
    expect(second).toMatchObject({ text: GOOD, answeredBy: 'model', model: { calls: 0, cached: 2 } });
    expect(passageRequests()).toHaveLength(1);
  });

  it('answers extractively with the passages option off (no model call)', async () => {
    fake.enqueue(UNKNOWN);
    const answer = await ask(AUDIT_QUESTION, sources(), {
      asOf: ASOF,
      model: { client: fakeClient(fake), passages: false, reword: false },
    });
    expect(answer).toMatchObject({ answeredBy: 'extractive', degraded: false });
    expect(passageRequests()).toHaveLength(0);
  });
});

describe('checkRagReply', () => {
  const passage = {
    id: 'p1',
    author: 'Dave Kowalski',
    date: '2026-10-15',
    text: 'The HIPAA readiness review: assessors have Nov 16–20. Budget $12,500 (OPS-1234).',
  };
  const input = { question: AUDIT_QUESTION, answerType: 'time', passages: [passage] };
  const check = (answer: string, cites = ['p1']): string | null =>
    checkRagReply({ answer, cites, answerable: true }, input, PEOPLE);

  it('accepts full month names, thousands separators, identifiers, the author and the passage day', () => {
    expect(check('Dave Kowalski offered November 16–20 for HIPAA, at $12500 (see OPS-1234).')).toBeNull();
    expect(check('On Thursday, October 15, 2026, Dave said Nov 16–20.')).toBeNull();
  });

  it('rejects unknown identifiers, acronyms, months and more than two sentences', () => {
    expect(check('See OPS-1235.')).toContain('a name that is not in');
    expect(check('The PCI review is Nov 16–20.')).toContain('a name that is not in');
    expect(check('It is in December.')).toContain('a date that is not in');
    expect(check('It is Nov 16. It is Nov 20. It is HIPAA.')).toContain('longer than two sentences');
  });

  it('finds the first unsupported term, or none', () => {
    expect(unsupportedTerm('Nov 16–20 for HIPAA.', [passage], PEOPLE)).toBeUndefined();
    expect(unsupportedTerm('Nov 16–20 for HIPAA, said Marcus.', [passage], PEOPLE)).toBe('Marcus');
    expect(unsupportedTerm('See OPS-1235.', [passage], PEOPLE)).toBe('OPS-1235');
    expect(unsupportedTerm('The PCI review is Nov 16–20.', [passage], PEOPLE)).toBe('PCI');
    expect(unsupportedTerm('It is Nov 16–21.', [passage], PEOPLE)).toBe('21');
  });
});
